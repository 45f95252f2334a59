/**
 * Resource quantities (`100m`, `0.5`, `128Mi`, `1e3`) as the API server parses them. Values are
 * returned as plain numbers in base units (cores for cpu, bytes for memory).
 */

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

/** QUANTITY_ERROR is the decode error the API server returns for a malformed quantity. */
export const QUANTITY_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** parseQuantity returns the value in base units, or undefined when the text is not a quantity. */
export function parseQuantity(text: string | number): number | undefined {
  if (typeof text === 'number') return text;
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const number = Number(m[1]);
  if (Number.isNaN(number)) return undefined;
  const suffix = m[2]!;
  if (suffix in SUFFIX) return number * SUFFIX[suffix]!;
  const exp = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
  if (exp) return number * 10 ** Number(exp[1]);
  return undefined;
}

/** milliCores converts a cpu quantity to integer millicores (0 when absent). */
export function milliCores(text: string | undefined): number {
  if (text === undefined) return 0;
  return Math.round((parseQuantity(text) ?? 0) * 1000);
}

/** bytes converts a memory quantity to bytes (0 when absent). */
export function bytes(text: string | undefined): number {
  if (text === undefined) return 0;
  return Math.round(parseQuantity(text) ?? 0);
}

/** formatMilliCores prints millicores as Kubernetes does: `2` for whole cores, else `250m`. */
export function formatMilliCores(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** formatBytes prints bytes with the largest binary suffix that divides them exactly. */
export function formatBytes(value: number): string {
  if (value === 0) return '0';
  for (const [suffix, factor] of [
    ['Gi', 1024 ** 3],
    ['Mi', 1024 ** 2],
    ['Ki', 1024],
  ] as const) {
    if (value % factor === 0) return `${value / factor}${suffix}`;
  }
  return String(value);
}
