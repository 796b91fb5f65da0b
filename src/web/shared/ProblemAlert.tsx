import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';

type Props = { error: unknown; title?: string; hideFields?: string[] };

/** Shows a problem+json error: its localised title and the field messages not shown elsewhere. */
export function ProblemAlert({ error, title, hideFields = [] }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const fields = (problem?.errors ?? []).filter((e) => !hideFields.includes(e.field));
  return (
    <Alert color="red.9" variant="light" icon={<IconAlertCircle aria-hidden />} title={title ?? problem?.title ?? t('errors.internal')} role="alert">
      {fields.length > 0 ? (
        <List size="sm">
          {fields.map((e) => (
            <List.Item key={`${e.field}-${e.code}`}>{e.message}</List.Item>
          ))}
        </List>
      ) : title && problem ? (
        problem.title
      ) : null}
    </Alert>
  );
}
