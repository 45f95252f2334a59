/**
 * A small pflag: each command declares its flags; `--name=value`, `--name value`, `-n value`,
 * `-nvalue`, `-oyaml` and bool flags (`--all`, `--wait=false`) parse as kubectl's cobra does.
 * Everything after `--` is kept apart (the container command of `kubectl run`).
 */

export interface FlagSpec {
  name: string;
  short?: string;
  type: 'bool' | 'string' | 'strings';
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

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  // Impersonation: requests are sent as this user (and groups) instead of the kubeconfig's.
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'strings' },
];

export function parseFlags(words: string[], specs: FlagSpec[]): ParsedFlags {
  const all = [...GLOBAL_FLAGS, ...specs];
  const values = new Map<string, string | boolean | string[]>();
  const args: string[] = [];
  let dashArgs: string[] | undefined;
  const set = (spec: FlagSpec, value: string | boolean) => {
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
        const raw = eq < 0 ? 'true' : word.slice(eq + 1);
        if (raw !== 'true' && raw !== 'false') {
          throw new FlagError(
            `invalid argument "${raw}" for "--${name}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
          );
        }
        set(spec, raw === 'true');
      } else if (eq >= 0) {
        set(spec, word.slice(eq + 1));
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
