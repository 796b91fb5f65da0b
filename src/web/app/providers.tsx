import { type ReactNode, useMemo } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api';
import { HOME_KEY } from './home';
import { ME_KEY, meQuery } from './session';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, themeIn } from './theme';

function onError(error: unknown, client: () => QueryClient) {
  // The session ended (idle timeout, signed out elsewhere): forget the account so the shell redirects.
  if (error instanceof ApiError && error.status === 401) client().setQueryData(ME_KEY, null);
}

let queryClient: QueryClient | null = null;
const getClient = (): QueryClient => {
  if (!queryClient) throw new Error('query client not ready');
  return queryClient;
};

queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (e, query) => (query.queryKey[0] === ME_KEY[0] ? undefined : onError(e, getClient)) }),
  mutationCache: new MutationCache({
    onError: (e) => onError(e, getClient),
    // Whatever was just done may change what waits on Min side and the navigation's counts. Not
    // awaited: the mutation's own callbacks (signing out) must not wait for the refetch.
    onSuccess: () => void getClient().invalidateQueries({ queryKey: HOME_KEY }),
  }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

/** Starts fetching the signed-in account at once, while the first page's chunk is still downloading. */
export const prefetchMe = () => getClient().prefetchQuery(meQuery);

export function Providers({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useMemo(() => themeIn(t), [t]);
  return (
    <QueryClientProvider client={getClient()}>
      <MantineProvider theme={theme} defaultColorScheme="light" forceColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <Notifications position="top-right" />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
