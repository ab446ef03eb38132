/**
 * A small demo world, created through the real API so it always matches the current rules:
 * alice and bob are friends, carol follows alice, dave is a stranger, erin is 16.
 */
export const DEMO_PASSWORD = 'clipdm-demo-password';

export const DEMO_USERS = [
  { handle: 'alice', displayName: 'Alice Anders', birthdate: '1994-03-12' },
  { handle: 'bob', displayName: 'Bob Brouwer', birthdate: '1991-07-30' },
  { handle: 'carol', displayName: 'Carol Chen', birthdate: '1998-11-02' },
  { handle: 'dave', displayName: 'Dave Dubois', birthdate: '1988-01-19' },
  { handle: 'erin', displayName: 'Erin Esposito', birthdate: `${new Date().getUTCFullYear() - 16}-01-01` },
];

async function api(base, path, { token, method, body } = {}) {
  const res = await fetch(`${base}${path}`, {
    method: method ?? (body ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function expectOk(step, res) {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Seeds the world unless alice already exists. Returns false when it was already there. */
export async function seedDemoWorld(base) {
  const probe = await api(base, '/v1/auth/login', { body: { handle: 'alice', password: DEMO_PASSWORD } });
  if (probe.status === 200) return false;

  const tokens = {};
  for (const user of DEMO_USERS) {
    const res = expectOk(
      `register ${user.handle}`,
      await api(base, '/v1/auth/register', { body: { ...user, password: DEMO_PASSWORD } }),
    );
    tokens[user.handle] = res.accessToken;
  }
  const as =
    (handle) =>
    (path, options = {}) =>
      api(base, path, { ...options, token: tokens[handle] });
  const follow = async (a, b) =>
    expectOk(`${a} follows ${b}`, await as(a)(`/v1/users/${b}/follow`, { method: 'PUT' }));

  await follow('alice', 'bob');
  await follow('bob', 'alice');
  await follow('carol', 'alice');
  await follow('alice', 'carol');
  await follow('bob', 'carol');
  await follow('carol', 'bob');
  // Alice hears from anyone, so strangers' messages land in her requests.
  expectOk(
    'alice policy',
    await as('alice')('/v1/me/settings', { method: 'PATCH', body: { dmPolicy: 'everyone' } }),
  );

  const send = async (from, to, text, n) => {
    const conv = expectOk(
      `${from} opens chat with ${to}`,
      await as(from)('/v1/conversations', { body: { members: [to] } }),
    );
    expectOk(
      `${from} writes`,
      await as(from)(`/v1/conversations/${conv.id}/messages`, {
        body: { clientId: `demo-${from}-${n}`, text },
      }),
    );
    return conv.id;
  };
  await send('bob', 'alice', 'Hey Alice! Did you see the new dance video? 💃', 1);
  const withBob = await send('alice', 'bob', 'Yes! Sending it to you in a sec.', 2);
  // A shared video: the fixture site's oEmbed (served by `npm start`) gives its card a title and poster.
  const video = expectOk(
    'alice shares a video',
    await as('alice')(`/v1/conversations/${withBob}/messages`, {
      body: {
        clientId: 'demo-alice-video',
        video: { url: 'https://www.tiktok.com/@carol/video/7300000000000000003' },
      },
    }),
  );
  // Bob answers the video itself: a reply, shown with its quote.
  expectOk(
    'bob replies',
    await as('bob')(`/v1/conversations/${withBob}/messages`, {
      body: { clientId: 'demo-bob-4', text: 'Ha, that live take is great 😄', replyTo: video.id },
    }),
  );
  await send('dave', 'alice', 'Hi, I loved your last video. Can we collab?', 3);

  const group = expectOk(
    'group',
    await as('alice')('/v1/conversations', { body: { members: ['bob', 'carol'], title: 'Weekend plans' } }),
  );
  expectOk(
    'group message',
    await as('alice')(`/v1/conversations/${group.id}/messages`, {
      body: { clientId: 'demo-group-1', text: 'Picnic on Saturday?' },
    }),
  );
  return true;
}
