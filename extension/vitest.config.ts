import { fileURLToPath } from 'node:url';
import { defineProject, type Plugin } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineProject({
  // WXT's plugin (fake `browser`, `import.meta.env` globals, aliases) is typed against WXT's own Vite.
  plugins: [WxtVitest({ root }) as unknown as Promise<Plugin[]>],
  test: {
    name: 'extension',
    include: ['extension/test/**/*.test.{ts,tsx}'],
    root: repoRoot,
    environment: 'happy-dom',
    setupFiles: ['extension/test/setup.ts'],
  },
});
