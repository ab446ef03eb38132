import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiBaseUrlItem } from '../src/api/base-url.ts';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { retryAfterSeconds } from '../src/api/retry-after.ts';
import { outboxItem } from '../src/browser/storage-items.ts';
import { enqueue, flushOutbox, MAX_WAIT_MS, RETRY_MS } from '../src/outbox/outbox.ts';
import { message, signIn } from './fixtures.ts';

const START = new Date('2026-03-01T12:00:00Z');

function unavailable(retryAfter?: number): ApiFailure {
  return new ApiFailure('unavailable', 'try later', { status: 503, retryAfter });
}

/** The clientIds of the sends attempted so far. */
function attempts(send: { mock: { calls: [string, { clientId: string }][] } }): string[] {
  return send.mock.calls.map(([, body]) => body.clientId);
}

beforeEach(async () => {
  await signIn();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP-dates, a past date as 0, and nothing from a malformed value', () => {
    const now = START.getTime();
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds(' 0 ', now)).toBe(0);
    expect(retryAfterSeconds('Sun, 01 Mar 2026 12:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('-5', now)).toBeUndefined();
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
  });

  it('gives the API failure the seconds of an HTTP-date Retry-After', async () => {
    await apiBaseUrlItem.setValue('https://dm.example/');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json(
          { error: { code: 'unavailable', message: 'try later' } },
          { status: 503, headers: { 'retry-after': 'Sun, 01 Mar 2026 12:00:45 GMT' } },
        ),
      ),
    );
    await expect(api.unread()).rejects.toMatchObject({ code: 'unavailable', status: 503, retryAfter: 45 });
  });
});

describe('the outbox after a 503 with Retry-After', () => {
  it('sends nothing before the time the worker named, then the same message with the same clientId', async () => {
    const item = await enqueue('c-1', { text: 'after the storm' });
    const send = vi.spyOn(api, 'sendMessage').mockRejectedValue(unavailable(30));
    await flushOutbox();
    expect(attempts(send)).toEqual([item.clientId]);

    // The panel's 4-second pace would have tried again by now; the worker asked for 30.
    vi.setSystemTime(START.getTime() + 29_000);
    expect(await flushOutbox()).toEqual([]);
    expect(send).toHaveBeenCalledTimes(1);

    const stored = message(1, { clientId: item.clientId, text: 'after the storm' });
    send.mockResolvedValue(stored);
    vi.setSystemTime(START.getTime() + 30_000);
    expect(await flushOutbox()).toEqual([stored]);
    expect(attempts(send)).toEqual([item.clientId, item.clientId]);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('waits no less than its usual pace and no longer than five minutes', async () => {
    const item = await enqueue('c-1', { text: 'patience' });
    const send = vi.spyOn(api, 'sendMessage').mockRejectedValue(unavailable(1));
    await flushOutbox();
    vi.setSystemTime(START.getTime() + RETRY_MS - 1);
    await flushOutbox();
    expect(send).toHaveBeenCalledTimes(1);

    // Tried at 4 s; this time the worker asks for an hour.
    send.mockRejectedValue(unavailable(3600));
    const second = START.getTime() + RETRY_MS;
    vi.setSystemTime(second);
    await flushOutbox();
    expect(send).toHaveBeenCalledTimes(2);
    vi.setSystemTime(second + MAX_WAIT_MS - 1);
    await flushOutbox();
    expect(send).toHaveBeenCalledTimes(2);
    vi.setSystemTime(second + MAX_WAIT_MS);
    await flushOutbox();
    expect(attempts(send)).toEqual([item.clientId, item.clientId, item.clientId]);
  });

  it('keeps its usual pace after a failure that names no time (a lost connection)', async () => {
    await enqueue('c-1', { text: 'no word from the worker' });
    const send = vi.spyOn(api, 'sendMessage').mockRejectedValue(new ApiFailure('offline', 'down'));
    await flushOutbox();
    await flushOutbox();
    expect(send).toHaveBeenCalledTimes(2);
  });
});
