import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

const migrationsDir = new URL('./migrations', import.meta.url).pathname;

export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: new URL('../wrangler.toml', import.meta.url).pathname },
      miniflare: {
        bindings: {
          ENVIRONMENT: 'test',
          JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789abcdef',
          CONTACTS_PEPPER: 'test-contacts-pepper-0123456789abcdef',
          ADMIN_TOKEN: 'test-admin-token-0123456789abcdef',
          VIDEO_HOSTS: 'www.tiktok.com,m.tiktok.com,tiktok.com,vm.tiktok.com,vt.tiktok.com,127.0.0.1',
          TEST_MIGRATIONS: await readD1Migrations(migrationsDir),
        },
      },
    })),
  ],
  test: {
    name: 'worker',
    include: ['test/**/*.test.ts'],
    // Several suites share this machine's two cores; a test that sends 60 messages one by one can need more
    // than the default 5 s under that load without anything being wrong.
    testTimeout: 30_000,
    setupFiles: ['./test/apply-migrations.ts'],
  },
});
