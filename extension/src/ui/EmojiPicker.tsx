import { t } from '../browser/i18n.ts';

/**
 * The emoji a chat reaches for most, in one small grid. A full catalogue (thousands of entries, names in
 * four languages) would cost more than the whole panel's budget; each of these is a single RGI emoji, so
 * any of them is also a valid reaction.
 */
// biome-ignore format: eight to a row, as the grid shows them
export const EMOJIS = [
  '😀', '😂', '🤣', '😊', '😍', '🥰', '😘', '😎',
  '🤔', '😮', '😢', '😭', '😡', '🥳', '😴', '🙄',
  '👍', '👎', '👏', '🙌', '🙏', '💪', '👀', '🤝',
  '❤️', '🧡', '💛', '💚', '💙', '💜', '🔥', '✨',
  '🎉', '💯', '✅', '❌', '🎵', '🎬', '📸', '🍕',
];

/** A grid of emoji buttons; `label` names what choosing one does ("React with 🔥", "Insert 🔥"). */
export function EmojiGrid({
  onPick,
  label,
}: {
  onPick: (emoji: string) => void;
  label: (emoji: string) => string;
}) {
  return (
    <fieldset class="emoji-grid">
      <legend class="visually-hidden">{t('emoji')}</legend>
      {EMOJIS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          class="emoji"
          aria-label={label(emoji)}
          onClick={() => onPick(emoji)}
        >
          {emoji}
        </button>
      ))}
    </fieldset>
  );
}
