/**
 * The road past one D1 (docs/scaling.md), as numbers: load against 1, 4 and 16 partitions, fed by the
 * bench's own figures (.output/bench/results.json, written by `npm run bench`).
 *
 * Model. Conversations are spread over partitions by a hash of their id; each partition is one D1 with
 * one writer, which spends `writeMs` (the D1 time a send measured, from the bill) per message. People
 * send messages at a total rate `rate`; which conversation a message lands in follows a Zipf law over
 * the conversations (a few busy groups, a long tail), so partitions are not equally loaded. A
 * partition's writer is a single server: utilisation ρ = its rate × writeMs, and the mean wait before a
 * write starts is M/D/1's ρ·writeMs / (2(1−ρ)). The capacity of P partitions is the total rate at which
 * the hottest one reaches ρ = 0.7. An inbox page reads the person's conversation list (one partition,
 * by person) and then the conversations of the page: one batch to each partition holding one of them.
 *
 * Run: `node scripts/bench/simulate-partitions.mjs [results.json]`.
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from './random.mjs';

const file = process.argv[2] ?? new URL('../../.output/bench/results.json', import.meta.url).pathname;
const results = JSON.parse(readFileSync(file, 'utf8'));
const send = results.rows.find((r) => r.name.startsWith('send: accepted direct'));
const group = results.rows.find((r) => r.name.startsWith('send: 32-member group'));
const inbox = results.rows.find((r) => r.name.startsWith('inbox page'));
// D1 time per send; 0.5 ms as a floor, since local SQLite without a network hop can report less.
const writeMs = Math.max(0.5, ((send?.bill?.ms ?? 0) + (group?.bill?.ms ?? 0)) / 2);
const CONVERSATIONS = 1_000_000;
const ZIPF = 0.9;
const PAGE = 30;
const rng = seededRandom(7);

/** Zipf weights of the conversations by rank, normalised (a closed form would do; this stays readable). */
const weights = Array.from({ length: CONVERSATIONS }, (_, k) => 1 / (k + 1) ** ZIPF);
const total = weights.reduce((a, b) => a + b, 0);
const partitionOf = (k, partitions) => {
  // A stable hash of the conversation's rank stands in for a hash of its id.
  let h = 2166136261 ^ k;
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return ((h ^ (h >>> 16)) >>> 0) % partitions;
};

function share(partitions) {
  const load = new Array(partitions).fill(0);
  for (let k = 0; k < CONVERSATIONS; k++) load[partitionOf(k, partitions)] += weights[k] / total;
  return load;
}

/** Expected partitions an inbox page touches: the page's 30 conversations drawn at random. */
function fanOut(partitions) {
  let sum = 0;
  const trials = 2000;
  for (let t = 0; t < trials; t++) {
    const touched = new Set();
    for (let i = 0; i < PAGE; i++) touched.add(Math.floor(rng.next() * partitions));
    sum += touched.size;
  }
  return sum / trials;
}

console.log(
  `D1 write time per send (from the bench bill): ${writeMs.toFixed(2)} ms; inbox page rows read: ${inbox?.bill?.rr ?? '?'}`,
);
console.log('partitions  hottest share  capacity msg/s (ρ=0.7)  wait at 50% of it  inbox batches');
for (const partitions of [1, 4, 16]) {
  const load = share(partitions);
  const hottest = Math.max(...load);
  const capacity = 0.7 / (hottest * (writeMs / 1000));
  const rho = (0.5 * capacity * hottest * writeMs) / 1000;
  const wait = (rho * writeMs) / (2 * (1 - rho));
  const batches = partitions === 1 ? 1 : 1 + fanOut(partitions);
  console.log(
    `${String(partitions).padEnd(12)}${`${(hottest * 100).toFixed(1)} %`.padEnd(15)}${capacity.toFixed(0).padEnd(24)}${`${wait.toFixed(2)} ms`.padEnd(19)}${batches.toFixed(1)}`,
  );
}
