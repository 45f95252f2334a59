/**
 * ControllerExpectations (controller_utils.go): after asking for N creations or deletions, a
 * controller waits to see them come back through its watch before acting on the same object
 * again, so a stale cache never makes it create twice. Expectations expire after 5 minutes.
 */
const EXPECTATION_TTL_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  del: number;
  setAt: number;
}

export class Expectations {
  private readonly byKey = new Map<string, Expectation>();

  constructor(private readonly now: () => number) {}

  expectCreations(key: string, count: number): void {
    this.byKey.set(key, { add: count, del: 0, setAt: this.now() });
  }

  expectDeletions(key: string, count: number): void {
    this.byKey.set(key, { add: 0, del: count, setAt: this.now() });
  }

  /** expect sets both counts at once, for a sync that creates and deletes (DaemonSet). */
  expect(key: string, add: number, del: number): void {
    this.byKey.set(key, { add, del, setAt: this.now() });
  }

  creationObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.add--;
  }

  deletionObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.del--;
  }

  /** satisfied: nothing pending, or the expectation is too old to trust. */
  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    return (e.add <= 0 && e.del <= 0) || this.now() - e.setAt > EXPECTATION_TTL_MS;
  }

  delete(key: string): void {
    this.byKey.delete(key);
  }
}
