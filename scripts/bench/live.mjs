import { percentile } from './stats.mjs';

/**
 * Send → socket: the recipient holds a live stream (`/v1/stream`), the sender posts one message at a
 * time, and each sample is the time from the POST leaving to the recipient's `message` event arriving.
 */
export async function measureLiveDelivery({ baseUrl, conversationId, senderToken, recipientToken, samples }) {
  const ticketRes = await fetch(`${baseUrl}/v1/stream/ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${recipientToken}` },
  });
  if (!ticketRes.ok) throw new Error(`stream ticket: ${ticketRes.status} ${await ticketRes.text()}`);
  const { ticket } = await ticketRes.json();
  const socket = new WebSocket(
    `${baseUrl.replace(/^http/, 'ws')}/v1/stream?ticket=${encodeURIComponent(ticket)}`,
  );
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error('the live stream did not open')), { once: true });
  });
  const waiting = new Map();
  socket.addEventListener('message', (event) => {
    const data = JSON.parse(String(event.data));
    if (data.type !== 'message') return;
    // clientId is the sender's own; the recipient's copy is recognised by its text.
    waiting.get(data.message.text)?.(performance.now());
  });

  const latencies = [];
  try {
    for (let i = 0; i < samples; i++) {
      const clientId = `live-${Date.now()}-${i}`;
      const text = `live ${clientId}`;
      let timer;
      const arrived = new Promise((resolve, reject) => {
        waiting.set(text, resolve);
        timer = setTimeout(() => reject(new Error(`message ${clientId} never reached the socket`)), 5000);
      });
      const sentAt = performance.now();
      const res = await fetch(`${baseUrl}/v1/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${senderToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, text }),
      });
      if (res.status !== 201) throw new Error(`live send: ${res.status} ${await res.text()}`);
      latencies.push((await arrived) - sentAt);
      clearTimeout(timer);
      waiting.delete(text);
    }
  } finally {
    socket.close();
  }
  return { samples: latencies.length, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}
