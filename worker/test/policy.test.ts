import { env } from 'cloudflare:test';
import type { User } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { dm, listBox, messagesOf, openDirect, postMessage, send, unread } from './chat-helpers.ts';
import {
  befriend,
  birthdateForAge,
  expectError,
  followUser,
  setPolicy,
  signUp,
  type TestUser,
} from './helpers.ts';
import { verifyEmail } from './identifier-helpers.ts';

/** The DM policy as users meet it: each scenario of the design, through the API. */

async function canMessage(viewer: TestUser, other: TestUser): Promise<boolean> {
  const res = await viewer.api(`/v1/users/${other.handle}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as User).canMessage;
}

describe('a stranger’s message', () => {
  it('lands in the recipient’s requests, not their inbox', async () => {
    const [stranger, rita] = [await signUp('str'), await signUp('rita')];
    await setPolicy(rita, 'everyone');
    const { conversation } = await dm(stranger, rita, 'hi, we have not met');
    const requests = await listBox(rita, 'requests');
    expect(requests.map((c) => c.id)).toEqual([conversation.id]);
    expect(requests[0]?.status).toBe('request');
    expect(requests[0]?.lastMessage?.text).toBe('hi, we have not met');
    expect(await listBox(rita, 'inbox')).toEqual([]);
    expect(await unread(rita)).toEqual({ inbox: 0, requests: 1 });
    // The sender has it in their own inbox.
    expect((await listBox(stranger, 'inbox')).map((c) => c.id)).toEqual([conversation.id]);
  });

  it('is refused under the default friends policy', async () => {
    const [stranger, rita] = [await signUp('str'), await signUp('rita')];
    expect(await canMessage(stranger, rita)).toBe(false);
    await expectError(
      await stranger.api('/v1/conversations', { body: { members: [rita.handle] } }),
      403,
      'cannot_message',
    );
  });

  it('from someone the recipient follows lands in the inbox', async () => {
    const [sam, rita] = [await signUp('sam'), await signUp('rita')];
    await setPolicy(rita, 'everyone');
    await followUser(rita, sam);
    const { conversation } = await dm(sam, rita);
    expect((await listBox(rita, 'inbox')).map((c) => c.id)).toEqual([conversation.id]);
  });
});

describe('a mutual friend’s message', () => {
  it('lands in the inbox', async () => {
    const [fred, rita] = [await signUp('fred'), await signUp('rita')];
    await befriend(fred, rita);
    expect(await canMessage(fred, rita)).toBe(true);
    const { conversation } = await dm(fred, rita, 'hey friend');
    const inbox = await listBox(rita, 'inbox');
    expect(inbox.map((c) => c.id)).toEqual([conversation.id]);
    expect(inbox[0]?.status).toBe('accepted');
    expect(inbox[0]?.unreadCount).toBe(1);
    expect(await listBox(rita, 'requests')).toEqual([]);
    expect(await unread(rita)).toEqual({ inbox: 1, requests: 0 });
  });
});

describe('the suggested policy', () => {
  it('lets in someone whose identifier is in the recipient’s contacts, as a request', async () => {
    const [sue, rita, other] = [await signUp('sue'), await signUp('rita'), await signUp('oth')];
    await setPolicy(rita, 'suggested');
    const { hash } = await verifyEmail(sue.api);
    expect(await canMessage(sue, rita)).toBe(false);
    expect((await rita.api('/v1/me/contacts', { method: 'PUT', body: { hashes: [hash] } })).status).toBe(200);
    expect(await canMessage(sue, rita)).toBe(true);
    expect(await canMessage(other, rita)).toBe(false);
    const { conversation } = await dm(sue, rita);
    expect((await listBox(rita, 'requests')).map((c) => c.id)).toEqual([conversation.id]);
  });
});

describe('no_one', () => {
  it('stops even an old conversation, while its history stays readable', async () => {
    const [fred, rita] = [await signUp('fred'), await signUp('rita')];
    await befriend(fred, rita);
    const { conversation } = await dm(fred, rita, 'before');
    await send(rita, conversation.id, 'reply');
    await setPolicy(rita, 'no_one');
    expect(await canMessage(fred, rita)).toBe(false);
    await expectError(await postMessage(fred, conversation.id, 'after'), 403, 'cannot_message');
    expect((await messagesOf(fred, conversation.id)).map((m) => m.text)).toEqual(['before', 'reply']);
    expect((await messagesOf(rita, conversation.id)).map((m) => m.text)).toEqual(['before', 'reply']);
    // Opening it again finds the old conversation; it does not bypass the policy.
    const again = await fred.api('/v1/conversations', { body: { members: [rita.handle] } });
    expect(again.status).toBe(200);
  });
});

describe('a 15-year-old', () => {
  it('can neither send nor receive', async () => {
    const [teen, adult] = [await signUp('teen', { birthdate: birthdateForAge(15) }), await signUp('adult')];
    await befriend(teen, adult);
    expect(await canMessage(teen, adult)).toBe(false);
    expect(await canMessage(adult, teen)).toBe(false);
    await expectError(
      await teen.api('/v1/conversations', { body: { members: [adult.handle] } }),
      403,
      'dms_unavailable',
    );
    await expectError(
      await adult.api('/v1/conversations', { body: { members: [teen.handle] } }),
      403,
      'cannot_message',
    );
  });
});

describe('a 17-year-old', () => {
  it('is reachable only by mutual friends, even when they follow the sender', async () => {
    const seventeen = await signUp('seven', { birthdate: birthdateForAge(17) });
    await setPolicy(seventeen, 'friends');
    const [fan, followed, friend] = [await signUp('fan'), await signUp('fol'), await signUp('fr')];
    await followUser(fan, seventeen);
    await followUser(seventeen, followed);
    await befriend(friend, seventeen);
    for (const denied of [fan, followed]) {
      expect(await canMessage(denied, seventeen)).toBe(false);
      await expectError(
        await denied.api('/v1/conversations', { body: { members: [seventeen.handle] } }),
        403,
        'cannot_message',
      );
    }
    expect(await canMessage(friend, seventeen)).toBe(true);
    const { conversation } = await dm(friend, seventeen);
    expect((await listBox(seventeen, 'inbox')).map((c) => c.id)).toEqual([conversation.id]);
  });

  it('is not reachable at all under the default no_one', async () => {
    const [seventeen, friend] = [
      await signUp('seven', { birthdate: birthdateForAge(17) }),
      await signUp('fr'),
    ];
    await befriend(friend, seventeen);
    await expectError(
      await friend.api('/v1/conversations', { body: { members: [seventeen.handle] } }),
      403,
      'cannot_message',
    );
  });
});

describe('a declined request', () => {
  it('stays gone, and the sender’s count is not reset', async () => {
    const [stranger, rita] = [await signUp('str'), await signUp('rita')];
    await setPolicy(rita, 'everyone');
    const { conversation } = await dm(stranger, rita, 'one');
    expect((await rita.api(`/v1/conversations/${conversation.id}/decline`, { method: 'POST' })).status).toBe(
      204,
    );
    expect(await listBox(rita, 'requests')).toEqual([]);
    expect(await unread(rita)).toEqual({ inbox: 0, requests: 0 });
    // The sender is not told: two more messages go through, and still nothing shows for rita.
    await send(stranger, conversation.id, 'two');
    await send(stranger, conversation.id, 'three');
    expect(await listBox(rita, 'requests')).toEqual([]);
    expect(await listBox(rita, 'inbox')).toEqual([]);
    expect(await unread(rita)).toEqual({ inbox: 0, requests: 0 });
    // The fourth is over the limit of 3 — declining did not reset the count.
    await expectError(await postMessage(stranger, conversation.id, 'four'), 429, 'request_limit');
  });
});

describe('a blocked sender', () => {
  it('gets the same cannot_message as any other denial', async () => {
    const [blocked, rita, stranger] = [await signUp('blk'), await signUp('rita'), await signUp('str')];
    await befriend(blocked, rita);
    const { conversation } = await dm(blocked, rita);
    expect((await rita.api(`/v1/users/${blocked.handle}/block`, { method: 'PUT' })).status).toBe(204);
    const onSend = await expectError(
      await postMessage(blocked, conversation.id, 'hello?'),
      403,
      'cannot_message',
    );
    const byStranger = await expectError(
      await stranger.api('/v1/conversations', { body: { members: [rita.handle] } }),
      403,
      'cannot_message',
    );
    expect(onSend.message).toBe(byStranger.message);
    expect(onSend.details).toEqual(byStranger.details);
    // Blocking the other way denies too.
    const [other, target] = [await signUp('oth'), await signUp('tgt')];
    await setPolicy(target, 'everyone');
    expect((await other.api(`/v1/users/${target.handle}/block`, { method: 'PUT' })).status).toBe(204);
    await expectError(
      await other.api('/v1/conversations', { body: { members: [target.handle] } }),
      403,
      'cannot_message',
    );
  });
});

describe('a suspended account', () => {
  it('cannot send (dms_unavailable) and cannot be messaged (cannot_message)', async () => {
    const [sus, fred] = [await signUp('sus'), await signUp('fred')];
    await befriend(sus, fred);
    const { conversation } = await dm(sus, fred);
    await env.DB.prepare('update users set suspended_at = ? where id = ?')
      .bind(new Date().toISOString(), sus.user.id)
      .run();
    await expectError(await postMessage(sus, conversation.id, 'x'), 403, 'dms_unavailable');
    await expectError(await postMessage(fred, conversation.id, 'x'), 403, 'cannot_message');
    expect(await canMessage(fred, sus)).toBe(false);
  });
});

describe('replying to a request', () => {
  it('accepts it and lifts the request limit', async () => {
    const [stranger, rita] = [await signUp('str'), await signUp('rita')];
    await setPolicy(rita, 'everyone');
    const { conversation } = await dm(stranger, rita, 'one');
    await send(stranger, conversation.id, 'two');
    await send(stranger, conversation.id, 'three');
    await expectError(await postMessage(stranger, conversation.id, 'four'), 429, 'request_limit');
    await send(rita, conversation.id, 'hi back');
    expect((await listBox(rita, 'inbox')).map((c) => c.id)).toEqual([conversation.id]);
    await send(stranger, conversation.id, 'four');
  });

  it('an open conversation is hidden from the recipient until the first message (no ghost)', async () => {
    const [fred, rita] = [await signUp('fred'), await signUp('rita')];
    await befriend(fred, rita);
    const conversation = await openDirect(fred, rita);
    expect(await listBox(rita, 'inbox')).toEqual([]);
    await send(fred, conversation.id, 'now');
    expect((await listBox(rita, 'inbox')).map((c) => c.id)).toEqual([conversation.id]);
  });
});
