/** Types of `demo-verified.mjs` for the TypeScript that imports it (the end-to-end harness). */
export function linkToSiteStandIn(
  base: string,
  accessToken: string,
  username: string,
  displayName?: string,
): Promise<void>;
export function verifyDemoPeople(
  base: string,
  users: { handle: string; displayName: string }[],
  password: string,
): Promise<number>;
