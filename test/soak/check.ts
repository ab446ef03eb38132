import type { LocalWorker } from './local-worker.ts';
import type { SoakClient } from './soak-client.ts';

/**
 * The checks after a run, against D1 itself and against each client's view. Returns the failures found
 * (empty when the run held) and the figures it looked at.
 */
export async function checkRun(
  worker: LocalWorker,
  clients: SoakClient[],
): Promise<{ failures: string[]; stored: number; conversations: number; compared: number }> {
  const failures: string[] = [];

  // seq is gap-free: in every conversation the seqs are exactly 1..last_seq.
  const seqs = await worker.query<{ id: string; last: number; n: number; lo: number; hi: number }>(
    `SELECT c.id AS id, c.last_seq AS last, COUNT(m.id) AS n, MIN(m.seq) AS lo, MAX(m.seq) AS hi
       FROM conversations c LEFT JOIN messages m ON m.conversation_id = c.id GROUP BY c.id`,
  );
  for (const row of seqs) {
    if (row.n === 0 && row.last === 0) continue;
    if (row.lo !== 1 || row.hi !== row.last || row.n !== row.last) {
      failures.push(
        `conversation ${row.id}: ${row.n} messages, seq ${row.lo}..${row.hi}, last_seq ${row.last}`,
      );
    }
  }

  // Each acknowledged message is stored exactly once, under the id the client was given.
  const rows = await worker.query<{ id: string; conversation: string; handle: string; clientId: string }>(
    `SELECT m.id AS id, m.conversation_id AS conversation, u.handle AS handle, m.client_id AS clientId
       FROM messages m JOIN users u ON u.id = m.sender_id WHERE m.client_id IS NOT NULL`,
  );
  const stored = new Map<string, string[]>();
  for (const row of rows) {
    const key = `${row.conversation}|${row.handle}|${row.clientId}`;
    stored.set(key, [...(stored.get(key) ?? []), row.id]);
  }
  let acked = 0;
  for (const client of clients) {
    for (const message of client.acked) {
      acked += 1;
      const ids = stored.get(`${message.conversationId}|${message.handle}|${message.clientId}`) ?? [];
      if (ids.length !== 1 || ids[0] !== message.id) {
        failures.push(`acknowledged ${message.clientId} (${message.id}) is stored as [${ids.join(', ')}]`);
      }
    }
  }

  // Every client's view, built from live events and catch-up, equals a fresh full read of the server.
  let compared = 0;
  for (const client of clients) {
    await client.catchUp();
    for (const [conversationId, view] of client.views) {
      const server = await client.readAfter(conversationId, 0);
      if (server === null) continue;
      compared += 1;
      const serverView = new Map(server.map((m) => [m.seq, m.id]));
      const missing = [...serverView].filter(([seq, id]) => view.messages.get(seq) !== id);
      const extra = [...view.messages].filter(([seq, id]) => serverView.get(seq) !== id);
      if (missing.length || extra.length) {
        failures.push(
          `${client.handle} in ${conversationId}: missing seq [${missing.map(([s]) => s)}], extra seq [${extra.map(([s]) => s)}]`,
        );
      }
    }
  }
  return { failures, stored: acked, conversations: seqs.length, compared };
}
