/**
 * Simulated time and the single ordered queue every component schedules work on. Nothing in the
 * engine reads the wall clock: time moves only when the queue runs, so a seed and a script always
 * give the same history.
 */

export interface Task {
  time: number;
  seq: number;
  run: () => void;
  /** background tasks (periodic timers) do not keep the cluster from being "quiet". */
  background: boolean;
}

/** TaskQueue is a binary min-heap ordered by (time, seq): equal times run in scheduling order. */
export class TaskQueue {
  private heap: Task[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(task: Task): void {
    const heap = this.heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(task, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = task;
  }

  peek(): Task | undefined {
    return this.heap[0];
  }

  pop(): Task | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: Task, b: Task): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/** Random is a seeded PRNG (mulberry32): the only source of randomness in the engine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * stream derives an independent generator for one purpose (object names, uids...), so that
   * drawing more numbers for one purpose does not shift the others: a new event written by some
   * component must not rename the pods created after it.
   */
  static stream(seed: number, purpose: number): Random {
    return new Random(
      Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(purpose + 1, 0xc2b2ae35),
    );
  }

  /** next returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** int returns an integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** string draws n characters from alphabet. */
  string(n: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}

/** Clock owns simulated time (milliseconds since the Unix epoch) and the task queue. */
export class Clock {
  private queue = new TaskQueue();
  private seq = 0;
  private foregroundCount = 0;
  /** how many tasks have run: the benchmark's count of engine events */
  tasksRun = 0;
  now: number;

  constructor(start: number) {
    this.now = start;
  }

  /** schedule runs fn after delayMs of simulated time; returns a cancel function. */
  schedule(delayMs: number, fn: () => void, background = false): () => void {
    let cancelled = false;
    const task: Task = {
      time: this.now + Math.max(0, delayMs),
      seq: this.seq++,
      background,
      run: () => {
        if (!cancelled) fn();
      },
    };
    if (!background) this.foregroundCount++;
    this.queue.push(task);
    return () => {
      cancelled = true;
    };
  }

  /** nextTime is the time of the next queued task, if any. */
  nextTime(): number | undefined {
    return this.queue.peek()?.time;
  }

  /** hasForegroundWork tells whether any non-background task is still queued. */
  hasForegroundWork(): boolean {
    return this.foregroundCount > 0;
  }

  /** runNext pops and runs the earliest task, moving time forward to it. */
  runNext(): boolean {
    const task = this.queue.pop();
    if (!task) return false;
    if (!task.background) this.foregroundCount--;
    if (task.time > this.now) this.now = task.time;
    this.tasksRun++;
    task.run();
    return true;
  }

  /** advanceTo moves time forward without running anything (callers run due tasks first). */
  advanceTo(time: number): void {
    if (time > this.now) this.now = time;
  }
}

/** toTimestamp formats simulated milliseconds as an RFC 3339 timestamp with second precision. */
export function toTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** parseTimestamp is the inverse of toTimestamp. */
export function parseTimestamp(ts: string): number {
  return Date.parse(ts);
}
