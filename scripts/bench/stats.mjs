/** The q-quantile of `samples` (nearest rank). */
export function percentile(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The median of numbers. */
export const median = (values) => percentile(values, 0.5);
