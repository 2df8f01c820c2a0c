// Summaries of timings, as the preview benchmarks print them: nearest-rank percentiles, one decimal.

export const round = (n: number) => Math.round(n * 10) / 10;

/** The nearest-rank `p`th percentile of `sorted` (ascending). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    min: round(s[0]),
    max: round(s[s.length - 1]),
  };
}
