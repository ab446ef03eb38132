import type { D1Migration } from 'cloudflare:test';

// The test pool's bindings: the worker's generated `Cloudflare.Env` plus the migrations the setup applies.
declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
