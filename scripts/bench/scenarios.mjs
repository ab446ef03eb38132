/**
 * What the bench measures, as data: each scenario is one endpoint as one seeded person calls it. `kind`
 * picks the round-trip budget (a read: 1, a write: 2); `once` marks paths that change state the first time only (an accept): the bench bills them from the
 * end of the list and the load goes through the list from the start.
 */
export function scenarios(roles) {
  const heavy = { as: roles.heavy };
  const get = (name, path, who, kind = 'read') => ({ name, method: 'GET', paths: [path], kind, ...who });
  const send = (name, conversationId, as) => ({
    name,
    method: 'POST',
    kind: 'write',
    as,
    paths: [`/v1/conversations/${conversationId}/messages`],
    body: JSON.stringify({
      clientId: 'bench-{n}',
      text: 'A benchmark message of ordinary length, about sixty chars.',
    }),
  });
  return {
    floor: get('floor: GET /v1/health', '/v1/health', {}, 'floor'),
    table: [
      get(`inbox page (30 of ${roles.heavyInbox.length})`, '/v1/conversations?box=inbox&limit=30', heavy),
      get(
        `requests page (30 of ${roles.heavyRequests.length})`,
        '/v1/conversations?box=requests&limit=30',
        heavy,
      ),
      get('messages page (30 of 500)', `/v1/conversations/${roles.largeChat}/messages?limit=30`, {
        as: roles.large,
      }),
      get('unread counts (5,000 conversations)', '/v1/me/unread', heavy),
      get('user search (prefix, 20 of 1,000)', '/v1/users?q=bench_1', heavy),
      send('send: accepted direct chat', roles.directChat, roles.directSender),
      send('send: into a request', roles.requestChat, roles.requestSender),
      send('send: 32-member group', roles.groupChat, roles.groupOwner),
      {
        name: 'accept a request',
        method: 'POST',
        kind: 'write',
        as: roles.heavy,
        once: true,
        paths: roles.heavyRequests.map((id) => `/v1/conversations/${id}/accept`),
      },
      {
        name: 'read marker',
        method: 'POST',
        kind: 'write',
        as: roles.heavy,
        paths: roles.heavyInbox.map((id) => `/v1/conversations/${id}/read`),
        body: JSON.stringify({ seq: 1000000 }),
      },
    ],
    // Read latency at 10x the data: the same read for a person with 100 vs 1,000 conversations, and a chat
    // of 50 vs 500 messages.
    pairs: [
      {
        name: 'inbox page, 100 vs 1,000 conversations',
        small: get('inbox (100)', '/v1/conversations?box=inbox&limit=30', { as: roles.small }),
        large: get('inbox (1,000)', '/v1/conversations?box=inbox&limit=30', { as: roles.large }),
      },
      {
        name: 'messages page, 50 vs 500 messages',
        small: get('messages (50)', `/v1/conversations/${roles.smallChat}/messages?limit=30`, {
          as: roles.small,
        }),
        large: get('messages (500)', `/v1/conversations/${roles.largeChat}/messages?limit=30`, {
          as: roles.large,
        }),
      },
    ],
  };
}
