import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReportInput } from '../../api/client.ts';
import { type MessageKey, t } from '../../browser/i18n.ts';
import { useEscape } from '../../ui/use-escape.ts';

type Reason = ReportInput['reason'];

const REASON_KEYS: Record<Reason, MessageKey> = {
  spam: 'reasonSpam',
  harassment: 'reasonHarassment',
  hate: 'reasonHate',
  nudity: 'reasonNudity',
  violence: 'reasonViolence',
  self_harm: 'reasonSelfHarm',
  scam: 'reasonScam',
  other: 'reasonOther',
};
/** Every reason of the contract: the record above must name each one, or this file does not compile. */
const REASONS = Object.keys(REASON_KEYS) as Reason[];

/** Asks why a conversation is reported, with an optional note and an optional block of the sender. */
export function ReportDialog({
  name,
  canBlock,
  onSubmit,
  onCancel,
}: {
  name: string;
  canBlock: boolean;
  onSubmit: (report: ReportInput) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState<Reason | null>(null);
  const [note, setNote] = useState('');
  const [block, setBlock] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEscape(true, onCancel, true);

  return (
    <div class="dialog" role="dialog" aria-labelledby="report-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason) onSubmit({ reason, ...(note.trim() ? { note: note.trim() } : {}), block });
        }}
      >
        <h3 id="report-title">{t('reportTitle', name)}</h3>
        <fieldset>
          <legend>{t('reportReason')}</legend>
          {REASONS.map((r, i) => (
            <label key={r} class="option">
              <input
                ref={i === 0 ? first : undefined}
                type="radio"
                name="report-reason"
                value={r}
                checked={reason === r}
                onChange={() => setReason(r)}
              />
              {t(REASON_KEYS[r])}
            </label>
          ))}
        </fieldset>
        <label for="report-note">{t('reportNote')}</label>
        <textarea
          id="report-note"
          maxLength={500}
          rows={2}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        {canBlock && (
          <label class="option">
            <input type="checkbox" checked={block} onChange={(e) => setBlock(e.currentTarget.checked)} />
            {t('alsoBlock', name)}
          </label>
        )}
        <div class="actions">
          <button type="submit" class="danger" disabled={!reason}>
            {t('sendReport')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
