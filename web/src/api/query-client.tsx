/**
 * The data of the views, on TanStack Query: one cache, cleared when the user signs out
 * (session.tsx), so two components reading the same incident send one request, and a page
 * visited again shows its last answer while it reloads. Live events invalidate what they
 * change (live-invalidation.ts).
 */
import { QueryClient, QueryClientProvider, type UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

/**
 * The defaults keep the behaviour of the views before the cache: an error shows at once with
 * its retry button (no silent retries), and switching windows does not reload anything; fresh
 * data comes from the live stream instead.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false } },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  // One client for the page's life: signing out clears it (session.tsx), so no answer outlives the session that read it.
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** What a view needs of a query: the latest answer, its error, whether it is loading, and a retry. */
export interface Query<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload(): void;
}

export function asQuery<T>(result: UseQueryResult<T>): Query<T> {
  return {
    data: result.data,
    error: result.error,
    loading: result.isFetching,
    reload: () => void result.refetch(),
  };
}
