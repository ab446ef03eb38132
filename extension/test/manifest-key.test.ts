import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import wrangler from '../../wrangler.toml?raw';
import { EXTENSION_ID, MANIFEST_PUBLIC_KEY } from '../manifest-key.ts';

/** The extension's id is what Chromium derives from the manifest key, and the worker allows exactly it. */
describe('the manifest key', () => {
  it("gives the extension the id the worker's CORS lists", () => {
    const digest = createHash('sha256').update(Buffer.from(MANIFEST_PUBLIC_KEY, 'base64')).digest('hex');
    const derived = [...digest.slice(0, 32)]
      .map((h) => String.fromCharCode(97 + Number.parseInt(h, 16)))
      .join('');
    expect(derived).toBe(EXTENSION_ID);
    const allowed = /^ALLOWED_ORIGINS = "([^"]*)"/m.exec(wrangler)?.[1]?.split(',') ?? [];
    expect(allowed).toContain(`chrome-extension://${EXTENSION_ID}`);
    expect(allowed.filter((o) => o.includes('*'))).toEqual([]);
  });
});
