import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { outboxItem } from '../src/browser/storage-items.ts';
import { enqueue, flushOutbox, retry } from '../src/outbox/outbox.ts';
import { message, signIn } from './fixtures.ts';

beforeEach(signIn);
afterEach(() => vi.restoreAllMocks());

describe('outbox', () => {
  it('keeps a message queued while offline, survives a reload, and delivers it once with the same clientId', async () => {
    const send = vi.spyOn(api, 'sendMessage').mockRejectedValue(new ApiFailure('offline', 'down'));
    const queued = await enqueue('c-1', { text: 'written on a train' });
    expect(await flushOutbox()).toEqual([]);
    expect(await outboxItem.getValue()).toEqual([
      expect.objectContaining({ clientId: queued.clientId, status: 'pending' }),
    ]);

    // A "reload": fresh modules read the queue back from extension storage.
    vi.resetModules();
    const reloaded = await import('../src/outbox/outbox.ts');
    const reloadedApi = (await import('../src/api/client.ts')).api;
    const stored = message(4, { clientId: queued.clientId, text: 'written on a train' });
    const resend = vi.spyOn(reloadedApi, 'sendMessage').mockResolvedValue(stored);

    expect(await reloaded.flushOutbox()).toEqual([stored]);
    expect(resend).toHaveBeenCalledTimes(1);
    expect(resend).toHaveBeenCalledWith('c-1', { clientId: queued.clientId, text: 'written on a train' });
    expect(send.mock.calls[0]?.[1].clientId).toBe(queued.clientId);
    expect(await outboxItem.getValue()).toEqual([]);
    // Nothing left to send: a second flush does not send again.
    await reloaded.flushOutbox();
    expect(resend).toHaveBeenCalledTimes(1);
  });

  it('sends in order and stops at the first transient failure', async () => {
    const first = await enqueue('c-1', { text: 'one' });
    await enqueue('c-1', { text: 'two' });
    const send = vi
      .spyOn(api, 'sendMessage')
      .mockResolvedValueOnce(message(1, { clientId: first.clientId }))
      .mockRejectedValueOnce(new ApiFailure('rate_limited', 'slow down'));
    await flushOutbox();
    expect(send).toHaveBeenCalledTimes(2);
    const left = await outboxItem.getValue();
    expect(left.map((i) => [i.text, i.status])).toEqual([['two', 'pending']]);
  });

  it('marks a refused message failed with the reason, and retry queues it again with its clientId', async () => {
    const item = await enqueue('c-1', { videoUrl: 'https://www.tiktok.com/@a/video/1' });
    vi.spyOn(api, 'sendMessage').mockRejectedValue(new ApiFailure('cannot_message', 'no'));
    await flushOutbox();
    expect(await outboxItem.getValue()).toEqual([
      expect.objectContaining({ clientId: item.clientId, status: 'failed', errorCode: 'cannot_message' }),
    ]);
    await retry(item.clientId);
    const [again] = await outboxItem.getValue();
    expect(again).toMatchObject({ clientId: item.clientId, status: 'pending' });
    expect(again?.errorCode).toBeUndefined();
  });
});
