import { describe, expect, it } from 'vitest';
import type { SessionAction } from '../../state/session';
import { actionRows, rowAt, rowOfHop } from './timeline-rows';

const at = (hops: number) => ({ tasks: hops * 2, elapsed: hops, hops });
const kubectl = (hops: number): SessionAction => ({ kind: 'kubectl', at: at(hops), line: 'k' });

describe('timeline rows', () => {
  it('puts each action right after the hop it followed, in order', () => {
    // actions after hop 0 (before anything), two after hop 2, one after hop 5; 6 hops in all
    const actions = [kubectl(0), kubectl(2), kubectl(2), kubectl(5)];
    const rows = actionRows(actions);
    const shown = Array.from({ length: 10 }, (_, i) => rowAt(i, rows));
    expect(shown).toEqual([
      { kind: 'action', index: 0 },
      { kind: 'hop', seq: 1 },
      { kind: 'hop', seq: 2 },
      { kind: 'action', index: 1 },
      { kind: 'action', index: 2 },
      { kind: 'hop', seq: 3 },
      { kind: 'hop', seq: 4 },
      { kind: 'hop', seq: 5 },
      { kind: 'action', index: 3 },
      { kind: 'hop', seq: 6 },
    ]);
    for (const [i, row] of shown.entries()) {
      if (row.kind === 'hop') expect(rowOfHop(row.seq, actions)).toBe(i);
    }
  });
  it('is just the hops when the learner did nothing', () => {
    expect(rowAt(41, actionRows([]))).toEqual({ kind: 'hop', seq: 42 });
    expect(rowOfHop(42, [])).toBe(41);
  });
});
