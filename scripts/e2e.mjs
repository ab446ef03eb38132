// `npm run test:e2e`: the end-to-end suite lives with the extension (extension/e2e/run.ts, TypeScript that
// Node 24 runs as is). This entry keeps the root script name stable.
await import('../extension/e2e/run.ts');
