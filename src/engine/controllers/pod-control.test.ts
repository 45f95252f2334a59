import { describe, expect, it } from 'vitest';
import { slowStartBatch } from './pod-control';

/** runBatches drives slowStartBatch with attempts that settle later, recording each batch. */
function runBatches(count: number, failAt: Set<number>) {
  const batches: number[][] = [];
  const waiting: (() => void)[] = [];
  let started = 0;
  let result: { successes: number; failed: boolean } | undefined;
  slowStartBatch(
    count,
    (settled) => {
      const n = started++;
      if (waiting.length === 0) batches.push([]);
      batches[batches.length - 1]!.push(n);
      waiting.push(() => settled(!failAt.has(n)));
    },
    (successes, failed) => (result = { successes, failed }),
  );
  while (waiting.length > 0) for (const settle of waiting.splice(0)) settle();
  return { batches, result };
}

describe('slowStartBatch', () => {
  it('doubles each batch once the one before has all succeeded', () => {
    const { batches, result } = runBatches(10, new Set());
    expect(batches.map((b) => b.length)).toEqual([1, 2, 4, 3]);
    expect(result).toEqual({ successes: 10, failed: false });
  });

  it('stops after the first batch that has a failure, leaving the rest unattempted', () => {
    const { batches, result } = runBatches(10, new Set([0]));
    expect(batches).toEqual([[0]]);
    expect(result).toEqual({ successes: 0, failed: true });
    const later = runBatches(10, new Set([4]));
    expect(later.batches.map((b) => b.length)).toEqual([1, 2, 4]);
    expect(later.result).toEqual({ successes: 6, failed: true });
  });

  it('reports nothing to do at once', () => {
    expect(runBatches(0, new Set()).result).toEqual({ successes: 0, failed: false });
  });
});
