import type { Reaction } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';
import { plural } from '../../browser/plural.ts';

export const QUICK_EMOJIS = ['❤️', '😂', '😮', '😢', '👍', '🔥'];

/** Reaction counts under a message; the viewer's own is pressed, and tapping toggles it. */
export function Reactions({
  reactions,
  onReact,
}: {
  reactions: Reaction[];
  onReact: (emoji: string) => void;
}) {
  if (reactions.length === 0) return null;
  return (
    <ul class="reactions" aria-label={t('reactions')}>
      {reactions.map((r) => (
        <li key={r.emoji}>
          <button
            type="button"
            class="reaction"
            aria-pressed={r.mine}
            aria-label={plural('reactionCount', r.count, [r.emoji])}
            onClick={() => onReact(r.emoji)}
          >
            {r.emoji} {r.count}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The small picker of quick reactions. */
export function ReactionPicker({ onReact }: { onReact: (emoji: string) => void }) {
  return (
    <fieldset class="picker">
      <legend class="visually-hidden">{t('react')}</legend>
      {QUICK_EMOJIS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          class="emoji"
          aria-label={t('reactWith', emoji)}
          onClick={() => onReact(emoji)}
        >
          {emoji}
        </button>
      ))}
    </fieldset>
  );
}
