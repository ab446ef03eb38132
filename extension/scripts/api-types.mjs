// Generates extension/src/api/schema.gen.d.ts — the types the extension's API client is checked against —
// from the worker's own contract, shared/openapi.json, with openapi-typescript, formatted by Biome so the
// lint passes on it. With `--check` nothing is written: the command fails when the committed file is not
// what the contract generates now, so `npm run typecheck` catches a stale client.
//   node extension/scripts/api-types.mjs [--check] [--from path/to/openapi.json]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const fromIndex = args.indexOf('--from');
const source = resolve(root, fromIndex >= 0 ? String(args[fromIndex + 1]) : 'shared/openapi.json');
const target = resolve(root, 'extension/src/api/schema.gen.d.ts');
const shown = (path) => relative(root, path);

if (!existsSync(source)) {
  console.error(`api:types: ${shown(source)} not found (the worker writes it; see worker/README.md)`);
  process.exit(1);
}

const header = `// Generated from ${shown(source)} by \`npm run api:types\` (openapi-typescript). Do not edit by hand.\n\n`;
const ast = await openapiTS(pathToFileURL(source));
const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
const generated = execFileSync(process.execPath, [biome, 'format', `--stdin-file-path=${target}`], {
  cwd: root,
  input: header + astToString(ast),
  encoding: 'utf8',
});

if (check) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== generated) {
    console.error(`api:types: ${shown(target)} is stale against ${shown(source)}; run npm run api:types`);
    process.exit(1);
  }
  console.log(`api:types: ${shown(target)} matches ${shown(source)}`);
} else {
  writeFileSync(target, generated);
  console.log(`api:types: wrote ${shown(target)} from ${shown(source)}`);
}
