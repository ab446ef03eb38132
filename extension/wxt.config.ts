import preact from '@preact/preset-vite';
import { defineConfig, type WxtViteConfig } from 'wxt';
import { extensionPagesCsp } from './extension-pages-csp.ts';
import { MANIFEST_PUBLIC_KEY } from './manifest-key.ts';

/** Origins the extension may call: local workers on any port, and the production worker from the build. */
function workerHostPermissions(): string[] {
  const hosts = ['http://127.0.0.1/*', 'http://localhost/*'];
  const production = process.env.WXT_API_BASE_URL;
  if (production) {
    const url = new URL(production);
    // A pattern without a port matches every port, so local addresses are already covered.
    if (!['127.0.0.1', 'localhost'].includes(url.hostname)) hosts.push(`${url.protocol}//${url.hostname}/*`);
  }
  return hosts;
}

export default defineConfig({
  srcDir: 'src',
  // Explicit imports everywhere: a reader sees where `browser` and `storage` come from.
  imports: false,
  // The preset is typed against the workspace's newer Vite; WXT bundles with its own, and the plugin works with both.
  vite: () => ({
    plugins: preact() as unknown as NonNullable<WxtViteConfig['plugins']>,
    // `@clipdm/shared` modules only declare things: the zod schemas the extension does not use can go.
    build: {
      rollupOptions: {
        treeshake: { moduleSideEffects: (id: string) => !/[\\/]shared[\\/]src[\\/]/.test(id) },
      },
    },
  }),
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'alarms',
      'notifications',
      // `launchWebAuthFlow` for "Continue with the video site" and "Link Facebook".
      'identity',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: workerHostPermissions(),
    // Where a tab-based sign-in ends: the worker's redirect may open this page, and only the worker's.
    web_accessible_resources: [{ resources: ['site-return.html'], matches: workerHostPermissions() }],
    action: { default_title: '__MSG_actionTitle__' },
    content_security_policy: {
      extension_pages: extensionPagesCsp({
        apiBaseUrl: process.env.WXT_API_BASE_URL,
        devServer: command === 'serve',
      }),
    },
    // A stable id in Chromium; in Firefox a fixed add-on id, which keeps storage and, with the
    // `extensions.webextensions.uuids` pref, the `moz-extension://` origin for ALLOWED_ORIGINS.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'clipdm@clipdm.app' } } }
      : { key: MANIFEST_PUBLIC_KEY }),
  }),
});
