/**
 * formatDate is `date` as busybox and coreutils print it in a container (UTC, C locale):
 * `Mon Jan  5 09:00:00 UTC 2026` by default, or a `+FORMAT` of strftime conversions.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** DEFAULT_FORMAT is both busybox's and coreutils' format without +FORMAT. */
const DEFAULT_FORMAT = '%a %b %e %H:%M:%S %Z %Y';

export function formatDate(ms: number, format = DEFAULT_FORMAT): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const conversions: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()]!,
    A: () => FULL_DAYS[d.getUTCDay()]!,
    b: () => MONTHS[d.getUTCMonth()]!,
    h: () => MONTHS[d.getUTCMonth()]!,
    B: () => FULL_MONTHS[d.getUTCMonth()]!,
    d: () => two(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2, ' '),
    m: () => two(d.getUTCMonth() + 1),
    Y: () => String(d.getUTCFullYear()),
    y: () => two(d.getUTCFullYear() % 100),
    H: () => two(d.getUTCHours()),
    M: () => two(d.getUTCMinutes()),
    S: () => two(d.getUTCSeconds()),
    Z: () => 'UTC',
    z: () => '+0000',
    s: () => String(Math.floor(ms / 1000)),
    T: () => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`,
    F: () => `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`,
    D: () => `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${two(d.getUTCFullYear() % 100)}`,
    '%': () => '%',
    n: () => '\n',
    t: () => '\t',
  };
  return format.replace(/%(.)/g, (all, c: string) => conversions[c]?.() ?? all);
}
