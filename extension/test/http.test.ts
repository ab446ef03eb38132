import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiBaseUrlItem } from '../src/api/base-url.ts';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { conversation, signIn } from './fixtures.ts';

/** Answers every call with `answer` and records the requests the client made. */
function worker(answer: () => Response) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      requests.push(request);
      return answer();
    }),
  );
  return requests;
}

beforeEach(async () => {
  await signIn();
  await apiBaseUrlItem.setValue('https://dm.example/');
});
afterEach(() => vi.restoreAllMocks());

describe('the typed API client', () => {
  it('calls the stored worker address with the token, path parameters encoded and empty query values left out', async () => {
    const requests = worker(() => Response.json({ conversations: [conversation('c-1')], cursor: null }));
    const page = await api.listConversations('requests');
    expect(page.items.map((c) => c.id)).toEqual(['c-1']);
    expect(requests[0]?.url).toBe('https://dm.example/v1/conversations?box=requests');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer access');

    worker(() => new Response(null, { status: 204 }));
    await api.removeMember('c 1', 'a/b');
    const [removal] = vi.mocked(globalThis.fetch).mock.calls[0] as [Request];
    expect(removal.method).toBe('DELETE');
    expect(removal.url).toBe('https://dm.example/v1/conversations/c%201/members/a%2Fb');
  });

  it('sends JSON bodies and answers undefined for 204', async () => {
    const requests = worker(() => new Response(null, { status: 204 }));
    await expect(api.markRead('c-1', 7)).resolves.toBeUndefined();
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]?.json()).toEqual({ seq: 7 });
  });

  it('turns the worker error body into one ApiFailure with code, status, details and Retry-After', async () => {
    worker(() =>
      Response.json(
        { error: { code: 'rate_limited', message: 'slow down', details: { limit: 60 } } },
        { status: 429, headers: { 'retry-after': '12' } },
      ),
    );
    const failure = await api.getConversation('c-1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({
      code: 'rate_limited',
      status: 429,
      details: { limit: 60 },
      retryAfter: 12,
    });
  });

  it('calls an answer without the error shape internal (5xx) or invalid_request (4xx)', async () => {
    worker(() => new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(api.unread()).rejects.toMatchObject({ code: 'internal', status: 502 });
    worker(() => new Response('nope', { status: 405 }));
    await expect(api.unread()).rejects.toMatchObject({ code: 'invalid_request', status: 405 });
  });

  it('reports a call that fails or times out as offline', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new DOMException('The operation timed out.', 'TimeoutError');
      }),
    );
    await expect(api.unread()).rejects.toMatchObject({ code: 'offline' });
  });
});
