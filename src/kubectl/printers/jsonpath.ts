/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): literal text with `{...}`
 * actions — field paths (`.items[*].metadata.name`, `['key']`, `[0]`, `[1:3]`, `..name`,
 * `[?(@.status=="True")]`, unions `[0,1]`), string literals (`{"\n"}`), and `{range}`...`{end}`.
 * Several results of one action print separated by spaces; maps and lists print as JSON.
 */
import { KubectlError } from '../errors';
import { sortKeys } from './yaml';

/** JsonPathError is a template that does not parse; kubectl prints it after `error: `. */
export class JsonPathError extends Error {}

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'index'; start?: number; end?: number; step?: number; single: boolean }
  | { kind: 'union'; keys: (string | number)[] }
  | { kind: 'filter'; left: Step[]; op?: string; right?: Step[] | { literal: unknown } };

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'path'; steps: Step[] }
  | { kind: 'range'; steps: Step[]; body: Node[] }
  /** an {end} outside any range: it parses, and fails when executed */
  | { kind: 'stray-end' };

/** unquote reads a Go-quoted string literal body: \n, \t, \", \\ and friends. */
function unquote(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c,
  );
}

/** FIELD_TERMINATOR is client-go's isTerminator: what ends a field name unless escaped. */
const FIELD_TERMINATOR = /[ \t\r\n.,[\]$@{}]/;

/** goRune is Go's %#U of a character: U+005D ']'. */
const goRune = (c: string) =>
  `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;

class PathParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): Step[] {
    const steps = this.steps();
    if (this.pos < this.text.length)
      throw new JsonPathError(`unrecognized character in action: ${goRune(this.text[this.pos]!)}`);
    return steps;
  }

  private steps(stopAtOperator = false): Step[] {
    const steps: Step[] = [];
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (stopAtOperator && /[\s=!<>)]/.test(c)) break;
      if (c === '$' || c === '@') {
        this.pos++;
      } else if (t.startsWith('..', this.pos)) {
        this.pos += 2;
        steps.push({ kind: 'recursive' });
        this.name(steps, stopAtOperator);
      } else if (c === '.') {
        this.pos++;
        this.name(steps, stopAtOperator);
      } else if (c === '[') {
        steps.push(...this.bracket());
      } else if (!stopAtOperator && /[A-Za-z_]/.test(c)) {
        this.name(steps, stopAtOperator);
      } else {
        break;
      }
    }
    return steps;
  }

  /**
   * name reads a field as client-go's parseField does: up to a terminator that is not escaped
   * with a backslash, then drops the backslashes, so `.metadata.labels.app\.kubernetes\.io/name`
   * names the key `app.kubernetes.io/name`.
   */
  private name(steps: Step[], inFilter: boolean): void {
    const t = this.text;
    let end = this.pos;
    while (end < t.length) {
      const c = t[end]!;
      if (c === '\\') end += 2;
      else if (FIELD_TERMINATOR.test(c) || (inFilter && /[=!<>~)]/.test(c))) break;
      else end++;
    }
    end = Math.min(end, t.length);
    const raw = t.slice(this.pos, end);
    this.pos = end;
    if (raw === '') return;
    steps.push(
      raw === '*' ? { kind: 'wildcard' } : { kind: 'field', name: raw.replace(/\\/g, '') },
    );
  }

  private bracket(): Step[] {
    const close = this.matching(this.pos);
    const inner = this.text.slice(this.pos + 1, close).trim();
    this.pos = close + 1;
    if (inner === '*') return [{ kind: 'wildcard' }];
    if (inner.startsWith('?(') && inner.endsWith(')')) return [this.filter(inner.slice(2, -1))];
    if (/^-?\d*(:-?\d*){1,2}$/.test(inner)) {
      const [start, end, step] = inner.split(':').map((s) => (s === '' ? undefined : Number(s)));
      return [{ kind: 'index', start, end, step, single: false }];
    }
    if (/^-?\d+$/.test(inner)) return [{ kind: 'index', start: Number(inner), single: true }];
    // client-go reads ['key'] as .key, so a dot in it separates fields unless escaped.
    const dictKey = /^'([^']*)'$/.exec(inner);
    if (dictKey) return new PathParser(`.${dictKey[1]!}`).parse();
    const keys = inner.split(',').map((part) => {
      const p = part.trim();
      if (/^-?\d+$/.test(p)) return Number(p);
      if (/^'.*'$|^".*"$/.test(p)) return p.slice(1, -1);
      throw new JsonPathError(`invalid array index ${p}`);
    });
    return [{ kind: 'union', keys }];
  }

  private filter(expr: string): Step {
    const sub = new PathParser(expr.trim());
    const left = sub.steps(true);
    const rest = expr.trim().slice(sub.pos).trim();
    if (rest === '') return { kind: 'filter', left };
    const op = /^(==|!=|<=|>=|<|>)/.exec(rest)?.[1];
    if (!op) throw new JsonPathError(`unrecognized filter operator in ${expr}`);
    const operand = rest.slice(op.length).trim();
    let right: Step[] | { literal: unknown };
    if (/^'.*'$|^".*"$/.test(operand)) right = { literal: operand.slice(1, -1) };
    else if (/^-?\d+(\.\d+)?$/.test(operand)) right = { literal: Number(operand) };
    else if (operand === 'true' || operand === 'false') right = { literal: operand === 'true' };
    else right = new PathParser(operand).parse();
    return { kind: 'filter', left, op, right };
  }

  private matching(open: number): number {
    let depth = 0;
    let quote = '';
    for (let i = open; i < this.text.length; i++) {
      const c = this.text[i]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return i;
    }
    throw new JsonPathError('unclosed array expect ]');
  }
}

/** parseTemplate splits a template into text, actions and range blocks. */
export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: { body: Node[] }[] = [{ body: root }];
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('{', pos);
    if (open < 0) {
      stack.at(-1)!.body.push({ kind: 'text', text: template.slice(pos) });
      break;
    }
    if (open > pos) stack.at(-1)!.body.push({ kind: 'text', text: template.slice(pos, open) });
    const close = findClose(template, open);
    const action = template.slice(open + 1, close).trim();
    pos = close + 1;
    if (action.startsWith('"')) {
      stack.at(-1)!.body.push({ kind: 'text', text: unquote(action.slice(1, -1)) });
    } else if (action.startsWith('range')) {
      const node: Node = {
        kind: 'range',
        steps: new PathParser(action.slice('range'.length).trim()).parse(),
        body: [],
      };
      stack.at(-1)!.body.push(node);
      stack.push(node);
    } else if (action === 'end') {
      if (stack.length === 1) root.push({ kind: 'stray-end' });
      else stack.pop();
    } else {
      stack.at(-1)!.body.push({ kind: 'path', steps: new PathParser(action).parse() });
    }
  }
  if (stack.length > 1) throw new JsonPathError('unclosed action');
  return root;
}

function findClose(template: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < template.length; i++) {
    const c = template[i]!;
    // A backslash escapes the next character, in a string or in a field name (`a\.b`).
    if (c === '\\') i++;
    else if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  throw new JsonPathError('unclosed action');
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    default: {
      if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
      const [x, y] = [a as number | string, b as number | string];
      return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
    }
  }
}

/** evaluate applies path steps to each value; a missing key yields nothing (allowMissingKeys). */
export function evaluate(values: unknown[], steps: Step[]): unknown[] {
  let current = values;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      switch (step.kind) {
        case 'field':
          if (isObject(value) && step.name in value) next.push(value[step.name]);
          break;
        case 'wildcard':
          if (Array.isArray(value)) next.push(...value);
          else if (isObject(value))
            next.push(
              ...Object.keys(value)
                .sort()
                .map((k) => value[k]),
            );
          break;
        case 'recursive':
          next.push(...descendants(value));
          break;
        case 'index': {
          if (!Array.isArray(value)) break;
          const n = value.length;
          const at = (i: number | undefined, fallback: number) =>
            i === undefined ? fallback : i < 0 ? Math.max(n + i, 0) : Math.min(i, n);
          if (step.single) {
            // Missing keys are allowed, but an index past the end is an error even so.
            const i = step.start! < 0 ? n + step.start! : step.start!;
            if (i < 0 || i >= n)
              throw new JsonPathError(
                `array index out of bounds: index ${step.start}, length ${n}`,
              );
            next.push(value[i]);
          } else {
            const by = step.step ?? 1;
            for (let i = at(step.start, 0); i < at(step.end, n); i += by) next.push(value[i]);
          }
          break;
        }
        case 'union':
          for (const key of step.keys) {
            if (typeof key === 'number' && Array.isArray(value)) next.push(value.at(key));
            else if (typeof key === 'string' && isObject(value) && key in value)
              next.push(value[key]);
          }
          break;
        case 'filter': {
          const items = Array.isArray(value) ? value : [];
          for (const item of items) {
            const left = evaluate([item], step.left);
            if (step.op === undefined) {
              if (left.length > 0) next.push(item);
              continue;
            }
            const right =
              step.right && 'literal' in step.right
                ? [step.right.literal]
                : evaluate([item], step.right as Step[]);
            if (left.length > 0 && right.length > 0 && compare(left[0], step.op, right[0]))
              next.push(item);
          }
          break;
        }
      }
    }
    current = next;
  }
  return current;
}

/** descendants lists a value and everything under it, depth first, map keys sorted. */
function descendants(value: unknown): unknown[] {
  const out: unknown[] = [value];
  if (Array.isArray(value)) for (const v of value) out.push(...descendants(v));
  else if (isObject(value))
    for (const key of Object.keys(value).sort()) out.push(...descendants(value[key]));
  return out;
}

/** formatValue prints one result: maps and lists as compact JSON, the rest as Go's fmt.Print. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'object') return JSON.stringify(sortKeys(value));
  return String(value);
}

function execute(nodes: Node[], data: unknown, out: string[]): void {
  for (const node of nodes) {
    if (node.kind === 'text') out.push(node.text);
    else if (node.kind === 'stray-end') throw new JsonPathError('not in range, nothing to end');
    else if (node.kind === 'path')
      out.push(evaluate([data], node.steps).map(formatValue).join(' '));
    else for (const item of evaluate([data], node.steps)) execute(node.body, item, out);
  }
}

/** goSyntax is Go's %#v of decoded JSON: map[string]interface {}{"a":1, "b":interface {}(nil)}. */
function goSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  if (isObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goSyntax(value[k])}`);
    return `map[string]interface {}{${entries.join(', ')}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * runJsonPath prints data through a template, as `kubectl get -o jsonpath=...` does; a failure
 * while executing is reported with the template and the object, as kubectl's printer does.
 */
export function runJsonPath(template: string, data: unknown): string {
  const out: string[] = [];
  try {
    execute(parseTemplate(template), data, out);
  } catch (error) {
    if (!(error instanceof JsonPathError)) throw error;
    throw new JsonPathError(
      `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${error.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`,
    );
  }
  return out.join('');
}

/**
 * relaxedPath is RelaxedJSONPathExpression for custom-columns and --sort-by: `.a.b`, `a.b`
 * and `{.a.b}` all mean `{.a.b}`.
 */
export function relaxedPath(expression: string): Step[] {
  const match = /^\{?(\.?[^{}]+)\}?$/.exec(expression);
  if (!match)
    throw new JsonPathError(
      `unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`,
    );
  const body = match[1]!.startsWith('.') ? match[1]! : `.${match[1]!}`;
  const nodes = parseTemplate(`{${body}}`);
  return (nodes[0] as { steps: Step[] }).steps;
}

/**
 * jsonPathPrinter is the -o jsonpath=TEMPLATE printer: the template is parsed at once (a bad one
 * fails before any request), and each print reports kubectl's execution error.
 */
export function jsonPathPrinter(template: string): (data: unknown) => string {
  try {
    parseTemplate(template);
  } catch (error) {
    if (error instanceof JsonPathError)
      throw new KubectlError(`error: error parsing jsonpath ${template}, ${error.message}`);
    throw error;
  }
  return (data) => {
    try {
      return runJsonPath(template, data);
    } catch (error) {
      if (error instanceof JsonPathError) throw new KubectlError(`error: ${error.message}`);
      throw error;
    }
  };
}
