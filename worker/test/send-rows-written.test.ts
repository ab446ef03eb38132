import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import type { Conversation } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { listBox, openDirect, send, unread } from './chat-helpers.ts';
import { befriend, signUp, type TestUser } from './helpers.ts';

/** D1's rows written by one send, from the bill metering puts on the response (`D1_METERING=1`). */
async function rowsWrittenBySend(sender: TestUser, conversationId: string): Promise<number> {
  const ctx = createExecutionContext();
  const request = new Request(`http://clipdm.test/v1/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sender.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: `rows-${Math.random()}`, text: 'how many rows?' }),
  });
  const res = await app.fetch(request, { ...env, D1_METERING: '1' }, ctx);
  await waitOnExecutionContext(ctx);
  expect(res.status, await res.clone().text()).toBe(201);
  const written = /rw=(\d+)/.exec(res.headers.get('X-D1-Bill') ?? '');
  return Number(written?.[1]);
}

async function groupOf(owner: TestUser, size: number): Promise<{ group: Conversation; others: TestUser[] }> {
  const others: TestUser[] = [];
  for (let i = 1; i < size; i++) {
    const person = await signUp('rw');
    await befriend(owner, person);
    others.push(person);
  }
  const res = await owner.api('/v1/conversations', { body: { members: others.map((p) => p.handle) } });
  expect(res.status, await res.clone().text()).toBe(201);
  return { group: (await res.json()) as Conversation, others };
}

describe('rows written by a send', () => {
  it('do not grow with the group: 3 and 8 members write the same, no more than a direct chat', async () => {
    const owner = await signUp('rwo');
    const friend = await signUp('rwf');
    await befriend(owner, friend);
    const direct = await openDirect(owner, friend);
    await send(owner, direct.id, 'first');
    const small = await groupOf(owner, 3);
    const large = await groupOf(owner, 8);
    await send(owner, small.group.id, 'warm');
    await send(owner, large.group.id, 'warm');

    const directRows = await rowsWrittenBySend(owner, direct.id);
    const smallRows = await rowsWrittenBySend(owner, small.group.id);
    const largeRows = await rowsWrittenBySend(owner, large.group.id);
    expect(directRows).toBeGreaterThan(0);
    expect(largeRows).toBe(smallRows);
    expect(largeRows).toBeLessThanOrEqual(directRows);

    // The counts the members see still follow the sends: derived from last_seq − last_read_seq.
    const member = large.others[0] as TestUser;
    expect(await unread(member)).toEqual({ inbox: 1, requests: 0 });
    const [view] = (await listBox(member, 'inbox')).filter((c) => c.id === large.group.id);
    expect(view?.unreadCount).toBe(3);
    const read = await member.api(`/v1/conversations/${large.group.id}/read`, { body: { seq: 1000 } });
    expect(read.status).toBe(204);
    expect(await unread(member)).toEqual({ inbox: 0, requests: 0 });
  }, 60_000);
});
