/**
 * The public half of the extension's signing key, as the manifest's `key`. Chromium derives the
 * extension's id from it, so every build — unpacked in development, in the end-to-end suite, or published —
 * has the same id and the same origin, `chrome-extension://${EXTENSION_ID}`, which is the one extension
 * origin the worker's CORS allows (`ALLOWED_ORIGINS` in wrangler.toml). The private half is not in the
 * repository (nothing here needs it). A fork makes its own pair: see "Deploy" in the README.
 */
export const MANIFEST_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApBumY7NGh6/IwSjCe/dtHwNNe4nzdiMNpZgx5Cmdf35OLOoNqhQGk3jiHIuK7CmuHbHtJonFqzTEwcPZfAQ207wiHkCPbQvc9twyHQaDacqLJwGIA1zx7dre/GQn9/spiT+YbSqM7QXNfy9Qj4KjByUg5302AkTMVxCq7Z/O0d+C2LjU9bCq/Je6ce9x+MAvCWNBqaWiAP41XJIjlv7tVlwTweajCJkmKqunfpHgG7HhwQ5VWdg4aN7Cu8Yh8m2UTUmj6B7zPJg+dKsYaVSZlv7XDp69x+/wnbAlibwse/02wV/Lr41nz2M8oHJTLj7Cl62DvVAyKqTNJyQkHjJgMQIDAQAB';

/** The id Chromium derives from `MANIFEST_PUBLIC_KEY`: the first 128 bits of its SHA-256, as letters a–p. */
export const EXTENSION_ID = 'hdjopaadfgnfifjlhcnhlmofjfbojmnc';
