import { seededRandom } from './random.mjs';

/**
 * The bench's world, as rows per table, from a seeded PRNG: 2,000 users, 20,000 conversations and
 * 200,000 messages, with the people and conversations each measurement needs (`roles`). Values are
 * keyed by column name; `seed-sqlite.mjs` writes only the columns the migrated schema has.
 */
export const SIZES = { users: 2000, conversations: 20_000, messages: 200_000, heavy: 5000, group: 32 };

const EPOCH = Date.parse('2026-10-01T00:00:00.000Z');
const iso = (ms) => new Date(ms).toISOString();
const pad = (n, width = 4) => String(n).padStart(width, '0');

export const userId = (i) => `bench-user-${pad(i)}`;
export const handleOf = (i) => `bench_${pad(i)}`;

export function buildWorld({ passwordHash, salt, iterations, seed = 14 }) {
  const rng = seededRandom(seed);
  const rows = {
    users: [],
    credentials: [],
    settings: [],
    logins: [],
    follows: [],
    conversations: [],
    members: [],
    messages: [],
  };
  for (let i = 0; i < SIZES.users; i++) {
    const id = userId(i);
    rows.users.push({
      id,
      handle: handleOf(i),
      display_name: `Bench ${pad(i)}`,
      birthdate: '1990-01-01',
      created_at: iso(EPOCH - 86_400_000),
    });
    rows.credentials.push({ user_id: id, password_hash: passwordHash, salt, iterations });
    rows.settings.push({ user_id: id, dm_policy: 'everyone', read_receipts: 1 });
    rows.logins.push({ id: `bench-login-${pad(i)}`, user_id: id, created_at: iso(EPOCH) });
  }

  const follows = new Set();
  const follow = (a, b) => {
    const key = `${a}>${b}`;
    if (a === b || follows.has(key)) return;
    follows.add(key);
    rows.follows.push({ follower_id: userId(a), followee_id: userId(b), created_at: iso(EPOCH) });
  };
  const befriend = (a, b) => {
    follow(a, b);
    follow(b, a);
  };

  const directPairs = new Set();
  let conversationCount = 0;
  let messageCount = 0;
  /**
   * One conversation: `members` are user indexes (the first owns a group); `requestFor` is a member who
   * has it in requests (only the others write to it then); `messages` how many to write.
   */
  const conversation = ({ kind, members, messages: count, requestFor = null, title = null }) => {
    const id = `bench-conv-${pad(conversationCount++, 5)}`;
    if (kind === 'direct') {
      const [a, b] = members.map(userId).sort();
      directPairs.add(`${a}|${b}`);
    }
    const writers = members.filter((m) => m !== requestFor);
    const lastAt = EPOCH + rng.int(0, 30 * 86_400_000);
    const senders = [];
    for (let seq = 1; seq <= count; seq++) {
      const sender = rng.pick(writers);
      senders.push(sender);
      rows.messages.push({
        id: `bench-msg-${pad(messageCount++, 7)}`,
        conversation_id: id,
        seq,
        sender_id: userId(sender),
        kind: 'text',
        text: `Seeded message ${seq} of ${id}`,
        client_id: `seed-${seq}`,
        created_at: iso(lastAt - (count - seq) * 60_000),
      });
    }
    const createdAt = iso(lastAt - count * 60_000 - 60_000);
    rows.conversations.push({
      id,
      kind,
      title,
      direct_key: kind === 'direct' ? members.map(userId).sort().join(':') : null,
      last_seq: count,
      last_activity_at: iso(lastAt),
      created_at: createdAt,
    });
    for (const [index, member] of members.entries()) {
      const pending = member === requestFor;
      // Most people have read everything; some are a few messages behind.
      const behind = pending ? count : rng.next() < 0.7 ? 0 : rng.int(1, Math.min(5, count));
      const lastRead = count - behind;
      rows.members.push({
        conversation_id: id,
        user_id: userId(member),
        role: kind === 'group' && index === 0 ? 'owner' : 'member',
        state: pending ? 'request' : 'accepted',
        hidden: 0,
        muted: 0,
        last_read_seq: lastRead,
        direct_activity_at: kind === 'direct' ? iso(lastAt) : null,
        joined_at: createdAt,
        joined_seq: 0,
      });
    }
    return id;
  };
  const hasDirect = (a, b) => directPairs.has([userId(a), userId(b)].sort().join('|'));

  // Who does what in the measurements. 0 is the heavy user; 1 and 2 have 100 and 1,000 conversations
  // (the 10x read pair); 3 is their partner; the senders and the group sit at the end of the range.
  const HEAVY = 0;
  const SMALL = 1;
  const LARGE = 2;
  const roles = {
    heavy: HEAVY,
    small: SMALL,
    large: LARGE,
    directSender: 1990,
    directPeer: 1991,
    requestSender: 1992,
    requestPeer: 1993,
    groupOwner: 1950,
  };
  const others = (from) => Array.from({ length: SIZES.users - from }, (_, k) => from + k);

  // The 10x pair: 100 and 1,000 direct conversations of 10 messages; their chats with user 3 hold 50 and 500.
  roles.smallChat = conversation({ kind: 'direct', members: [SMALL, 3], messages: 50 });
  roles.largeChat = conversation({ kind: 'direct', members: [LARGE, 3], messages: 500 });
  befriend(SMALL, 3);
  befriend(LARGE, 3);
  for (let k = 4; k < 103; k++) conversation({ kind: 'direct', members: [SMALL, k], messages: 10 });
  for (let k = 4; k < 1003; k++) conversation({ kind: 'direct', members: [LARGE, k], messages: 10 });

  // The senders: an accepted chat between friends, a request from a stranger, the 32-member group.
  befriend(roles.directSender, roles.directPeer);
  roles.directChat = conversation({
    kind: 'direct',
    members: [roles.directSender, roles.directPeer],
    messages: 20,
  });
  roles.requestChat = conversation({
    kind: 'direct',
    members: [roles.requestSender, roles.requestPeer],
    messages: 1,
    requestFor: roles.requestPeer,
  });
  const groupMembers = Array.from({ length: SIZES.group }, (_, k) => roles.groupOwner + k);
  roles.groupChat = conversation({
    kind: 'group',
    members: groupMembers,
    messages: 40,
    title: 'Bench group',
  });

  // The heavy user: a direct chat with everyone from 3 on (the first 1,500 waiting in their requests)
  // and groups of three for the rest of their 5,000 conversations.
  roles.heavyRequests = [];
  roles.heavyInbox = [];
  for (const [n, k] of others(3).entries()) {
    const pending = n < 1500;
    const id = conversation({
      kind: 'direct',
      members: [k, HEAVY],
      messages: pending ? rng.int(1, 3) : rng.int(2, 12),
      requestFor: pending ? HEAVY : null,
    });
    (pending ? roles.heavyRequests : roles.heavyInbox).push(id);
    if (!pending) befriend(HEAVY, k);
  }
  while (conversationCount < SIZES.heavy + 1000 + 100 + 3) {
    const a = rng.int(3, SIZES.users - 1);
    const b = rng.int(3, SIZES.users - 1);
    if (a === b) continue;
    roles.heavyInbox.push(conversation({ kind: 'group', members: [HEAVY, a, b], messages: rng.int(2, 12) }));
  }

  // Everyone else, up to 20,000 conversations and 200,000 messages: mostly direct chats, some groups.
  const remaining = SIZES.conversations - conversationCount;
  let messagesLeft = SIZES.messages - messageCount;
  for (let n = 0; n < remaining; n++) {
    const left = remaining - n;
    const average = messagesLeft / left;
    const count =
      left === 1
        ? messagesLeft
        : Math.max(1, Math.min(messagesLeft - (left - 1), rng.int(1, Math.round(2 * average - 1))));
    messagesLeft -= count;
    if (rng.next() < 0.9) {
      let a;
      let b;
      do {
        a = rng.int(3, SIZES.users - 1);
        b = rng.int(3, SIZES.users - 1);
      } while (a === b || hasDirect(a, b));
      befriend(a, b);
      conversation({ kind: 'direct', members: [a, b], messages: count });
    } else {
      const size = rng.int(3, 8);
      const members = new Set();
      while (members.size < size) members.add(rng.int(3, SIZES.users - 1));
      conversation({ kind: 'group', members: [...members], messages: count, title: `Group ${n}` });
    }
  }
  return { rows, roles };
}
