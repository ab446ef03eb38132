import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export const ROOT = new URL('../../../', import.meta.url).pathname.replace(/\/$/, '');

/** Environment for every tool the harness runs: no telemetry, no calls to Cloudflare. */
export const TOOL_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: 'true',
  NO_COLOR: '1',
};

/** Runs a command to completion, its output into `logFile`; rejects with the log's tail on failure. */
export function runTool(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string; timeoutMs: number },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(options.logFile, { flags: 'a' });
    let tail = '';
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? TOOL_ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const keep = (chunk: Buffer) => {
      log.write(chunk);
      tail = (tail + chunk.toString()).slice(-3000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = setTimeout(() => {
      stopGroup(child);
      reject(new Error(`${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms\n${tail}`));
    }, options.timeoutMs);
    // A command that cannot start (not on PATH) fails the step instead of crashing the run.
    child.on('error', (error) => {
      clearTimeout(timer);
      log.end();
      reject(new Error(`${command} ${args.join(' ')} could not start: ${error.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      log.end();
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${tail}`));
    });
  });
}

/**
 * Stops a child started with `detached: true` (its own session and process group, as `setsid` makes it)
 * together with everything it started, by signalling the group.
 */
export function stopGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Polls `check` until it answers true or `timeoutMs` passes. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
