import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'extension',
    include: ['extension/test/**/*.test.{ts,tsx}'],
    root: '.',
    passWithNoTests: true,
  },
});
