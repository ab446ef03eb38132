import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, posix, win32 } from 'node:path';

/*
 * Finds the Chromium the end-to-end suite drives, and on a fresh Debian or Ubuntu machine run as root
 * installs Debian's `chromium`. Playwright's own browser download is not used: the suite runs the
 * system's browser (`executablePath`), so `npm install && npm test` needs no download step.
 * Node runs this file as is (type stripping): `scripts/e2e.mjs` calls it before Playwright starts.
 */

/** What the search looks at, injected so a test can check the order without touching the disk. */
export interface SearchHost {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
}

export type SearchResult =
  | { kind: 'found'; path: string }
  | { kind: 'bad-override'; path: string }
  | { kind: 'none' };

/** Program names a browser goes by on PATH (package managers such as Homebrew or Nix put them there). */
const PATH_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'microsoft-edge',
];

/** The usual install places, in the order the suite prefers them: Debian's Chromium, Chrome, Chromium, Edge. */
export function usualPlaces({ env, platform }: Omit<SearchHost, 'exists'>): string[] {
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(
      (root): root is string => Boolean(root),
    );
    return [
      ...roots.map((root) => win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((root) => win32.join(root, 'Chromium', 'Application', 'chrome.exe')),
      ...roots.map((root) => win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
    ];
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    const inApps = (bundle: string, binary: string) =>
      apps.map((dir) => posix.join(dir, `${bundle}.app`, 'Contents', 'MacOS', binary));
    return [
      ...inApps('Google Chrome', 'Google Chrome'),
      ...inApps('Chromium', 'Chromium'),
      ...inApps('Microsoft Edge', 'Microsoft Edge'),
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
  ];
}

/** The browser on PATH, if any, by the names above. */
function onPath({ env, platform, exists }: SearchHost): string | undefined {
  if (platform === 'win32' || !env.PATH) return undefined;
  for (const name of PATH_NAMES) {
    for (const dir of env.PATH.split(delimiter).filter(Boolean)) {
      const candidate = posix.join(dir, name);
      if (exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * `CHROMIUM_PATH` first (and only: a path that was asked for and is missing is an error, not a reason to
 * quietly test another browser), then the usual places, then PATH.
 */
export function searchChromium(host: SearchHost): SearchResult {
  const override = host.env.CHROMIUM_PATH;
  if (override)
    return host.exists(override)
      ? { kind: 'found', path: override }
      : { kind: 'bad-override', path: override };
  const path = usualPlaces(host).find((candidate) => host.exists(candidate)) ?? onPath(host);
  return path ? { kind: 'found', path } : { kind: 'none' };
}

/** Stops the suite with one line the user can act on (the caller prints `message`, no stack). */
export class ChromiumMissing extends Error {}

const INSTALL_HINT =
  'No Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: Google Chrome or ' +
  '`brew install --cask chromium`; Windows: Google Chrome or Edge), or set CHROMIUM_PATH to its binary.';

/** Debian, Ubuntu and their derivatives, where `apt-get install chromium` is the way in. */
function isDebianLike(): boolean {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return false;
  }
}

function aptGet(args: string[]): void {
  const result = spawnSync('apt-get', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-5).join(' | ');
    throw new ChromiumMissing(`apt-get ${args.join(' ')} failed (${result.error?.message ?? output})`);
  }
}

/**
 * The Chromium to launch: found, or installed with apt-get where that is allowed (root on Debian/Ubuntu).
 * Throws `ChromiumMissing` with a one-line message otherwise. `say` reports the install.
 */
export function ensureChromium(
  say: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): string {
  const host: SearchHost = { env: process.env, platform: process.platform, exists: existsSync };
  const first = searchChromium(host);
  if (first.kind === 'found') return first.path;
  if (first.kind === 'bad-override')
    throw new ChromiumMissing(
      `CHROMIUM_PATH is ${first.path}, which does not exist: point it at a Chromium, Chrome or Edge binary, or unset it.`,
    );
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !isDebianLike())
    throw new ChromiumMissing(INSTALL_HINT);

  say("[e2e] No Chromium found: installing Debian's chromium with apt-get (root on Debian/Ubuntu)…");
  aptGet(['update', '-qq']);
  aptGet(['install', '-y', '-qq', 'chromium']);
  const second = searchChromium(host);
  if (second.kind === 'found') return second.path;
  throw new ChromiumMissing(
    `apt-get installed chromium, but no browser is in the usual places. ${INSTALL_HINT}`,
  );
}

/**
 * The command line of a headless Chromium with the unpacked extension in `extensionDir` and nothing else
 * loaded, quiet (no background networking, updates or sync): the suite's people, the screenshots and the
 * bench's panel timing all launch it this way.
 */
export function extensionArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}
