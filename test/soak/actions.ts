import type { SoakClient } from './soak-client.ts';

/** Who may no longer be put into which group: a removed, departed or declining member stays out. */
export type Exits = Set<string>;

function pick<T>(items: T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)];
}

function accepted(client: SoakClient) {
  return [...client.conversations.values()].filter((c) => c.status === 'accepted');
}

/**
 * One random step of a person using the app. Refusals the contract allows (a request limit, a policy, a
 * conversation that went away) are part of the load; only 5xx, broken bodies and lost messages fail it.
 */
export async function randomStep(
  client: SoakClient,
  everyone: SoakClient[],
  lurker: SoakClient,
  exits: Exits,
): Promise<void> {
  const others = everyone.filter((c) => c !== client);
  const roll = Math.random();
  if (roll < 0.4) {
    const conversation = pick(accepted(client));
    if (!conversation) return client.refreshConversations();
    const retries = Math.random() < 0.3 ? 1 + Math.floor(Math.random() * 2) : 0;
    await client.send(conversation.id, retries);
    return;
  }
  if (roll < 0.52) {
    const conversation = pick([...client.conversations.values()]);
    if (!conversation) return client.refreshConversations();
    const rows = await client.readAfter(conversation.id, 0);
    const last = rows?.at(-1);
    if (last) await client.http.call('POST', `/v1/conversations/${conversation.id}/read`, { seq: last.seq });
    return;
  }
  if (roll < 0.6) {
    const other = pick(others);
    if (!other) return;
    const opened = await client.http.call<{ id: string }>('POST', '/v1/conversations', {
      members: [other.handle],
    });
    if (opened.status === 200 || opened.status === 201) await client.send(opened.body.id, 0);
    return;
  }
  if (roll < 0.7) {
    await client.refreshConversations();
    const request = pick([...client.conversations.values()].filter((c) => c.status === 'request'));
    if (!request) return;
    // Declining a group keeps the decliner out of it for good.
    if (Math.random() < 0.3 && request.kind === 'group') {
      exits.add(`${request.id}:${client.handle}`);
      await client.http.call('POST', `/v1/conversations/${request.id}/decline`);
    } else {
      await client.http.call('POST', `/v1/conversations/${request.id}/accept`);
    }
    await client.refreshConversations();
    return;
  }
  if (roll < 0.8) return groupChange(client, others, exits);
  if (roll < 0.85) return blockRound(client, lurker);
  if (roll < 0.92) return client.dropAndReconnect(Math.floor(Math.random() * 1500));
  await client.catchUp();
}

async function groupChange(client: SoakClient, others: SoakClient[], exits: Exits): Promise<void> {
  const groups = accepted(client).filter((c) => c.kind === 'group');
  const group = pick(groups);
  const roll = Math.random();
  if (!group || roll < 0.3) {
    const invited = others
      .slice()
      .sort(() => Math.random() - 0.5)
      .slice(0, 2 + Math.floor(Math.random() * 2));
    await client.http.call('POST', '/v1/conversations', {
      members: invited.map((c) => c.handle),
      title: `soak ${client.handle}`,
    });
  } else if (roll < 0.6) {
    const inside = new Set(group.members.map((m) => m.handle));
    const newcomer = pick(
      others.filter((c) => !inside.has(c.handle) && !exits.has(`${group.id}:${c.handle}`)),
    );
    if (newcomer)
      await client.http.call('POST', `/v1/conversations/${group.id}/members`, { handles: [newcomer.handle] });
  } else if (roll < 0.8 && group.members.find((m) => m.handle === client.handle)?.role === 'owner') {
    const removed = pick(group.members.filter((m) => m.handle !== client.handle));
    if (removed) {
      // A removed member may be added back by the rules; the soak never does, so each view has one history.
      exits.add(`${group.id}:${removed.handle}`);
      await client.http.call('DELETE', `/v1/conversations/${group.id}/members/${removed.handle}`);
    }
  } else {
    exits.add(`${group.id}:${client.handle}`);
    await client.http.call('POST', `/v1/conversations/${group.id}/leave`);
  }
  await client.refreshConversations();
}

/**
 * Blocks the lurker, who then tries to reach the blocker: every try must be refused and store nothing.
 * The lurker only ever acts inside this round, so it never lands in anybody's view.
 */
async function blockRound(client: SoakClient, lurker: SoakClient): Promise<void> {
  await client.http.ok('PUT', `/v1/users/${lurker.handle}/block`);
  const opened = await lurker.http.call<{ id: string }>('POST', '/v1/conversations', {
    members: [client.handle],
  });
  if (opened.status < 300) {
    const sent = await lurker.http.call('POST', `/v1/conversations/${opened.body.id}/messages`, {
      clientId: `lurk-${Date.now()}-${Math.random()}`,
      text: 'let me in',
    });
    if (sent.status < 300) throw new Error(`${lurker.handle} reached ${client.handle} through a block`);
  }
  await client.http.ok('DELETE', `/v1/users/${lurker.handle}/block`);
}
