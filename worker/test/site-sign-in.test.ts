import type { SiteExchangeResult } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { ADULT, uniqueHandle } from './helpers.ts';
import { exchange, siteCallback } from './site-flow.ts';

describe('sign in with the video site', () => {
  it('creates a verified account on a first sign-in with a birthdate', async () => {
    const username = uniqueHandle('site');
    const fragment = await siteCallback({ username, displayName: 'Site Person' });
    const code = fragment.get('code') as string;
    expect(code).toBeTruthy();
    const res = await exchange({ code, birthdate: ADULT });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as SiteExchangeResult;
    expect(body.created).toBe(true);
    expect(body.user).toMatchObject({ handle: username, displayName: 'Site Person', verified: true });
  });
});
