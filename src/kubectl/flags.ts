/**
 * A small pflag: each command declares its flags; `--name=value`, `--name value`, `-n value`,
 * `-nvalue`, `-oyaml` and bool flags (`--all`, `--wait=false`) parse as kubectl's cobra does.
 * Everything after `--` is kept apart (the container command of `kubectl run`). Int and duration
 * flags are checked as they parse, as pflag's strconv.ParseInt and time.ParseDuration do; ints
 * are kept as decimal text, durations as written.
 */

import { parseDuration } from './duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: 'bool' | 'string' | 'strings' | 'int' | 'duration';
  /** an int flag's size: pflag's Int32 flags reject what does not fit (default 64) */
  bits?: 32 | 64;
  /** pflag's NoOptDefVal: the value of a bare `--flag`, which then takes no next word */
  noOptDefault?: string;
  default?: string | boolean;
}

export interface ParsedFlags {
  values: Map<string, string | boolean | string[]>;
  args: string[];
  /** words after `--` */
  dashArgs?: string[];
}

/** FlagError is a cobra flag error; kubectl prints it as `Error: ...` plus a usage hint. */
export class FlagError extends Error {}

/**
 * DRY_RUN_FLAG is --dry-run. Written bare it means "unchanged" (and takes no next word), which
 * kubectl still takes as client after a deprecation warning (dryRunMode logs it).
 */
export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  noOptDefault: 'unchanged',
};

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  // Impersonation: requests are sent as this user (and groups) instead of the kubeconfig's.
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'strings' },
];

/** flagDisplayName is how pflag names a flag in its errors: `-r, --replicas` or `--replicas`. */
function flagDisplayName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function invalidArgument(spec: FlagSpec, raw: string, reason: string): FlagError {
  return new FlagError(`invalid argument "${raw}" for "${flagDisplayName(spec)}" flag: ${reason}`);
}

/**
 * parseGoInt is strconv.ParseInt(text, 0, bits) as pflag calls it: an optional sign, then
 * decimal, 0x hex, 0o or leading-0 octal, or 0b binary digits, underscores allowed between them.
 */
export function parseGoInt(text: string, bits: 32 | 64 = 64): bigint {
  const sign = /^[+-]/.test(text) ? text[0]! : '';
  const body = text.slice(sign.length);
  const prefix = /^0[xXbBoO]/.exec(body)?.[0] ?? (body.length > 1 && body[0] === '0' ? '0' : '');
  const base =
    prefix === '' ? 10 : prefix === '0' ? 8 : { x: 16, b: 2, o: 8 }[prefix[1]!.toLowerCase()]!;
  const digits = body.slice(prefix.length);
  const underscoresOk =
    !digits.includes('__') && !digits.endsWith('_') && (prefix !== '' || !digits.startsWith('_'));
  const clean = [...digits.replace(/_/g, '')];
  if (clean.length === 0 || !underscoresOk || clean.some((c) => Number.isNaN(parseInt(c, base))))
    throw new Error(`strconv.ParseInt: parsing "${text}": invalid syntax`);
  const magnitude = clean.reduce((n, c) => n * BigInt(base) + BigInt(parseInt(c, base)), 0n);
  const value = sign === '-' ? -magnitude : magnitude;
  const limit = 1n << BigInt(bits - 1);
  if (value >= limit || value < -limit)
    throw new Error(`strconv.ParseInt: parsing "${text}": value out of range`);
  return value;
}

export function parseFlags(words: string[], specs: FlagSpec[]): ParsedFlags {
  const all = [...GLOBAL_FLAGS, ...specs];
  const values = new Map<string, string | boolean | string[]>();
  const args: string[] = [];
  let dashArgs: string[] | undefined;
  const set = (spec: FlagSpec, value: string | boolean) => {
    try {
      if (spec.type === 'int') value = String(parseGoInt(String(value), spec.bits));
      if (spec.type === 'duration') parseDuration(String(value));
    } catch (error) {
      throw invalidArgument(spec, String(value), (error as Error).message);
    }
    if (spec.type === 'strings') {
      const prev = (values.get(spec.name) as string[] | undefined) ?? [];
      values.set(spec.name, [...prev, String(value)]);
    } else {
      values.set(spec.name, value);
    }
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') {
      dashArgs = words.slice(i + 1);
      break;
    }
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      const spec = all.find((s) => s.name === name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (spec.type === 'bool') {
        set(spec, parseBool(spec, eq < 0 ? 'true' : word.slice(eq + 1)));
      } else if (eq >= 0) {
        set(spec, word.slice(eq + 1));
      } else if (spec.noOptDefault !== undefined) {
        set(spec, spec.noOptDefault);
      } else {
        if (i + 1 >= words.length) throw new FlagError(`flag needs an argument: --${name}`);
        set(spec, words[++i]!);
      }
    } else if (word.startsWith('-') && word.length > 1) {
      for (let j = 1; j < word.length; j++) {
        const short = word[j]!;
        const spec = all.find((s) => s.short === short);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${short}' in ${word}`);
        if (spec.type === 'bool') {
          // `-w=false` gives a bool shorthand its value; `-wA` sets both.
          if (word[j + 1] === '=') {
            set(spec, parseBool(spec, word.slice(j + 2)));
            break;
          }
          set(spec, true);
          continue;
        }
        let rest = word.slice(j + 1);
        if (rest.startsWith('=')) rest = rest.slice(1);
        if (rest === '') {
          if (i + 1 >= words.length)
            throw new FlagError(`flag needs an argument: '${short}' in -${short}`);
          rest = words[++i]!;
        }
        set(spec, rest);
        break;
      }
    } else {
      args.push(word);
    }
  }
  return { values, args, dashArgs };
}

/**
 * positionalArgs is words without flags and their values, as cobra's stripFlags finds the
 * subcommand path before parsing: `create -n team deployment web` is `create deployment web`.
 */
export function positionalArgs(words: readonly string[], specs: readonly FlagSpec[]): string[] {
  const all = [...GLOBAL_FLAGS, ...specs];
  const takesValue = (spec: FlagSpec | undefined) =>
    spec !== undefined && spec.type !== 'bool' && spec.noOptDefault === undefined;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') break;
    if (word.startsWith('--')) {
      if (!word.includes('=') && takesValue(all.find((s) => `--${s.name}` === word))) i++;
    } else if (word.startsWith('-') && word.length > 1) {
      if (word.length === 2 && takesValue(all.find((s) => s.short === word[1]))) i++;
    } else {
      out.push(word);
    }
  }
  return out;
}

/** parseBool is strconv.ParseBool, which pflag's bool flags use. */
function parseBool(spec: FlagSpec, raw: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  throw invalidArgument(spec, raw, `strconv.ParseBool: parsing "${raw}": invalid syntax`);
}

/** Flags reads parsed values with defaults. */
export class Flags {
  constructor(private readonly parsed: ParsedFlags) {}
  get args(): string[] {
    return this.parsed.args;
  }
  get dashArgs(): string[] | undefined {
    return this.parsed.dashArgs;
  }
  has(name: string): boolean {
    return this.parsed.values.has(name);
  }
  string(name: string, fallback = ''): string {
    const v = this.parsed.values.get(name);
    return typeof v === 'string' ? v : fallback;
  }
  bool(name: string, fallback = false): boolean {
    const v = this.parsed.values.get(name);
    return typeof v === 'boolean' ? v : fallback;
  }
  strings(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
}
