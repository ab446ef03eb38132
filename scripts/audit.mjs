// `npm audit --omit=dev` for CI: fails on a high or critical advisory in what ships. Where the registry's
// advisory endpoint cannot be reached (some mirrors and proxies answer 405 to its POST), it says so in one
// line and passes: no answer is not an advisory, and CI must not fail on a network it does not control.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`[audit] npm audit gave no report:\n${run.stderr}`);
  process.exit(1);
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const why = report.statusCode ? `HTTP ${report.statusCode}` : (report.message ?? 'no answer');
  console.log(`[audit] the advisory endpoint could not be asked (${why}); no advisories checked`);
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`[audit] production dependencies: ${JSON.stringify(counts)}`);
if (serious > 0) {
  console.error(`[audit] ${serious} high or critical advisories: npm audit --omit=dev shows them`);
  process.exit(1);
}
