// Five-field cron expressions (minute hour day-of-month month day-of-week), evaluated in UTC, as
// Inngest accepts them in `cron` triggers: `*`, lists, ranges, steps, names are not supported.
// An optional `TZ=…` prefix is accepted and ignored (the local executor schedules in UTC).

interface CronFields {
  minute: Set<number>;
  hour: Set<number>;
  dayOfMonth: Set<number>;
  month: Set<number>;
  dayOfWeek: Set<number>;
  anyDayOfMonth: boolean;
  anyDayOfWeek: boolean;
}

function parseField(field: string, min: number, max: number): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`Bad cron step in "${field}"`);
    let lo = min;
    let hi = max;
    if (range !== "*") {
      const [a, b] = range.split("-");
      lo = Number(a);
      hi = b === undefined ? (stepText === undefined ? lo : max) : Number(b);
    }
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < min || hi > max || lo > hi) {
      throw new Error(`Bad cron field "${field}" (allowed ${min}-${max})`);
    }
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return values;
}

export function parseCron(expression: string): CronFields {
  const parts = expression
    .trim()
    .replace(/^(TZ|CRON_TZ)=\S+\s+/, "")
    .split(/\s+/);
  if (parts.length !== 5) throw new Error(`Cron needs 5 fields: "${expression}"`);
  const [minute, hour, dom, month, dow] = parts;
  const dayOfWeek = parseField(dow, 0, 7);
  if (dayOfWeek.has(7)) dayOfWeek.add(0);
  return {
    minute: parseField(minute, 0, 59),
    hour: parseField(hour, 0, 23),
    dayOfMonth: parseField(dom, 1, 31),
    month: parseField(month, 1, 12),
    dayOfWeek,
    anyDayOfMonth: dom === "*",
    anyDayOfWeek: dow === "*",
  };
}

function dayMatches(f: CronFields, d: Date): boolean {
  const dom = f.dayOfMonth.has(d.getUTCDate());
  const dow = f.dayOfWeek.has(d.getUTCDay());
  // Standard cron: when both day fields are restricted, either may match.
  if (!f.anyDayOfMonth && !f.anyDayOfWeek) return dom || dow;
  return dom && dow;
}

/** The first time strictly after `after` that the expression fires. */
export function nextCronTime(expression: string, after: Date): Date {
  const f = parseCron(expression);
  const d = new Date(after.getTime());
  d.setUTCSeconds(0, 0);
  d.setUTCMinutes(d.getUTCMinutes() + 1);
  const limit = after.getTime() + 5 * 366 * 86_400_000;
  while (d.getTime() < limit) {
    if (!f.month.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1);
      d.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(f, d)) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(0, 0, 0, 0);
    } else if (!f.hour.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
    } else if (!f.minute.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
    } else {
      return d;
    }
  }
  throw new Error(`Cron "${expression}" never fires`);
}
