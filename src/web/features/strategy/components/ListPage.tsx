import { useState, type ReactNode } from 'react';
import { Button, Card, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';

type Props<T> = {
  title: string;
  lead: string;
  /** The add button's text, also the heading over the form it opens. */
  addLabel: string;
  /** Whether the signed-in person may add (from the abilities the server sends). */
  canAdd: boolean;
  /** The add form; it calls onDone when saved or cancelled. */
  form: (onDone: () => void) => ReactNode;
  query: { data: T | undefined; error: unknown; isPending: boolean };
  isEmpty: (data: T) => boolean;
  empty: { title: string; hint: string };
  /** Shown above the form and the list, also when the list is empty (e.g. counts). */
  summary?: (data: T) => ReactNode;
  children: (data: T) => ReactNode;
  /** Shown below the list, also when it is empty. */
  footer?: (data: T) => ReactNode;
};

/**
 * The strategy module's list pages (valg og fravalg: technologies, decisions, ambassadors): a
 * header with an add button for those who may add, the add form in a card, then the list or an
 * empty state.
 */
export function ListPage<T>({ title, lead, addLabel, canAdd, form, query, isEmpty, empty, summary, children, footer }: Props<T>) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        eyebrow={t('nav.strategyGroup')}
        title={title}
        description={lead}
        actions={
          canAdd && !adding ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {addLabel}
            </Button>
          ) : null
        }
      />
      <QueryState query={query}>
        {(data) => (
          <Stack gap="lg">
            {summary?.(data)}
            {adding ? (
              <Card>
                <Title order={2} fz="lg" mb="sm">
                  {addLabel}
                </Title>
                {form(() => setAdding(false))}
              </Card>
            ) : null}
            {isEmpty(data) ? <EmptyState title={empty.title} hint={empty.hint} /> : children(data)}
            {footer?.(data)}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
