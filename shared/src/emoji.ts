/**
 * Reactions are one emoji: exactly one of Unicode's recommended-for-general-interchange (RGI) emoji, the
 * set every platform draws as one picture — a pictograph with its skin tone, a listed ZWJ sequence (a
 * family, a rainbow flag), a country flag, a subdivision flag (England, Scotland, Wales) or a keycap.
 * Anything else that merely joins into one grapheme (a ZWJ chain of eight thumbs, tag letters spelling a
 * word after a black flag) is not.
 *
 * The set is the regular expression property `\p{RGI_Emoji}` of the `v` flag (ES2024; Chrome 112, Firefox
 * 116, Node 20, workerd), kept current by the JavaScript engine itself, so no emoji table ships with us.
 * Built with `new RegExp` and the flag in a variable because the TypeScript target (ES2022) refuses the
 * `v` flag in source.
 */
const V_FLAG: string = 'v';
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', V_FLAG);

/** True when `text` is exactly one RGI emoji. */
export function isSingleEmoji(text: string): boolean {
  return RGI_EMOJI.test(text);
}
