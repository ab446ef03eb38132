import type { User } from '@clipdm/shared';
import type { InfiniteData } from '@tanstack/preact-query';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/preact-query';
import { api, type Page } from '../../api/client.ts';
import { failureOf } from '../../api/http.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { PersonLine } from '../../ui/PersonLine.tsx';

/** Blocked accounts, each with Unblock. */
export function BlockedList() {
  const client = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: queryKeys.blocks,
    queryFn: ({ pageParam }) => api.listBlocks(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
  });
  const unblock = useMutation({
    mutationFn: (user: User) => api.unblock(user.handle),
    onSuccess: (_, user) =>
      client.setQueryData<InfiniteData<Page<User>>>(queryKeys.blocks, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({ ...p, items: p.items.filter((u) => u.id !== user.id) })),
            }
          : data,
      ),
  });
  const users = query.data?.pages.flatMap((page) => page.items) ?? [];
  const error = failureOf(unblock.error ?? query.error);

  return (
    <section class="settings-section" aria-labelledby="blocked-heading">
      <h3 id="blocked-heading">{t('blockedTitle')}</h3>
      {users.length === 0 ? (
        <p class="quiet">{t('blockedEmpty')}</p>
      ) : (
        <ul class="rows">
          {users.map((user) => (
            <li key={user.id} class="row-static">
              <PersonLine user={user} showCanMessage={false} />
              <button type="button" class="small" onClick={() => unblock.mutate(user)}>
                {t('unblockName', user.displayName)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <button type="button" class="link" onClick={() => void query.fetchNextPage()}>
          {t('loadMore')}
        </button>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
