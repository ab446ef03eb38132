import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OutageProxy, startOutageProxy } from '../harness/outage-proxy.ts';

/** A stand-in worker that counts what reaches it and answers `201 {ok:true}`. */
let target: Server;
let reached: string[];
let relay: OutageProxy;

beforeEach(async () => {
  reached = [];
  target = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      reached.push(`${request.method} ${request.url} ${body}`);
      response.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  relay = await startOutageProxy((target.address() as AddressInfo).port);
});

afterEach(async () => {
  await relay.close();
  await new Promise((resolve) => target.close(resolve));
});

function post(body: string) {
  return fetch(`${relay.url}/v1/conversations/c1/messages`, { method: 'POST', body });
}

/** The error code under the fetch failure (`ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`…). */
async function failure(request: Promise<Response>): Promise<string> {
  try {
    const response = await request;
    return `answered ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? String(error);
  }
}

describe('startOutageProxy', () => {
  it('relays requests and answers while no fault is set', async () => {
    const response = await post('hello');
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(reached).toEqual(['POST /v1/conversations/c1/messages hello']);
  });

  it("answers the worker's own 503 with Retry-After itself under `unavailable`, and nothing reaches the worker", async () => {
    await relay.setFault('unavailable');
    const response = await post('x'.repeat(200_000));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect(reached).toEqual([]);
    expect(relay.failed).toEqual(['unavailable POST /v1/conversations/c1/messages HTTP/1.1']);
  });

  it('passes the request on and loses the answer under `answer-lost`', async () => {
    await relay.setFault('answer-lost');
    expect(await failure(post('stored, never confirmed'))).not.toMatch(/^answered/);
    expect(reached).toEqual(['POST /v1/conversations/c1/messages stored, never confirmed']);
    expect(relay.failed).toEqual(['answer-lost POST /v1/conversations/c1/messages HTTP/1.1']);
  });

  it('refuses connections under `refuse`, and takes the same address again when the fault ends', async () => {
    await relay.setFault('refuse');
    expect(await failure(post('refused'))).toBe('ECONNREFUSED');
    await relay.setFault(null);
    expect((await post('back')).status).toBe(201);
    expect(reached).toEqual(['POST /v1/conversations/c1/messages back']);
  });

  it('closes connections at once under `cut` (setDown), and an open keep-alive one with it', async () => {
    expect((await post('before')).status).toBe(201);
    relay.setDown(true);
    expect(await failure(post('cut'))).not.toMatch(/^answered/);
    relay.setDown(false);
    expect((await post('after')).status).toBe(201);
    expect(reached.map((line) => line.split(' ').at(-1))).toEqual(['before', 'after']);
  });
});
