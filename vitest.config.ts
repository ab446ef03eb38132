import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'shared/vitest.config.ts',
      'worker/vitest.config.ts',
      'extension/vitest.config.ts',
      'extension/e2e/vitest.config.ts',
    ],
  },
});
