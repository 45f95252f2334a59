import { objectKey } from '../../api/objects';
import { parseTimestamp } from '../../clock';
import type { Node, Pod, Taint } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import { tolerates } from '../../scheduler/plugins/taint-toleration';
import { ControllerContext } from '../context';

/**
 * TaintEvictionController (pkg/controller/tainteviction) deletes pods from nodes with NoExecute
 * taints they do not tolerate: at once, or when their tolerationSeconds run out (every pod
 * tolerates not-ready and unreachable for 300s, so evictions come five minutes after a node is lost).
 */
export class TaintEvictionController {
  private readonly recorder: EventRecorder;
  private readonly pending = new Map<string, { at: number; cancel: () => void }>();

  constructor(private readonly ctx: ControllerContext) {
    this.recorder = ctx.recorder('taint-eviction-controller');
    ctx.nodes.addHandlers({
      onAdd: (node) => this.nodeChanged(node),
      onUpdate: (_old, node) => this.nodeChanged(node),
    });
    ctx.pods.addHandlers({
      onAdd: (pod) => this.podChanged(pod),
      onUpdate: (_old, pod) => this.podChanged(pod),
      onDelete: (pod) => this.cancel(objectKey(pod)),
    });
  }

  private nodeChanged(node: Node): void {
    for (const pod of this.ctx.pods.byIndex(ControllerContext.BY_NODE, node.metadata.name))
      this.podChanged(pod);
  }

  private podChanged(pod: Pod): void {
    const node = pod.spec.nodeName ? this.ctx.nodes.get(pod.spec.nodeName) : undefined;
    const noExecute =
      node && !pod.metadata.deletionTimestamp
        ? (node.spec.taints ?? []).filter((t) => t.effect === 'NoExecute')
        : [];
    // Most pods run on nodes without NoExecute taints and none waits for eviction: no key needed.
    if (noExecute.length === 0 && this.pending.size === 0) return;
    const key = objectKey(pod);
    const at = evictionTime(pod, noExecute);
    if (at === undefined) return this.cancel(key);
    if (this.pending.get(key)?.at === at) return;
    this.cancel(key);
    const cancel = this.ctx.clock.schedule(
      Math.max(0, at - this.ctx.clock.now),
      () => this.evict(key),
      true,
    );
    this.pending.set(key, { at, cancel });
  }

  private cancel(key: string): void {
    this.pending.get(key)?.cancel();
    this.pending.delete(key);
  }

  private evict(key: string): void {
    this.pending.delete(key);
    const pod = this.ctx.pods.get(key);
    if (!pod || pod.metadata.deletionTimestamp) return;
    this.recorder.normal(pod, 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    this.ctx.client.request(
      {
        verb: 'delete',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
      },
      undefined,
      { code: 'taint.evict', args: { pod: pod.metadata.name, node: pod.spec.nodeName ?? '' } },
    );
  }
}

/**
 * evictionTime: undefined when the pod tolerates every NoExecute taint forever; otherwise when
 * the shortest toleration runs out (counted from when each taint was added), or now for a taint
 * it does not tolerate at all.
 */
export function evictionTime(pod: Pod, taints: Taint[]): number | undefined {
  let at: number | undefined;
  for (const taint of taints) {
    const matching = (pod.spec.tolerations ?? []).filter((t) => tolerates(t, taint));
    if (matching.length === 0) return 0;
    if (matching.some((t) => t.tolerationSeconds === undefined)) continue;
    const seconds = Math.min(...matching.map((t) => Math.max(0, t.tolerationSeconds!)));
    const added = taint.timeAdded ? parseTimestamp(taint.timeAdded) : 0;
    const due = added + seconds * 1000;
    at = at === undefined ? due : Math.min(at, due);
  }
  return at;
}
