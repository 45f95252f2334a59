import type { SessionAction } from '../../state/session';

/**
 * The timeline lists every hop of the present and, between them, the learner's own actions. An
 * action recorded after hop h (at.hops = h) comes right after that hop, so with actions in order
 * the j-th one sits at row h + j. Rows are computed on demand: a long session has tens of
 * thousands of hops, and the list only draws the few on screen.
 */
export type TimelineRow = { kind: 'hop'; seq: number } | { kind: 'action'; index: number };

/** actionRows is the row of each action, increasing. */
export function actionRows(actions: readonly SessionAction[]): number[] {
  return actions.map((action, j) => action.at.hops + j);
}

/** rowAt says what row i shows. */
export function rowAt(i: number, rows: readonly number[]): TimelineRow {
  // before: how many actions sit at a row < i
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  if (rows[lo] === i) return { kind: 'action', index: lo };
  return { kind: 'hop', seq: i - lo + 1 };
}

/** rowOfHop is the row hop seq (1-based) sits at. */
export function rowOfHop(seq: number, actions: readonly SessionAction[]): number {
  let before = 0;
  for (const action of actions) if (action.at.hops < seq) before++;
  return seq - 1 + before;
}
