/** Types of `provider-stand-in.mjs` for the TypeScript that imports it (the worker's vitest config). */
export function createProviderStandIn(): (request: Request) => Promise<Response | null>;
export function standInVars(base: string): Record<string, string>;
export function serveProviderStandIn(port: number): Promise<import('node:http').Server>;
