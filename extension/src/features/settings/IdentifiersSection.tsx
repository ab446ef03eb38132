import { type IdentifierKind, normalizeIdentifier } from '@clipdm/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { failureOf } from '../../api/http.ts';
import { identityApi } from '../../api/identity-client.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { TextField } from '../../ui/TextField.tsx';

const IDENTIFIERS_KEY = ['identifiers'] as const;

/**
 * "Your phone and email": how friends' synced contacts find you. Each one counts only once confirmed
 * with the 6-digit code sent to it.
 */
export function IdentifiersSection() {
  const client = useQueryClient();
  const list = useQuery({ queryKey: IDENTIFIERS_KEY, queryFn: identityApi.identifiers });
  const [kind, setKind] = useState<IdentifierKind>('email');
  const [value, setValue] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<{ kind: IdentifierKind; value: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const send = useMutation({
    mutationFn: (target: { kind: IdentifierKind; value: string }) =>
      identityApi.sendIdentifierCode(target.kind, target.value),
    onSuccess: (_, target) => setSentTo(target),
  });
  const confirm = useMutation({
    mutationFn: (target: { kind: IdentifierKind; value: string; code: string }) =>
      identityApi.confirmIdentifier(target.kind, target.value, target.code),
    onSuccess: () => {
      setSentTo(null);
      setValue('');
      setCode('');
      void client.invalidateQueries({ queryKey: IDENTIFIERS_KEY });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => identityApi.removeIdentifier(id),
    onSuccess: () => void client.invalidateQueries({ queryKey: IDENTIFIERS_KEY }),
  });

  const onSend = (event: Event) => {
    event.preventDefault();
    if (!normalizeIdentifier(kind, value))
      return setProblem(t(kind === 'email' ? 'errorEmail' : 'errorPhone'));
    setProblem(null);
    confirm.reset();
    send.mutate({ kind, value });
  };
  const onConfirm = (event: Event) => {
    event.preventDefault();
    if (!sentTo) return;
    if (!/^\d{6}$/.test(code.trim())) return setProblem(t('errorCodeFormat'));
    setProblem(null);
    confirm.mutate({ ...sentTo, code: code.trim() });
  };

  const busy = send.isPending || confirm.isPending || remove.isPending;
  const failure = failureOf(send.error ?? remove.error ?? list.error);
  return (
    <section class="settings-section" aria-labelledby="identifiers-heading" aria-busy={busy}>
      <h3 id="identifiers-heading">{t('identifiersTitle')}</h3>
      <p class="hint">{t('identifiersIntro')}</p>
      <ul class="identifiers">
        {(list.data ?? []).map((identifier) => (
          <li key={identifier.id}>
            <bdi>{identifier.hint}</bdi>
            <button
              type="button"
              class="link"
              disabled={busy}
              aria-label={t('removeIdentifier', identifier.hint)}
              onClick={() => remove.mutate(identifier.id)}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      {sentTo ? (
        <form onSubmit={onConfirm}>
          <p role="status">{t('codeSent', sentTo.value)}</p>
          <TextField
            id="identifier-code"
            label={t('codeLabel')}
            inputMode="numeric"
            autocomplete="one-time-code"
            maxLength={6}
            value={code}
            onInput={setCode}
          />
          <button type="submit" disabled={busy}>
            {t('confirmCode')}
          </button>
          <button type="button" class="link" onClick={() => setSentTo(null)}>
            {t('cancel')}
          </button>
          {confirm.isError && (
            <p class="error" role="alert">
              {t('errorWrongCode')}
            </p>
          )}
        </form>
      ) : (
        <form onSubmit={onSend}>
          <label for="identifier-kind">{t('identifierKind')}</label>
          <select
            id="identifier-kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as IdentifierKind)}
          >
            <option value="email">{t('email')}</option>
            <option value="phone">{t('phone')}</option>
          </select>
          <TextField
            id="identifier-value"
            label={kind === 'email' ? t('email') : t('phoneE164')}
            type={kind === 'email' ? 'email' : 'tel'}
            value={value}
            onInput={setValue}
          />
          <button type="submit" disabled={busy}>
            {t('sendCode')}
          </button>
        </form>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNote error={failure} />
    </section>
  );
}
