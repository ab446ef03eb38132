import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { asFailure, failureOf } from '../../api/http.ts';
import { identityApi } from '../../api/identity-client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { errorText } from '../../ui/error-text.ts';
import { flowErrorText } from '../sign-in/flow-error-text.ts';
import { runProviderFlow } from '../sign-in/provider-flow.ts';

const LINKED_KEY = ['facebook-link'] as const;

/** "Link Facebook": friends who also linked become suggested friends; unlinking forgets them. */
export function FacebookLink() {
  const client = useQueryClient();
  const linked = useQuery({ queryKey: LINKED_KEY, queryFn: identityApi.facebookLinked });
  const [error, setError] = useState<string | null>(null);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: LINKED_KEY });
    void client.invalidateQueries({ queryKey: queryKeys.suggested });
  };
  const link = useMutation({
    mutationFn: async () => {
      const ticket = await identityApi.facebookLinkTicket();
      const fragment = await runProviderFlow((returnUrl) => identityApi.facebookStartUrl(returnUrl, ticket));
      const linkCode = fragment.get('link_code');
      if (!linkCode) return fragment.get('error') ?? 'cancelled';
      await identityApi.confirmFacebookLink(linkCode);
      return null;
    },
    onMutate: () => setError(null),
    onSuccess: (flowError) => {
      if (flowError) setError(flowErrorText(flowError));
      else refresh();
    },
    onError: (e) => setError(errorText(asFailure(e))),
  });
  const unlink = useMutation({ mutationFn: identityApi.unlinkFacebook, onSuccess: refresh });

  return (
    <section class="settings-section" aria-labelledby="facebook-heading">
      <h3 id="facebook-heading">{t('facebookTitle')}</h3>
      <p class="hint">{t('facebookIntro')}</p>
      {linked.data ? (
        <button type="button" disabled={unlink.isPending} onClick={() => unlink.mutate()}>
          {t('facebookUnlink')}
        </button>
      ) : (
        <button type="button" disabled={link.isPending || !linked.isSuccess} onClick={() => link.mutate()}>
          {t('facebookLink')}
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ErrorNote error={failureOf(linked.error ?? unlink.error)} />
    </section>
  );
}
