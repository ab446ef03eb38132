import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, runTool, TOOL_ENV } from './processes.ts';

/**
 * Builds the Chromium extension against the suite's worker and copies it to `targetDir`, so a rebuild in the
 * working tree while the suite runs cannot change the extension under the browser.
 */
export async function buildExtension(options: {
  apiBaseUrl: string;
  videoHosts: string;
  targetDir: string;
  artifactsDir: string;
}): Promise<string> {
  await runTool('npx', ['wxt', 'build', '-b', 'chrome'], {
    cwd: join(ROOT, 'extension'),
    env: { ...TOOL_ENV, WXT_API_BASE_URL: options.apiBaseUrl, WXT_VIDEO_HOSTS: options.videoHosts },
    logFile: join(options.artifactsDir, 'build.log'),
    timeoutMs: 300_000,
  });
  await rm(options.targetDir, { recursive: true, force: true });
  await cp(join(ROOT, 'extension', '.output', 'chrome-mv3'), options.targetDir, { recursive: true });
  return options.targetDir;
}
