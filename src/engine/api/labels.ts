import type { LabelSelector, LabelSelectorRequirement } from './types';

/** matchesSelector reports whether labels satisfy a LabelSelector (empty selector matches all). */
export function matchesSelector(
  selector: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  const have = labels ?? NO_LABELS;
  // Plain loops: controllers match every pod they own against this on each sync.
  const wanted = selector.matchLabels;
  for (const key in wanted) if (have[key] !== wanted[key]) return false;
  const requirements = selector.matchExpressions;
  if (requirements)
    for (const req of requirements) if (!matchesRequirement(req, have)) return false;
  return true;
}

const NO_LABELS: Record<string, string> = Object.freeze({});

function matchesRequirement(
  req: LabelSelectorRequirement,
  labels: Record<string, string>,
): boolean {
  const present = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  switch (req.operator) {
    case 'In':
      return present && (req.values ?? []).includes(value!);
    case 'NotIn':
      return !present || !(req.values ?? []).includes(value!);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
  }
}

/**
 * formatSelector prints a selector as kubectl does (metav1.FormatLabelSelector): matchLabels as
 * key=value, then expressions, comma-joined, `<none>` when empty.
 */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((key) => `${key}=${selector.matchLabels![key]}`);
  for (const req of selector.matchExpressions ?? []) {
    const values = [...(req.values ?? [])].sort().join(',');
    switch (req.operator) {
      case 'In':
        parts.push(`${req.key} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${req.key} notin (${values})`);
        break;
      case 'Exists':
        parts.push(req.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${req.key}`);
        break;
    }
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}

/** formatLabels prints a label map as `a=1,b=2` (sorted), `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/**
 * parseSelector parses the `-l` syntax: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`,
 * `a`, `!a`, comma-separated. Throws an Error with kubectl's wording on bad input.
 */
export function parseSelector(text: string): LabelSelector {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const raw of splitTopLevel(text)) {
    const term = raw.trim();
    if (term === '') continue;
    let m: RegExpMatchArray | null;
    if ((m = term.match(/^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      const values = m[3]!
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      matchExpressions.push({ key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = term.match(/^([^\s!=()]+)\s*!=\s*([^\s!=()]*)$/))) {
      matchExpressions.push({ key: m[1]!, operator: 'NotIn', values: [m[2]!] });
    } else if ((m = term.match(/^([^\s!=()]+)\s*==?\s*([^\s!=()]*)$/))) {
      matchLabels[m[1]!] = m[2]!;
    } else if ((m = term.match(/^!\s*([^\s!=()]+)$/))) {
      matchExpressions.push({ key: m[1]!, operator: 'DoesNotExist' });
    } else if ((m = term.match(/^([^\s!=()]+)$/))) {
      matchExpressions.push({ key: m[1]!, operator: 'Exists' });
    } else {
      throw new Error(`unable to parse requirement: found '${term}', expected: identifier`);
    }
  }
  const selector: LabelSelector = { matchLabels };
  if (matchExpressions.length > 0) selector.matchExpressions = matchExpressions;
  return selector;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}
