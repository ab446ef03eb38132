/**
 * One autocannon run, in a process of its own so the load generator never shares an event loop with
 * the bench's bookkeeping. Reads a scenario as JSON from argv[2], prints autocannon's summary as JSON.
 *
 * A scenario: `{ baseUrl, method, paths, body?, headers, connections, seconds }`. Request n goes
 * to `paths[n % paths.length]` with `{n}` in the path and body replaced by a run-unique number (fresh
 * clientIds for sends). A run lasts `seconds`, whatever the number of paths.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const scenario = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const runTag = `${process.pid}-${Date.now() % 1e6}`;
let n = 0;
const fill = (text) => text.replaceAll('{n}', `${runTag}-${n}`);

const result = await autocannon({
  url: scenario.baseUrl,
  connections: scenario.connections,
  duration: scenario.seconds,
  requests: [
    {
      method: scenario.method,
      headers: scenario.headers,
      setupRequest: (request) => {
        const path = scenario.paths[n % scenario.paths.length];
        const next = { ...request, path: fill(path) };
        if (scenario.body !== undefined) next.body = fill(scenario.body);
        n += 1;
        return next;
      },
    },
  ],
});

process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }),
);
