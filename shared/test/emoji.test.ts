import { describe, expect, it } from 'vitest';
import { isSingleEmoji } from '../src/emoji.ts';
import { reactionBody } from '../src/schemas/requests.ts';

describe('isSingleEmoji', () => {
  it.each([
    ['👍', 'simple'],
    ['❤️', 'with variation selector'],
    ['👍🏽', 'with skin tone'],
    ['👩‍👩‍👧‍👦', 'ZWJ family'],
    ['🏳️‍🌈', 'ZWJ flag'],
    ['🇳🇱', 'regional-indicator flag'],
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'tag-sequence flag'],
    ['#️⃣', 'keycap'],
    ['1️⃣', 'digit keycap'],
  ])('accepts %s (%s)', (emoji) => {
    expect(isSingleEmoji(emoji)).toBe(true);
  });

  it.each([
    ['👍👍', 'two emoji'],
    ['👍a', 'emoji and a letter'],
    ['a', 'a letter'],
    ['ok', 'a word'],
    ['1', 'a digit'],
    ['#', 'a hash'],
    ['🇳', 'a lone regional indicator'],
    ['🇳🇱🇧🇪', 'two flags'],
    [' 👍', 'leading space'],
    ['', 'empty'],
    ['\u200D', 'a lone joiner'],
  ])('rejects %s (%s)', (text) => {
    expect(isSingleEmoji(text)).toBe(false);
  });

  it('is what the reaction body validates with', () => {
    expect(reactionBody.safeParse({ emoji: '🔥' }).success).toBe(true);
    expect(reactionBody.safeParse({ emoji: '🔥🔥' }).success).toBe(false);
    expect(reactionBody.safeParse({ emoji: 'lol' }).success).toBe(false);
  });
});
