import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, TOOL_ENV } from '../../extension/e2e/harness/processes.ts';
import { startWorker, type WorkerHandle } from '../../extension/e2e/harness/worker.ts';

export { TOOL_ENV };

const run = promisify(execFile);

export interface LocalWorker extends WorkerHandle {
  /** Runs SQL against the worker's local D1 (read-only use: the checks after a run). */
  query: <Row>(sql: string) => Promise<Row[]>;
}

/**
 * The e2e suite's worker (a fresh local D1 with the migrations, `wrangler dev` on 127.0.0.1:`port`, all
 * under `tempDir`), with a way to read its database for the soak's checks afterwards.
 */
export async function startLocalWorker(options: {
  port: number;
  tempDir: string;
  vars?: Record<string, string>;
}): Promise<LocalWorker> {
  const worker = await startWorker({ ...options, artifactsDir: options.tempDir });
  const query = async <Row>(sql: string): Promise<Row[]> => {
    const { stdout } = await run(
      'npx',
      [
        'wrangler',
        'd1',
        'execute',
        'DB',
        '--local',
        '--json',
        '--command',
        sql,
        '--persist-to',
        join(options.tempDir, 'd1'),
      ],
      { cwd: ROOT, env: TOOL_ENV, maxBuffer: 64 * 1024 * 1024 },
    );
    const [result] = JSON.parse(stdout) as [{ results: Row[] }];
    return result.results;
  };
  return { ...worker, query };
}
