import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';
import { createProviderStandIn, standInVars } from '../scripts/provider-stand-in.mjs';

const migrationsDir = new URL('./migrations', import.meta.url).pathname;
// The worker's outbound fetches to `providers.test` reach the local stand-in of the site's Login Kit,
// Facebook and the email/SMS APIs (scripts/provider-stand-in.mjs).
const PROVIDERS = 'http://providers.test';
const standIn = createProviderStandIn();

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
          ...standInVars(PROVIDERS),
          PROVIDER_TIMEOUT_MS: '1000',
          EMAIL_API_URL: `${PROVIDERS}/senders/email`,
          EMAIL_API_KEY: 'test-email-key',
          SMS_API_URL: `${PROVIDERS}/senders/sms`,
          SMS_API_KEY: 'test-sms-key',
          SMS_API_SECRET: 'test-sms-secret',
        },
        // Tests have no network: anything else fails at once, as an unreachable host would, not after a timeout.
        outboundService: async (request: Request) =>
          (await standIn(request)) ?? new Response('no network in the worker tests', { status: 502 }),
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
