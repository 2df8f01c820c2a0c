// Inngest time strings ("300ms", "2h45m", "1.5s") and ISO dates, as used by Sleep and WaitForEvent.
const unitMs: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds in a time string, or undefined when it is not one. */
export function parseTimeString(value: string): number | undefined {
  const pattern = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (const match of value.matchAll(pattern)) {
    total += Number(match[1]) * unitMs[match[2]];
    consumed += match[0].length;
  }
  return consumed === value.length && consumed > 0 ? total : undefined;
}

/** When a Sleep with this `duration` (time string or ISO date) ends. */
export function wakeTime(duration: string, now = Date.now()): Date {
  const ms = parseTimeString(duration);
  if (ms !== undefined) return new Date(now + ms);
  const at = Date.parse(duration);
  if (Number.isNaN(at)) throw new Error(`Not a duration or date: ${JSON.stringify(duration)}`);
  return new Date(at);
}
