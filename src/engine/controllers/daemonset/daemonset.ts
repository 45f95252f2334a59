import { isPodReady, isPodTerminal, podCondition } from '../../api/pod';
import { clone, controllerOf, deepEqual, objectKey } from '../../api/objects';
import { matchesNodeSelectorAndAffinity } from '../../api/node-selector';
import type { DaemonSet, DaemonSetStatus, Node, Pod, PodSpec, Toleration } from '../../api/types';
import { parseTimestamp } from '../../clock';
import type { EventRecorder } from '../../client/events';
import { WorkQueue } from '../../client/workqueue';
import { tolerates } from '../../scheduler/plugins/taint-toleration';
import { ControllerContext } from '../context';
import { createPod, podFromTemplate, slowStartBatch } from '../pod-control';
import { Expectations } from '../expectations';
import { computeHash } from '../hash';

export const REVISION_HASH_LABEL = 'controller-revision-hash';
const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/**
 * DAEMON_TOLERATIONS are added to every daemon pod (AddOrUpdateDaemonPodTolerations), so it stays
 * on a node that is not ready, unreachable, under pressure or cordoned. The control-plane taint
 * is not among them.
 */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];
const NETWORK_UNAVAILABLE: Toleration = {
  key: 'node.kubernetes.io/network-unavailable',
  operator: 'Exists',
  effect: 'NoSchedule',
};

/** daemonPodSpec is the template's spec with the daemon tolerations added (no duplicates). */
function daemonPodSpec(template: PodSpec): PodSpec {
  const spec = clone(template);
  const tolerations = [...(spec.tolerations ?? [])];
  const wanted = template.hostNetwork
    ? [...DAEMON_TOLERATIONS, NETWORK_UNAVAILABLE]
    : DAEMON_TOLERATIONS;
  for (const t of wanted) {
    if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push(t);
  }
  spec.tolerations = tolerations;
  return spec;
}

/** nodeOfDaemonPod is where a daemon pod runs or is pinned to (its metadata.name affinity). */
export function nodeOfDaemonPod(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  const terms =
    pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    const field = term.matchFields?.find((f) => f.key === 'metadata.name' && f.operator === 'In');
    if (field?.values?.length === 1) return field.values[0];
  }
  return undefined;
}

/**
 * DaemonSetController runs one pod per eligible node (pkg/controller/daemon): a node is
 * eligible when it matches the pod's nodeSelector and required node affinity and the pod
 * tolerates its NoSchedule and NoExecute taints. Each pod is pinned to its node by a required
 * node affinity on `metadata.name` and placed by the default scheduler. A template change rolls
 * out node by node, at most maxUnavailable at a time.
 */
export class DaemonSetController {
  private readonly queue: WorkQueue;
  private readonly expectations: Expectations;
  private readonly recorder: EventRecorder;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.expectations = new Expectations(() => ctx.clock.now);
    this.recorder = ctx.recorder('daemonset-controller');
    ctx.daemonSets.addHandlers({
      onAdd: (ds) => this.queue.add(objectKey(ds)),
      onUpdate: (_old, ds) => this.queue.add(objectKey(ds)),
      onDelete: (ds) => this.expectations.delete(objectKey(ds)),
    });
    ctx.pods.addHandlers({
      onAdd: (pod) => {
        const key = this.ownerKey(pod);
        if (!key) return;
        this.expectations.creationObserved(key);
        this.queue.add(key);
      },
      onUpdate: (old, pod) => {
        const key = this.ownerKey(pod);
        if (!key) return;
        if (old.metadata.deletionTimestamp === undefined && pod.metadata.deletionTimestamp)
          this.expectations.deletionObserved(key);
        this.queue.add(key);
      },
      onDelete: (pod) => {
        const key = this.ownerKey(pod);
        if (!key) return;
        if (pod.metadata.deletionTimestamp === undefined) this.expectations.deletionObserved(key);
        this.queue.add(key);
      },
    });
    const enqueueAll = () => {
      for (const ds of ctx.daemonSets.list()) this.queue.add(objectKey(ds));
    };
    ctx.nodes.addHandlers({
      onAdd: enqueueAll,
      onUpdate: (old, node) => {
        if (
          !deepEqual(old.metadata.labels, node.metadata.labels) ||
          !deepEqual(old.spec.taints, node.spec.taints)
        )
          enqueueAll();
      },
      onDelete: enqueueAll,
    });
  }

  private ownerKey(pod: Pod): string | undefined {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'DaemonSet') return undefined;
    const key = `${pod.metadata.namespace}/${ref.name}`;
    return this.ctx.daemonSets.get(key)?.metadata.uid === ref.uid ? key : undefined;
  }

  /** shouldRun: the node matches the pod's selector/affinity and its taints are tolerated. */
  private shouldRun(spec: PodSpec, node: Node): boolean {
    if (!matchesNodeSelectorAndAffinity(spec, node)) return false;
    const tolerations = spec.tolerations ?? [];
    return (node.spec.taints ?? []).every(
      (taint) =>
        taint.effect === 'PreferNoSchedule' || tolerations.some((t) => tolerates(t, taint)),
    );
  }

  private sync(key: string): void {
    const ds = this.ctx.daemonSets.get(key);
    if (!ds) {
      this.expectations.delete(key);
      return;
    }
    const hash = computeHash(ds.spec.template);
    const spec = daemonPodSpec(ds.spec.template.spec);
    const nodes = [...this.ctx.nodes.list()].sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : 1,
    );
    const owned = this.ctx.pods
      .byIndex(ControllerContext.BY_CONTROLLER, ds.metadata.uid)
      .filter((p) => p.metadata.deletionTimestamp === undefined);
    const byNode = new Map<string, Pod[]>();
    for (const pod of owned) {
      const node = nodeOfDaemonPod(pod);
      if (node) byNode.set(node, [...(byNode.get(node) ?? []), pod]);
    }
    const eligible = nodes.filter((n) => this.shouldRun(spec, n));

    if (this.expectations.satisfied(key) && ds.metadata.deletionTimestamp === undefined) {
      const create: string[] = [];
      const remove: Pod[] = [];
      for (const node of nodes) {
        const pods = byNode.get(node.metadata.name) ?? [];
        if (!eligible.includes(node)) {
          remove.push(...pods);
          continue;
        }
        const failed = pods.filter((p) => p.status.phase === 'Failed');
        for (const pod of failed) {
          this.recorder.warning(
            ds,
            'FailedDaemonPod',
            `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${node.metadata.name}, will try to kill it`,
          );
        }
        remove.push(...failed);
        const running = pods.filter((p) => p.status.phase !== 'Failed');
        if (running.length === 0) create.push(node.metadata.name);
        // Keep the oldest pod when a node has several.
        else
          remove.push(
            ...running
              .sort(
                (a, b) =>
                  parseTimestamp(a.metadata.creationTimestamp) -
                  parseTimestamp(b.metadata.creationTimestamp),
              )
              .slice(1),
          );
      }
      if (create.length === 0 && remove.length === 0) {
        remove.push(...this.rollingUpdate(ds, eligible, byNode, hash));
      }
      if (create.length > 0 || remove.length > 0) {
        this.expectations.expect(key, create.length, remove.length);
        const nodes = create.values();
        slowStartBatch(
          create.length,
          (settled) => this.createPod(ds, nodes.next().value!, hash, spec, settled),
          (successes, failed) => {
            for (let i = successes; i < create.length; i++) this.expectations.creationObserved(key);
            if (failed) this.queue.addRateLimited(key, true);
            else this.queue.forget(key);
          },
        );
        for (const pod of remove) this.deletePod(ds, pod);
      }
    }
    this.updateStatus(ds, eligible, byNode, hash);
  }

  /**
   * rollingUpdate picks old pods to delete: unavailable ones at once, available ones only while
   * fewer than maxUnavailable nodes lack an available pod. Worked example: 3 nodes, maxUnavailable
   * 1: one old pod goes, its replacement becomes available, then the next.
   */
  private rollingUpdate(
    ds: DaemonSet,
    eligible: Node[],
    byNode: Map<string, Pod[]>,
    hash: string,
  ): Pod[] {
    if (ds.spec.updateStrategy.type !== 'RollingUpdate') return [];
    const maxUnavailable = resolveMaxUnavailable(
      ds.spec.updateStrategy.rollingUpdate?.maxUnavailable ?? 1,
      eligible.length,
    );
    let unavailable = 0;
    const old: Pod[] = [];
    for (const node of eligible) {
      const pod = (byNode.get(node.metadata.name) ?? [])[0];
      const available = pod !== undefined && this.isAvailable(ds, pod);
      if (!available) unavailable++;
      if (pod && pod.metadata.labels?.[REVISION_HASH_LABEL] !== hash) old.push(pod);
    }
    const victims: Pod[] = [];
    for (const pod of old) {
      if (!this.isAvailable(ds, pod)) victims.push(pod);
    }
    for (const pod of old) {
      if (unavailable >= maxUnavailable) break;
      if (victims.includes(pod)) continue;
      victims.push(pod);
      unavailable++;
    }
    return victims;
  }

  private isAvailable(ds: DaemonSet, pod: Pod): boolean {
    if (!isPodReady(pod) || isPodTerminal(pod)) return false;
    const minReady = (ds.spec.minReadySeconds ?? 0) * 1000;
    if (minReady === 0) return true;
    const since = parseTimestamp(podCondition(pod, 'Ready')!.lastTransitionTime);
    return since + minReady <= this.ctx.clock.now;
  }

  private createPod(
    ds: DaemonSet,
    node: string,
    hash: string,
    spec: PodSpec,
    settled: (created: boolean) => void,
  ): void {
    const template = ds.spec.template;
    const podSpec = clone(spec);
    // ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become this one node.
    podSpec.affinity = {
      ...podSpec.affinity,
      nodeAffinity: {
        ...podSpec.affinity?.nodeAffinity,
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] },
          ],
        },
      },
    };
    const body = podFromTemplate(ds, template, {
      labels: {
        [REVISION_HASH_LABEL]: hash,
        [TEMPLATE_GENERATION_LABEL]: String(ds.metadata.generation ?? 1),
      },
      spec: podSpec,
    });
    createPod(
      this.ctx,
      this.recorder,
      ds,
      body,
      { code: 'ds.create', args: { ds: ds.metadata.name, node } },
      settled,
    );
  }

  private deletePod(ds: DaemonSet, pod: Pod): void {
    this.ctx.client.request(
      {
        verb: 'delete',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
      },
      (response) => {
        if (response.ok)
          this.recorder.normal(ds, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        else this.expectations.deletionObserved(objectKey(ds));
      },
      { code: 'ds.delete', args: { ds: ds.metadata.name, node: nodeOfDaemonPod(pod) ?? '' } },
    );
  }

  private updateStatus(
    ds: DaemonSet,
    eligible: Node[],
    byNode: Map<string, Pod[]>,
    hash: string,
  ): void {
    const names = new Set(eligible.map((n) => n.metadata.name));
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const [node, pods] of byNode) {
      const scheduled = pods.filter((p) => p.spec.nodeName === node);
      if (scheduled.length === 0) continue;
      if (!names.has(node)) {
        misscheduled++;
        continue;
      }
      current++;
      const pod = scheduled[0]!;
      if (isPodReady(pod)) ready++;
      if (this.isAvailable(ds, pod)) available++;
      if (pod.metadata.labels?.[REVISION_HASH_LABEL] === hash) updated++;
    }
    const status: DaemonSetStatus = {
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: eligible.length,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: updated || undefined,
      numberAvailable: available || undefined,
      numberUnavailable: eligible.length - available || undefined,
    };
    if (deepEqual(status, ds.status)) return;
    this.ctx.client.request(
      {
        verb: 'update',
        resource: 'daemonsets',
        namespace: ds.metadata.namespace,
        name: ds.metadata.name,
        subresource: 'status',
        body: { ...ds, status } as DaemonSet,
      },
      (response) => {
        this.queue.settle(objectKey(ds), response.ok);
      },
      { code: 'ds.status', args: { ds: ds.metadata.name, ready, want: eligible.length } },
    );
  }
}

/** resolveMaxUnavailable turns 1 or "25%" into a count (rounded down, at least 1). */
function resolveMaxUnavailable(value: number | string, total: number): number {
  if (typeof value === 'number') return Math.max(1, value);
  const percent = Number(value.replace('%', ''));
  return Math.max(1, Math.floor((percent * total) / 100));
}
