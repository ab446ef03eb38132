/** Age groups decide who may use DMs at all and which DM policies a person may choose. */
export type AgeGroup = '13-15' | '16-17' | 'adult';
export type DmPolicy = (typeof DM_POLICIES)[number];

export const DM_POLICIES = ['everyone', 'suggested', 'friends', 'no_one'] as const;

/** Whole years between a `YYYY-MM-DD` birthdate and `today` (UTC), counting a birthday as reached on the day. */
export function ageInYears(birthdate: string, today: Date = new Date()): number {
  const [year, month, day] = birthdate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - year;
  const beforeBirthday =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}

/** The age group of a birthdate, or `null` for under-13s, who may not have an account. */
export function ageGroupOf(birthdate: string, today: Date = new Date()): AgeGroup | null {
  const age = ageInYears(birthdate, today);
  if (age < 13) return null;
  if (age <= 15) return '13-15';
  if (age <= 17) return '16-17';
  return 'adult';
}

/** The DM policies a person of this age group may choose; 13–15-year-olds cannot use DMs at all. */
export function allowedPolicies(group: AgeGroup): readonly DmPolicy[] {
  if (group === 'adult') return DM_POLICIES;
  if (group === '16-17') return ['friends', 'no_one'];
  return ['no_one'];
}

/** The policy a new account starts with: the strictest sensible default for its age. */
export function defaultPolicy(group: AgeGroup): DmPolicy {
  return group === 'adult' ? 'friends' : 'no_one';
}
