import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** Origins the extension may call: local workers on any port, and the production worker from the build. */
function workerHostPermissions(): string[] {
  const hosts = ['http://127.0.0.1/*', 'http://localhost/*'];
  const production = process.env.WXT_API_BASE_URL;
  if (production) {
    const origin = new URL(production).origin;
    if (!hosts.some((h) => h.startsWith(origin))) hosts.push(`${origin}/*`);
  }
  return hosts;
}

export default defineConfig({
  srcDir: 'src',
  // Explicit imports everywhere: a reader sees where `browser` and `storage` come from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: workerHostPermissions(),
    action: { default_title: '__MSG_actionTitle__' },
  }),
});
