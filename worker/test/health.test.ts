import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('GET /v1/health', () => {
  it('answers ok after querying the database', async () => {
    const res = await SELF.fetch('http://x/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
