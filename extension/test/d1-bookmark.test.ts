import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../src/lib/http.ts';

/** The D1 Sessions bookmark: what the worker hands out comes back with the next call (read your writes). */
describe('http call and the D1 bookmark', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends back the newest X-D1-Bookmark the worker answered with', async () => {
    const sent: (string | null)[] = [];
    const answers = ['0000001a-00000001', '0000001a-00000003', '0000001a-00000002'];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_input: unknown, init?: RequestInit) => {
        sent.push(new Headers(init?.headers).get('x-d1-bookmark'));
        const bookmark = answers.shift();
        return Response.json({ ok: true }, { headers: bookmark ? { 'X-D1-Bookmark': bookmark } : {} });
      }),
    );
    for (let i = 0; i < 4; i++) await call('GET', '/health');
    // The first call has none yet; an older bookmark answered later never replaces a newer one.
    expect(sent).toEqual([null, '0000001a-00000001', '0000001a-00000003', '0000001a-00000003']);
  });
});
