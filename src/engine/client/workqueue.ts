import type { Clock } from '../clock';

/**
 * WorkQueue is client-go's rate-limited work queue: a key is queued at most once, a key being
 * processed is not handed out twice, and failures come back with per-key exponential back-off
 * (5ms doubling, capped at 1000s).
 */
export class WorkQueue {
  private readonly queued = new Set<string>();
  private readonly order: string[] = [];
  private readonly failures = new Map<string, number>();
  private scheduled = false;

  /** keys a sync is still busy with, and those added again meanwhile (client-go's dirty set) */
  private readonly processing = new Set<string>();
  private readonly dirty = new Set<string>();

  /**
   * process syncs one key and may return how many simulated milliseconds that sync kept its
   * worker busy: adds of the key meanwhile collapse into one sync after it, as in client-go.
   */
  constructor(
    private readonly clock: Clock,
    private readonly process: (key: string) => number | void,
  ) {}

  add(key: string): void {
    if (this.processing.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.order.push(key);
    this.scheduleDrain();
  }

  addAfter(key: string, delayMs: number, background = false): void {
    this.clock.post(delayMs, () => this.add(key), background);
  }

  /**
   * addRateLimited requeues a failed key after its back-off. A background retry is one that
   * waits on the learner (a refused pod create): the cluster counts as quiet while it waits.
   */
  addRateLimited(key: string, background = false): void {
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    this.addAfter(key, Math.min(5 * 2 ** failures, 1_000_000), background);
  }

  /** forget clears a key's back-off after a successful sync. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /**
   * settle ends a sync's write: a failure requeues the key after its back-off, a success forgets
   * the back-off, as processNextWorkItem does with the sync's error.
   */
  settle(key: string, ok: boolean): void {
    if (ok) this.forget(key);
    else this.addRateLimited(key);
  }

  get length(): number {
    return this.order.length;
  }

  private scheduleDrain(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.clock.post(0, this.drain);
  }

  /** drain processes the next key; one function for every turn, not a closure each. */
  private readonly drain = (): void => {
    this.scheduled = false;
    const key = this.order.shift();
    if (key === undefined) return;
    this.queued.delete(key);
    if (this.order.length > 0) this.scheduleDrain();
    const busyMs = this.process(key);
    if (busyMs === undefined || busyMs < 1) return;
    this.processing.add(key);
    this.clock.post(busyMs, () => this.done(key));
  };

  private done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.delete(key)) this.add(key);
  }
}
