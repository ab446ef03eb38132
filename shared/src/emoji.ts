/** Reactions are one emoji: one user-perceived character (grapheme) that is an emoji, nothing else. */

const FLAG = /^\p{Regional_Indicator}{2}$/u;
const KEYCAP = /^[0-9#*]\uFE0F?\u20E3$/u;
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Emoji_Presentation}]/u;
// What may follow or join pictographs inside one emoji: skin tones, ZWJ, variation selectors, tag letters.
const EMOJI_PART =
  /^[\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Emoji_Modifier}\p{Emoji_Component}]$/u;

/** The grapheme clusters of `text`, as a person would count characters. */
export function graphemes(text: string): string[] {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
}

/**
 * True when `text` is exactly one emoji grapheme: a pictograph (with skin tone, ZWJ sequence or variation
 * selector), a flag of two regional indicators, or a keycap. Plain letters, digits, and two emoji are not.
 */
export function isSingleEmoji(text: string): boolean {
  const clusters = graphemes(text);
  if (clusters.length !== 1) return false;
  const cluster = clusters[0] as string;
  if (FLAG.test(cluster) || KEYCAP.test(cluster)) return true;
  // A lone regional indicator is a letter of a flag, not a flag.
  if (/\p{Regional_Indicator}/u.test(cluster)) return false;
  if (!PICTOGRAPH.test(cluster)) return false;
  return [...cluster].every((ch) => EMOJI_PART.test(ch) || ch === '\u200D' || ch === '\uFE0F');
}
