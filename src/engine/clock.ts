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

/**
 * TaskQueue is a binary min-heap ordered by (time, seq): equal times run in scheduling order.
 * The keys sit in typed arrays beside the tasks, so sifting compares numbers in one contiguous
 * block instead of following a pointer to every task it passes.
 */
export class TaskQueue {
  private readonly tasks: Task[] = [];
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);

  get size(): number {
    return this.tasks.length;
  }

  push(task: Task): void {
    const tasks = this.tasks;
    let i = tasks.length;
    if (i === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const { time, seq } = task;
    tasks.push(task);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      if (time > parentTime || (time === parentTime && seq >= seqs[parent]!)) break;
      times[i] = parentTime;
      seqs[i] = seqs[parent]!;
      tasks[i] = tasks[parent]!;
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    tasks[i] = task;
  }

  peek(): Task | undefined {
    return this.tasks[0];
  }

  pop(): Task | undefined {
    const tasks = this.tasks;
    const top = tasks[0];
    const last = tasks.pop();
    const n = tasks.length;
    if (top === undefined || last === undefined || n === 0) return top;
    const times = this.times;
    const seqs = this.seqs;
    const lastTime = times[n]!;
    const lastSeq = seqs[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (
        right < n &&
        (times[right]! < times[child]! ||
          (times[right] === times[child] && seqs[right]! < seqs[child]!))
      )
        child = right;
      const childTime = times[child]!;
      if (childTime > lastTime || (childTime === lastTime && seqs[child]! >= lastSeq)) break;
      times[i] = childTime;
      seqs[i] = seqs[child]!;
      tasks[i] = tasks[child]!;
      i = child;
    }
    times[i] = lastTime;
    seqs[i] = lastSeq;
    tasks[i] = last;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const seqs = new Float64Array(this.seqs.length * 2);
    times.set(this.times);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
  }
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
    // Joined once rather than appended: `+=` leaves a chain of n rope nodes behind every name.
    const chars = new Array<string>(n);
    for (let i = 0; i < n; i++) chars[i] = alphabet[this.int(alphabet.length)]!;
    return chars.join('');
  }
}

/** ClockTask is one scheduled call; a cancelled one still leaves the queue in its turn. */
class ClockTask implements Task {
  cancelled = false;

  constructor(
    readonly time: number,
    readonly seq: number,
    readonly background: boolean,
    private readonly fn: () => void,
  ) {}

  run(): void {
    if (!this.cancelled) this.fn();
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
    const task = this.enqueue(delayMs, fn, background);
    return () => {
      task.cancelled = true;
    };
  }

  /** post runs fn after delayMs, like schedule, for work nobody cancels (a message in flight). */
  post(delayMs: number, fn: () => void, background = false): void {
    this.enqueue(delayMs, fn, background);
  }

  /**
   * postTask queues a task object that carries its own run (a message in flight), after delayMs:
   * one object per message instead of a task wrapping a closure. It sets the task's time and seq.
   */
  postTask(delayMs: number, task: Task): void {
    task.time = this.now + Math.max(0, delayMs);
    task.seq = this.seq++;
    if (!task.background) this.foregroundCount++;
    this.queue.push(task);
  }

  private enqueue(delayMs: number, fn: () => void, background: boolean): ClockTask {
    const task = new ClockTask(this.now + Math.max(0, delayMs), this.seq++, background, fn);
    if (!background) this.foregroundCount++;
    this.queue.push(task);
    return task;
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
  const second = Math.floor(ms / 1000);
  // Thousands of objects are stamped within the same simulated second: format it once, share it.
  if (second !== lastStampedSecond) {
    lastStampedSecond = second;
    lastStamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastStamp;
}

let lastStampedSecond = NaN;
let lastStamp = '';

/** parseTimestamp is the inverse of toTimestamp. */
export function parseTimestamp(ts: string): number {
  return Date.parse(ts);
}
