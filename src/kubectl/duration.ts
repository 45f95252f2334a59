import { KubectlError } from './errors';

/**
 * parseDuration reads Go's time.ParseDuration syntax (1h2m3.5s, 500ms, 0) into milliseconds, as
 * kubectl's duration flags and the CLI's `sleep` take it. Throws Go's error text.
 */
export function parseDuration(text: string): number {
  const units: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
  };
  if (text === '0') return 0;
  if (text === '') throw new Error('time: invalid duration ""');
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) throw new Error(`time: invalid duration "${text}"`);
    total += Number(m[1]) * units[m[2]!]!;
    pos = re.lastIndex;
  }
  return total;
}

/** durationFlag parses a duration flag, failing as kubectl does for a bad value. */
export function durationFlag(command: string, flag: string, text: string): number {
  try {
    return parseDuration(text);
  } catch (e) {
    throw new KubectlError(
      `Error: invalid argument "${text}" for "--${flag}" flag: ${(e as Error).message}\nSee 'kubectl ${command} --help' for usage.`,
      { cause: e },
    );
  }
}
