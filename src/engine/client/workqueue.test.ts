import { describe, expect, it } from 'vitest';
import { Clock } from '../clock';
import { WorkQueue } from './workqueue';

function runAll(clock: Clock) {
  while (clock.runNext());
}

describe('WorkQueue', () => {
  it('collapses adds that arrive while a sync keeps its worker busy into one sync after it', () => {
    const clock = new Clock(0);
    const synced: number[] = [];
    const queue = new WorkQueue(clock, () => {
      synced.push(clock.now);
      return 10;
    });
    queue.add('default/web');
    for (const at of [2, 4, 6]) clock.post(at, () => queue.add('default/web'));
    runAll(clock);
    expect(synced).toEqual([0, 10]);
  });

  it('syncs each add at once when a sync takes no simulated time', () => {
    const clock = new Clock(0);
    const synced: number[] = [];
    const queue = new WorkQueue(clock, () => {
      synced.push(clock.now);
    });
    for (const at of [0, 2, 4]) clock.post(at, () => queue.add('default/web'));
    runAll(clock);
    expect(synced).toEqual([0, 2, 4]);
  });

  it('backs a failing key off 5 ms, then doubling, and forgets it after a success', () => {
    const clock = new Clock(0);
    const synced: number[] = [];
    const queue = new WorkQueue(clock, (key) => {
      synced.push(clock.now);
      queue.settle(key, synced.length >= 3);
    });
    queue.add('default/web');
    runAll(clock);
    expect(synced).toEqual([0, 5, 15]);
    queue.addRateLimited('default/web');
    runAll(clock);
    expect(synced.at(-1)).toBe(20);
  });
});
