import { connect, createServer, type Socket } from 'node:net';

export interface OutageProxy {
  /** The address a person's extension uses instead of the worker's own. */
  url: string;
  /** Cuts every open connection (fetches, keep-alives, the live WebSocket) and refuses new ones; or ends that. */
  setDown: (down: boolean) => void;
  close: () => Promise<void>;
}

/**
 * A TCP relay in front of `wrangler dev`, so a flow can take the worker off the network for one browser
 * for real. Chromium's emulated offline mode (`setOffline`, `route`) does not cover everything an extension
 * does: the live WebSocket stays open, and a request can reach the worker while the page is told it failed.
 */
export async function startOutageProxy(targetPort: number): Promise<OutageProxy> {
  let down = false;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    open.add(client);
    open.add(upstream);
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    setDown: (value) => {
      down = value;
      if (value) for (const socket of open) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
