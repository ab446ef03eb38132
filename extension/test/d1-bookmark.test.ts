import { afterEach, describe, expect, it, vi } from 'vitest';
import { worker } from '../src/api/http.ts';

/** The D1 Sessions bookmark: what the worker hands out comes back with the next call (read your writes). */
describe('the API client and the D1 bookmark', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends back the newest X-D1-Bookmark the worker answered with', async () => {
    const sent: (string | null)[] = [];
    const answers = ['0000001a-00000001', '0000001a-00000003', '0000001a-00000002'];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        sent.push(request.headers.get('x-d1-bookmark'));
        const bookmark = answers.shift();
        return Response.json({ ok: true }, { headers: bookmark ? { 'X-D1-Bookmark': bookmark } : {} });
      }),
    );
    for (let i = 0; i < 4; i++) await worker.GET('/v1/health', { baseUrl: 'http://127.0.0.1:9' });
    // The first call has none yet; an older bookmark answered later never replaces a newer one.
    expect(sent).toEqual([null, '0000001a-00000001', '0000001a-00000003', '0000001a-00000003']);
  });
});
