import { parseTimestamp } from '../../clock';
import { toTimestamp } from '../../clock';
import type { Lease, Node, NodeCondition, Pod, Taint } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import { ControllerContext } from '../context';

/** The node controller looks at every node this often (--node-monitor-period). */
export const NODE_MONITOR_PERIOD_MS = 5000;
/** A node whose kubelet has not renewed its lease for this long is Unknown (v1.32: 50s). */
export const NODE_MONITOR_GRACE_MS = 50_000;

export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';

/**
 * NodeLifecycleController (pkg/controller/nodelifecycle) watches node heartbeats: a node whose
 * lease goes stale past the grace period has its conditions set to Unknown, its pods marked not
 * ready, and the unreachable taints added, which in turn make the taint-eviction controller
 * evict pods once their tolerations run out. A node that reports Ready again loses the taints.
 */
export class NodeLifecycleController {
  private readonly recorder: EventRecorder;

  constructor(private readonly ctx: ControllerContext) {
    this.recorder = ctx.recorder('node-controller');
    ctx.nodes.addHandlers({ onUpdate: (_old, node) => this.reconcileTaints(node) });
  }

  start(): void {
    const monitor = () => {
      this.monitorNodeHealth();
      this.ctx.clock.schedule(NODE_MONITOR_PERIOD_MS, monitor, true);
    };
    this.ctx.clock.schedule(NODE_MONITOR_PERIOD_MS, monitor, true);
  }

  private lastHeard(node: Node): number {
    const lease = this.ctx.leases.get(`kube-node-lease/${node.metadata.name}`) as Lease | undefined;
    const renew = lease?.spec.renewTime ? parseTimestamp(lease.spec.renewTime) : 0;
    const ready = node.status.conditions.find((c) => c.type === 'Ready');
    const heartbeat = ready ? parseTimestamp(ready.lastHeartbeatTime) : 0;
    return Math.max(renew, heartbeat);
  }

  private monitorNodeHealth(): void {
    const now = this.ctx.clock.now;
    for (const node of this.ctx.nodes.list()) {
      const ready = node.status.conditions.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'Unknown') continue;
      if (now - this.lastHeard(node) <= NODE_MONITOR_GRACE_MS) continue;
      this.markUnknown(node);
    }
  }

  private markUnknown(node: Node): void {
    const now = toTimestamp(this.ctx.clock.now);
    const conditions: NodeCondition[] = node.status.conditions.map((c) => ({
      ...c,
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastTransitionTime: now,
    }));
    const name = node.metadata.name;
    this.ctx.client.request(
      {
        verb: 'patch',
        resource: 'nodes',
        name,
        subresource: 'status',
        patchType: 'strategic',
        patch: { status: { conditions } },
      },
      (response) => {
        if (!response.ok) return;
        this.recorder.normal(node, 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
        for (const pod of this.podsOn(name)) this.markPodNotReady(pod);
      },
      { code: 'node.unknown', args: { node: name } },
    );
  }

  private podsOn(node: string): Pod[] {
    return this.ctx.pods
      .list()
      .filter((p) => p.spec.nodeName === node && p.metadata.deletionTimestamp === undefined);
  }

  /** markPodNotReady flips a pod's Ready condition: it drops out of Service endpoints. */
  private markPodNotReady(pod: Pod): void {
    const now = toTimestamp(this.ctx.clock.now);
    const conditions = (pod.status.conditions ?? []).map((c) =>
      c.type === 'Ready' && c.status !== 'False'
        ? { ...c, status: 'False' as const, lastTransitionTime: now }
        : c,
    );
    this.ctx.client.request(
      {
        verb: 'patch',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        subresource: 'status',
        patchType: 'strategic',
        patch: { status: { conditions } },
      },
      (response) => {
        if (response.ok) this.recorder.warning(pod, 'NodeNotReady', 'Node is not ready');
      },
      { code: 'node.podNotReady', args: { pod: pod.metadata.name } },
    );
  }

  /** reconcileTaints keeps the not-ready/unreachable taints in line with the Ready condition. */
  private reconcileTaints(node: Node): void {
    const ready = node.status.conditions.find((c) => c.type === 'Ready')?.status;
    const wanted =
      ready === 'Unknown' ? UNREACHABLE_TAINT : ready === 'False' ? NOT_READY_TAINT : undefined;
    const current = node.spec.taints ?? [];
    const others = current.filter((t) => t.key !== UNREACHABLE_TAINT && t.key !== NOT_READY_TAINT);
    const now = toTimestamp(this.ctx.clock.now);
    const keep = (effect: Taint['effect']): Taint =>
      current.find((t) => t.key === wanted && t.effect === effect) ??
      (effect === 'NoExecute'
        ? { key: wanted!, effect, timeAdded: now }
        : { key: wanted!, effect });
    const taints = wanted ? [...others, keep('NoSchedule'), keep('NoExecute')] : others;
    if (JSON.stringify(taints) === JSON.stringify(current)) return;
    this.ctx.client.request(
      {
        verb: 'patch',
        resource: 'nodes',
        name: node.metadata.name,
        patchType: 'merge',
        patch: { spec: { taints: taints.length > 0 ? taints : null } },
      },
      undefined,
      {
        code: wanted ? 'node.taint' : 'node.untaint',
        args: { node: node.metadata.name, taint: wanted ?? UNREACHABLE_TAINT },
      },
    );
  }
}
