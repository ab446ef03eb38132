import { connect, createServer, type Socket } from 'node:net';

/**
 * How the relay fails, when it does:
 * - `cut`: accepts and at once closes every connection (the worker unreachable, as a dropped network does);
 * - `refuse`: stops listening, so connections are refused (`ECONNREFUSED`: nothing runs at the address);
 * - `unavailable`: answers every request itself with the worker's own `503 unavailable` and `Retry-After`,
 *   as the worker does when D1 fails, so nothing reaches the worker;
 * - `answer-lost`: passes each request to the worker, then closes the connection before the answer's first
 *   byte, so the worker stores what it was sent and the browser never learns it (a send that must not be
 *   stored twice when retried).
 */
export type Fault = 'cut' | 'refuse' | 'unavailable' | 'answer-lost';

export interface OutageProxy {
  /** The address a person's extension uses instead of the worker's own. */
  url: string;
  /** Cuts every open connection (fetches, keep-alives, the live WebSocket) and refuses new ones; or ends that. */
  setDown: (down: boolean) => void;
  /** Cuts every open connection and fails the next ones as `fault` says; `null` relays again. */
  setFault: (fault: Fault | null) => Promise<void>;
  /** The request lines the relay failed on purpose, e.g. `unavailable POST /v1/conversations/…/messages`. */
  failed: string[];
  close: () => Promise<void>;
}

/** What the worker answers when its database fails (`docs/security.md`, fault injection). */
const UNAVAILABLE_BODY = JSON.stringify({
  error: { code: 'unavailable', message: 'The service is briefly unavailable, try again' },
});

function requestLine(chunk: Buffer): string {
  return chunk.toString('latin1').split('\r\n', 1)[0] ?? '';
}

/**
 * Reads one whole HTTP request (headers and `content-length` body) before answering `503`: answering
 * earlier would close the socket with unread bytes, which the browser sees as a reset, not as the 503.
 */
function answerUnavailable(client: Socket, failed: string[]): void {
  let received = Buffer.alloc(0);
  client.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    const headerEnd = received.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(
      /\r\ncontent-length:\s*(\d+)/i.exec(received.subarray(0, headerEnd).toString())?.[1] ?? 0,
    );
    if (received.length < headerEnd + 4 + length) return;
    client.removeAllListeners('data');
    failed.push(`unavailable ${requestLine(received)}`);
    client.end(
      [
        'HTTP/1.1 503 Service Unavailable',
        'content-type: application/json',
        'retry-after: 1',
        'access-control-allow-origin: *',
        'connection: close',
        `content-length: ${Buffer.byteLength(UNAVAILABLE_BODY)}`,
        '',
        UNAVAILABLE_BODY,
      ].join('\r\n'),
    );
  });
  client.on('error', () => client.destroy());
}

/**
 * A TCP relay in front of `wrangler dev`, so a flow can take the worker off the network for one browser
 * for real. Chromium's emulated offline mode (`setOffline`, `route`) does not cover everything an extension
 * does: the live WebSocket stays open, and a request can reach the worker while the page is told it failed.
 */
export async function startOutageProxy(targetPort: number): Promise<OutageProxy> {
  let fault: Fault | null = null;
  const failed: string[] = [];
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (fault === 'cut') {
      client.destroy();
      return;
    }
    open.add(client);
    client.on('close', () => open.delete(client));
    if (fault === 'unavailable') {
      answerUnavailable(client, failed);
      return;
    }
    const loseAnswer = fault === 'answer-lost';
    const upstream = connect(targetPort, '127.0.0.1');
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    open.add(upstream);
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    if (loseAnswer) {
      client.once('data', (chunk: Buffer) => failed.push(`answer-lost ${requestLine(chunk)}`));
      client.pipe(upstream);
      upstream.once('data', end);
    } else {
      client.pipe(upstream).pipe(client);
    }
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const setFault = async (next: Fault | null) => {
    const wasListening = server.listening;
    fault = next;
    if (next) for (const socket of open) socket.destroy();
    // Closing the listener makes the port refuse; the same port is taken again when the fault ends.
    if (next === 'refuse' && wasListening) server.close();
    if (next !== 'refuse' && !wasListening) await listen(port);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    setDown: (down) => void setFault(down ? 'cut' : null),
    setFault,
    failed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        if (server.listening) server.close(() => resolve());
        else resolve();
      }),
  };
}
