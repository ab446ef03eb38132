import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/** Unit tests of the end-to-end suite's own tooling (no browser, no worker): `npm run test:unit` runs them. */
export default defineProject({
  test: {
    name: 'e2e-tooling',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
