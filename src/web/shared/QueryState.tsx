import type { ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

type Props<T> = { query: { data: T | undefined; error: unknown; isPending: boolean }; children: (data: T) => ReactNode };

/** Loading spinner, error alert or the content of a query. */
export function QueryState<T>({ query, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.error) return <ProblemAlert error={query.error} />;
  if (query.isPending || query.data === undefined)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  return <>{children(query.data)}</>;
}
