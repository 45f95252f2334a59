/** DURATION_UNITS are time.ParseDuration's units, in milliseconds. */
const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * parseDuration reads Go's time.ParseDuration syntax (1h2m3.5s, 500ms, -1s, 0) into
 * milliseconds, as kubectl's duration flags and the CLI's `sleep` take it. Throws Go's error
 * text: `time: invalid duration "x"`, `time: missing unit in duration "5"`,
 * `time: unknown unit "x" in duration "5x"`.
 */
export function parseDuration(text: string): number {
  const invalid = () => new Error(`time: invalid duration ${JSON.stringify(text)}`);
  const sign = /^[+-]/.test(text) ? text[0]! : '';
  let rest = text.slice(sign.length);
  if (rest === '0') return 0;
  if (rest === '') throw invalid();
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(\.\d*)?/.exec(rest)![0];
    if (number === '' || number === '.') throw invalid();
    rest = rest.slice(number.length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') throw new Error(`time: missing unit in duration ${JSON.stringify(text)}`);
    const ms = DURATION_UNITS[unit];
    if (ms === undefined)
      throw new Error(
        `time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}`,
      );
    rest = rest.slice(unit.length);
    total += Number(number) * ms;
  }
  return sign === '-' ? -total : total;
}
