import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';

/** Creates `.dev.vars` with fresh random secrets when it is missing; never overwrites an existing one. */
export function ensureDevVars(path = '.dev.vars') {
  if (existsSync(path)) return false;
  const secret = () => randomBytes(32).toString('hex');
  writeFileSync(
    path,
    [
      '# Local secrets for wrangler dev. Created by `npm start`; git-ignored. Delete it to get new ones.',
      'ENVIRONMENT=development',
      `JWT_SECRET=${secret()}`,
      `CONTACTS_PEPPER=${secret()}`,
      `ADMIN_TOKEN=${secret()}`,
      // The local fixture video site of the end-to-end tests is served from 127.0.0.1.
      'VIDEO_HOSTS=www.tiktok.com,m.tiktok.com,tiktok.com,vm.tiktok.com,vt.tiktok.com,127.0.0.1,localhost',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return true;
}
