import { describe, expect, it } from 'vitest';
import { advanceBudget, clampSpeed } from './playback';

describe('advanceBudget (fixed-step playback)', () => {
  it('releases 4 hops per second at 1×', () => {
    let budget = 0;
    let due = 0;
    for (let frame = 0; frame < 16; frame++) {
      const next = advanceBudget(budget, 62.5, 1); // 16 frames of 62.5 ms: one second
      budget = next.budget;
      due += next.due;
    }
    expect(due).toBe(4);
  });
  it('scales with speed: 16× is 16 hops per quarter second', () => {
    expect(advanceBudget(0, 250, 16).due).toBe(16); // a quarter second
    expect(advanceBudget(0.75, 250, 0.25).due).toBe(1); // 0.75 banked + 0.25
    expect(advanceBudget(0, 250, 0.25).due).toBe(0);
  });
  it('carries the fraction to the next frame', () => {
    const first = advanceBudget(0, 125, 1); // 0.5 hop
    expect(first).toEqual({ due: 0, budget: 0.5 });
    expect(advanceBudget(first.budget, 125, 1)).toEqual({ due: 1, budget: 0 });
  });
  it('caps a long frame (a tab coming back) at 250 ms', () => {
    expect(advanceBudget(0, 60_000, 1).due).toBe(1);
  });
  it('clamps speeds to 0.25..16', () => {
    expect(clampSpeed(100)).toBe(16);
    expect(clampSpeed(0)).toBe(0.25);
    expect(clampSpeed(Number.NaN)).toBe(1);
  });
});
