import { diffLines } from 'diff';

/** DiffLine is one line of a line diff: kept, removed (only before) or added (only after). */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}

/** A Hunk is a run of diff lines with some unchanged context; skipped counts the lines hidden before it. */
export interface Hunk {
  skipped: number;
  lines: DiffLine[];
}

/**
 * lineDiff is a line diff of two texts (jsdiff's Myers diff, which stays fast when a few lines in
 * a long object change, as most hops do).
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const change of diffLines(before, after)) {
    const op = change.added ? '+' : change.removed ? '-' : ' ';
    for (const text of splitLines(change.value)) out.push({ op, text });
  }
  return out;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** hunks keeps the changed lines with `context` unchanged lines around each, as `diff -u` does. */
export function hunks(lines: readonly DiffLine[], context = 3): Hunk[] {
  const show = new Uint8Array(lines.length);
  lines.forEach((line, index) => {
    if (line.op === ' ') return;
    const from = Math.max(0, index - context);
    const to = Math.min(lines.length - 1, index + context);
    for (let k = from; k <= to; k++) show[k] = 1;
  });
  const out: Hunk[] = [];
  let skipped = 0;
  let current: Hunk | undefined;
  lines.forEach((line, index) => {
    if (!show[index]) {
      skipped++;
      current = undefined;
      return;
    }
    if (!current) {
      current = { skipped, lines: [] };
      out.push(current);
      skipped = 0;
    }
    current.lines.push(line);
  });
  return out;
}
