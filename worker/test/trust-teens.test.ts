import type { Conversation, User } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { listBox, send } from './chat-helpers.ts';
import { befriend, birthdateForAge, expectError, followUser, setPolicy, signUp } from './helpers.ts';
import { openToEveryone } from './trust-helpers.ts';

/** Issue 11, door 3: a 16–17-year-old is only ever in a group of friends, and strangers do not find them. */

async function teenWithFriend() {
  const teen = await signUp('teen', { birthdate: birthdateForAge(16) });
  await setPolicy(teen, 'friends');
  const friend = await signUp('tfriend');
  await befriend(teen, friend);
  const stranger = await signUp('tstranger');
  await befriend(friend, stranger);
  await openToEveryone(stranger);
  return { teen, friend, stranger };
}

describe('16–17-year-olds in groups', () => {
  it('refuses a group that puts a teen together with an adult who is not their friend', async () => {
    const { teen, friend, stranger } = await teenWithFriend();
    const res = await friend.api('/v1/conversations', { body: { members: [teen.handle, stranger.handle] } });
    await expectError(res, 403, 'cannot_message');
    expect(await listBox(teen, 'inbox')).toEqual([]);
    expect(await listBox(teen, 'requests')).toEqual([]);
  });

  it('refuses adding a stranger to a group a teen is in, and adding a teen to a group of strangers', async () => {
    const { teen, friend, stranger } = await teenWithFriend();
    const second = await signUp('tfriend2');
    await befriend(teen, second);
    await befriend(friend, second);
    const res = await friend.api('/v1/conversations', { body: { members: [teen.handle, second.handle] } });
    expect(res.status, await res.clone().text()).toBe(201);
    const group = (await res.json()) as Conversation;
    await expectError(
      await friend.api(`/v1/conversations/${group.id}/members`, { body: { handles: [stranger.handle] } }),
      403,
      'cannot_message',
    );

    const other = await signUp('tother');
    await befriend(friend, other);
    const adults = await friend.api('/v1/conversations', {
      body: { members: [stranger.handle, other.handle] },
    });
    expect(adults.status).toBe(201);
    const adultGroup = (await adults.json()) as Conversation;
    await expectError(
      await friend.api(`/v1/conversations/${adultGroup.id}/members`, { body: { handles: [teen.handle] } }),
      403,
      'cannot_message',
    );
  });

  it("keeps a stranger's group message from reaching a teen", async () => {
    const { teen, friend, stranger } = await teenWithFriend();
    const res = await friend.api('/v1/conversations', { body: { members: [teen.handle, stranger.handle] } });
    if (res.status === 201) {
      const group = (await res.json()) as Conversation;
      await send(stranger, group.id, 'hello from a stranger');
    }
    const seen = [...(await listBox(teen, 'inbox')), ...(await listBox(teen, 'requests'))];
    expect(seen.map((c) => c.lastMessage?.text)).not.toContain('hello from a stranger');
  });
});

describe('GET /v1/users?q= and teens', () => {
  it('shows a 16–17-year-old only to their followers; the exact handle still resolves', async () => {
    const teen = await signUp('findteen', { birthdate: birthdateForAge(17) });
    const stranger = await signUp('searcher');
    const follower = await signUp('follower');
    await followUser(follower, teen);
    const search = async (who: typeof stranger) =>
      ((await (await who.api(`/v1/users?q=${teen.handle}`)).json()) as { users: User[] }).users.map(
        (u) => u.handle,
      );
    expect(await search(stranger)).toEqual([]);
    expect(await search(follower)).toEqual([teen.handle]);
    const profile = await stranger.api(`/v1/users/${teen.handle}`);
    expect(profile.status).toBe(200);
    expect(((await profile.json()) as User).canMessage).toBe(false);
  });
});
