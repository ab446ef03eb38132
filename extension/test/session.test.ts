import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { sessionItem } from '../src/browser/storage-items.ts';
import { ME } from './fixtures.ts';

/** A scripted worker for the client's own HTTP layer: refreshes rotate tokens, `/me` needs the newest one. */
function fakeWorker() {
  let generation = 0;
  const refreshes: string[] = [];
  const fetch = vi.fn(async (request: Request) => {
    if (request.url.endsWith('/v1/auth/refresh')) {
      const { refreshToken } = (await request.json()) as { refreshToken: string };
      refreshes.push(refreshToken);
      if (refreshToken !== `refresh-${generation}`) {
        return Response.json({ error: { code: 'unauthorized', message: 'reused' } }, { status: 401 });
      }
      generation += 1;
      return Response.json({
        user: ME,
        accessToken: `access-${generation}`,
        refreshToken: `refresh-${generation}`,
        expiresIn: 900,
      });
    }
    const auth = request.headers.get('authorization');
    if (auth !== `Bearer access-${generation}` || generation === 0) {
      return Response.json({ error: { code: 'unauthorized', message: 'expired' } }, { status: 401 });
    }
    return Response.json(ME);
  });
  vi.stubGlobal('fetch', fetch);
  return { refreshes };
}

beforeEach(async () => {
  await sessionItem.setValue({
    me: ME,
    accessToken: 'access-0',
    refreshToken: 'refresh-0',
    accessExpiresAt: 0,
  });
});
afterEach(() => vi.restoreAllMocks());

describe('session tokens', () => {
  it('refreshes an expired token once even when several calls need it at the same time', async () => {
    const worker = fakeWorker();
    const results = await Promise.all([api.me(), api.me(), api.me()]);
    expect(results.map((r) => r.handle)).toEqual(['me', 'me', 'me']);
    expect(worker.refreshes).toEqual(['refresh-0']);
    expect(await sessionItem.getValue()).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
    });
  });

  it('signs out when the refresh token is refused', async () => {
    fakeWorker();
    await sessionItem.setValue({ me: ME, accessToken: 'x', refreshToken: 'stolen', accessExpiresAt: 0 });
    await expect(api.me()).rejects.toMatchObject({ code: 'signed_out' });
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('reports offline when the worker cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(api.login('me', 'password1234')).rejects.toMatchObject({ code: 'offline' });
  });
});
