/**
 * Cron schedules as the CronJob controller reads them (robfig/cron/v3 ParseStandard): five
 * fields (minute hour day-of-month month day-of-week) with `*`, `?`, `a-b`, `*\/n`, `a-b/n`,
 * lists, month and weekday names, and the @yearly/@monthly/@weekly/@daily/@hourly macros.
 * Times are UTC: the simulated controller manager runs in UTC.
 */

/** A Schedule holds, per field, the set of matching values; `star` marks dom/dow given as `*`/`?`. */
export interface Schedule {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domStar: boolean;
  dowStar: boolean;
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(MONTHS.map((m, i) => [m, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(DAYS.map((d, i) => [d, i])) },
];

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

class CronError extends Error {}

function parseValue(text: string, bounds: Bounds): number {
  const named = bounds.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text))
    throw new CronError(
      `failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`,
    );
  return Number(text);
}

/** parseRange is robfig's getRange for one comma-separated part; returns whether it was a star. */
function parseRange(part: string, bounds: Bounds, into: Set<number>): boolean {
  const [range = '', stepText, extra] = part.split('/');
  if (extra !== undefined) throw new CronError(`too many slashes: ${part}`);
  let start: number;
  let end: number;
  let star = false;
  if (range === '*' || range === '?') {
    start = bounds.min;
    end = bounds.max;
    star = true;
  } else {
    const [low = '', high, more] = range.split('-');
    if (more !== undefined) throw new CronError(`too many hyphens: ${range}`);
    start = parseValue(low, bounds);
    end = high === undefined ? start : parseValue(high, bounds);
  }
  let step = 1;
  if (stepText !== undefined) {
    step = parseValue(stepText, bounds);
    // `N/step` means N through the maximum.
    if (!range.includes('-') && !star) end = bounds.max;
    if (step > 1) star = false;
  }
  if (start < bounds.min)
    throw new CronError(`beginning of range (${start}) below minimum (${bounds.min}): ${part}`);
  if (end > bounds.max)
    throw new CronError(`end of range (${end}) above maximum (${bounds.max}): ${part}`);
  if (start > end)
    throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${part}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${part}`);
  for (let v = start; v <= end; v += step) into.add(v);
  return star;
}

function parseField(text: string, bounds: Bounds): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const part of text.split(',')) star = parseRange(part, bounds, values) || star;
  return { values, star };
}

/** parseSchedule parses a cron spec; it throws an Error worded as robfig/cron's on bad input. */
export function parseSchedule(spec: string): Schedule {
  let text = spec.trim();
  if (text.startsWith('@')) {
    const macro = MACROS[text];
    if (!macro) throw new CronError(`unrecognized descriptor: ${text}`);
    text = macro;
  }
  const fields = text.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5)
    throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const [minute, hour, dom, month, dow] = fields.map((f, i) => parseField(f, FIELDS[i]!));
  // Sunday may also be written 7.
  if (dow!.values.delete(7)) dow!.values.add(0);
  return {
    minute: minute!.values,
    hour: hour!.values,
    dom: dom!.values,
    month: month!.values,
    dow: dow!.values,
    domStar: dom!.star,
    dowStar: dow!.star,
  };
}

/** scheduleError is the validation message for a bad spec, or undefined when it parses. */
export function scheduleError(spec: string): string | undefined {
  try {
    parseSchedule(spec);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function dayMatches(s: Schedule, d: Date): boolean {
  const dom = s.dom.has(d.getUTCDate());
  const dow = s.dow.has(d.getUTCDay());
  // robfig: if either day field is a star, both must match; otherwise either may.
  return s.domStar || s.dowStar ? dom && dow : dom || dow;
}

const MINUTE = 60_000;
/** How far ahead to look before giving up (robfig stops after five years). */
const HORIZON_MS = 5 * 366 * 24 * 3600 * 1000;

/** nextAfter is the first schedule time strictly after t (ms), or undefined within five years. */
export function nextAfter(s: Schedule, t: number): number | undefined {
  let time = Math.floor(t / MINUTE) * MINUTE + MINUTE;
  const limit = t + HORIZON_MS;
  while (time <= limit) {
    const d = new Date(time);
    if (!s.month.has(d.getUTCMonth() + 1)) {
      time = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    } else if (!dayMatches(s, d)) {
      time = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
    } else if (!s.hour.has(d.getUTCHours())) {
      time = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
    } else if (!s.minute.has(d.getUTCMinutes())) {
      time += MINUTE;
    } else {
      return time;
    }
  }
  return undefined;
}
