import { applyD1Migrations, env } from 'cloudflare:test';

// Each test file gets its own isolated storage; the real migrations are applied to it before any test runs.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
