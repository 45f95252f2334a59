/**
 * A Hop is one message between two components: a request to the API server, a write to etcd, a
 * watch notification, a call to the container runtime. The engine records every hop; the UI
 * animates them and the Step button delivers exactly one.
 */

/** traffic: a request on the cluster network (DNS, kube-proxy's rules, a pod), not an API call */
export type HopChannel = 'request' | 'storage' | 'watch' | 'cri' | 'traffic';

export interface HopObject {
  kind: string;
  namespace?: string;
  name: string;
}

/** HopNote names why a component sent a message; explain.ts turns it into a sentence. */
export interface HopNote {
  code: string;
  args?: Record<string, string | number>;
}

export interface Hop {
  seq: number;
  /** simulated time of delivery, in milliseconds since the Unix epoch */
  time: number;
  from: string;
  to: string;
  channel: HopChannel;
  /** an API verb (create, patch, list...), a watch event type (ADDED...), put/delete for etcd, or a CRI call */
  verb: string;
  object: HopObject;
  /** the etcd key, the node a pod is bound to, the image pulled... */
  detail?: string;
  /** etcd revision a storage hop produced */
  revision?: number;
  note?: HopNote;
}

export type HopDraft = Omit<Hop, 'seq' | 'time'>;

/** componentOnNode names the per-node components: kubelet@w1-k8s, containerd@w1-k8s. */
export function componentOnNode(component: 'kubelet' | 'containerd', node: string): string {
  return `${component}@${node}`;
}

/** nodeOfComponent is the node a per-node component runs on, if it is one. */
export function nodeOfComponent(component: string): string | undefined {
  const at = component.indexOf('@');
  return at < 0 ? undefined : component.slice(at + 1);
}

export type HopListener = (hop: Hop) => void;

/** A HopSource describes a delivered message: its draft if built when sent, or on demand. */
export interface HopSource {
  draft?: HopDraft;
  describe(): HopDraft;
}

/** HopLog keeps delivered hops in order and tells listeners about each one. */
export class HopLog {
  private readonly hops: Hop[] = [];
  private readonly listeners = new Set<HopListener>();
  private nextSeq = 1;

  constructor(private readonly keep: boolean) {}

  /** observed: hops are kept or someone listens, so each delivered one must be built. */
  get observed(): boolean {
    return this.keep || this.listeners.size > 0;
  }

  /** record logs a delivered hop, with what its receiver learned (an etcd revision) merged in. */
  record(source: HopSource, time: number, learned?: Partial<Hop> | void): void {
    const seq = this.nextSeq++;
    // Nobody keeps or watches hops (a benchmark): count it, build nothing.
    if (!this.keep && this.listeners.size === 0) return;
    const draft = source.draft ?? source.describe();
    const hop: Hop = learned ? { seq, time, ...draft, ...learned } : { seq, time, ...draft };
    if (this.keep) this.hops.push(hop);
    for (const listener of this.listeners) listener(hop);
  }

  get count(): number {
    return this.nextSeq - 1;
  }

  all(): readonly Hop[] {
    return this.hops;
  }

  subscribe(listener: HopListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
