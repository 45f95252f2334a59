/**
 * toYaml prints JSON data as kubectl -o yaml does (sigs.k8s.io/yaml over go-yaml v2): map keys
 * sorted, 2-space indent, sequences not indented under their key, strings that would read back
 * as another type ("3600", "y", timestamps) double-quoted, strings plain YAML cannot hold
 * single-quoted, multi-line strings as literal blocks.
 */
export function toYaml(value: unknown): string {
  return emit(value, 0).join('\n') + '\n';
}

const BOOL_OR_NULL = new Set(
  'y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL ~'.split(
    ' ',
  ),
);

function resolvesToNonString(s: string): boolean {
  if (s === '' || BOOL_OR_NULL.has(s) || s === '<<') return true;
  if (/^[-+]?(0|[1-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?0[0-7_]+$/.test(s) || /^[-+]?0x[0-9a-fA-F_]+$/.test(s) || /^[-+]?0b[01_]+$/.test(s))
    return true;
  // go-yaml's yamlStyleFloat: an IP such as 10.244.1.2 is not a float and stays plain.
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(\.[0-9_]*)?[eE][-+]?[0-9]+$/.test(s)) return true;
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s)) return true;
  if (
    /^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d*)?(Z|[-+]\d{1,2}(:\d{2})?)?)?$/.test(
      s,
    )
  )
    return true;
  return false;
}

function plainAllowed(s: string): boolean {
  if (/^[\s]|[\s]$/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) {
    if (!/^[-?:][^\s]/.test(s)) return false;
  }
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s)) return false;
  return true;
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const s = String(value);
  if (resolvesToNonString(s)) return JSON.stringify(s);
  if (!plainAllowed(s)) return `'${s.replace(/'/g, "''")}'`;
  return s;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** emit returns the lines for a value placed at indent (maps and lists only; scalars inline). */
function emit(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (isMap(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    if (keys.length === 0) return [`${pad}{}`];
    const lines: string[] = [];
    for (const key of keys) lines.push(...entry(`${pad}${scalarKey(key)}:`, value[key], indent));
    return lines;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    const lines: string[] = [];
    for (const item of value) {
      if (
        (isMap(item) && Object.keys(item).length > 0) ||
        (Array.isArray(item) && item.length > 0)
      ) {
        const inner = emit(item, indent + 2);
        lines.push(`${pad}- ${inner[0]!.slice(indent + 2)}`, ...inner.slice(1));
      } else {
        lines.push(...entry(`${pad}-`, item, indent));
      }
    }
    return lines;
  }
  return [`${pad}${scalar(value)}`];
}

function scalarKey(key: string): string {
  return scalar(key);
}

/** entry prints `prefix value` for a map key or list dash, nesting collections below it. */
function entry(prefix: string, value: unknown, indent: number): string[] {
  if (isMap(value)) {
    if (Object.keys(value).length === 0) return [`${prefix} {}`];
    return [prefix, ...emit(value, indent + 2)];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${prefix} []`];
    // go-yaml puts a sequence under a map key at the key's own indent
    return [prefix, ...emit(value, prefix.trimStart().startsWith('-') ? indent + 2 : indent)];
  }
  if (typeof value === 'string' && value.includes('\n')) {
    const body = value.endsWith('\n') ? value.slice(0, -1) : value;
    const chomp = value.endsWith('\n') ? '' : '-';
    const pad = ' '.repeat(indent + 2);
    return [`${prefix} |${chomp}`, ...body.split('\n').map((l) => (l === '' ? '' : pad + l))];
  }
  return [`${prefix} ${scalar(value)}`];
}

/** toJson prints as kubectl -o json: 4-space indent, sorted keys, Go's HTML escaping. */
export function toJson(value: unknown): string {
  return (
    JSON.stringify(sortKeys(value), null, 4)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026') + '\n'
  );
}

/**
 * toTypedJson prints a typed object as kubectl does when it holds the Go struct (generators,
 * create responses): keys stay in the order given (see inGoFieldOrder), nulls are kept.
 */
export function toTypedJson(value: unknown): string {
  return (
    JSON.stringify(value, null, 4)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026') + '\n'
  );
}

/** sortKeys copies JSON data with every map's keys sorted, as Go marshals map[string]interface{}. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isMap(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      if (value[key] !== undefined) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}
