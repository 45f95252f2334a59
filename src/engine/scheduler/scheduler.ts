import type { ApiServer } from '../apiserver/apiserver';
import { objectKey } from '../api/objects';
import type { Node, Pod } from '../api/types';
import { parseTimestamp, type Clock, type Random } from '../clock';
import { ApiClient } from '../client/client';
import { EventRecorder } from '../client/events';
import { Informer } from '../client/informer';
import { toTimestamp } from '../clock';
import { Heap } from '../heap';
import { NodeInfo, type FilterVerdict, type NodeScore, type SchedulingDecision } from './framework';
import { FILTER_PLUGINS, SCORE_PLUGINS } from './plugins';

export const SCHEDULER = 'kube-scheduler';
const SCHEDULER_NAME = 'default-scheduler';
/** Back-off before retrying an unschedulable pod: 1s doubling to 10s (podInitialBackoff/podMaxBackoff). */
const INITIAL_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 10_000;
/** Unschedulable pods are retried at least this often even if nothing changes (podMaxInUnschedulablePodsDuration). */
const UNSCHEDULABLE_FLUSH_MS = 5 * 60 * 1000;
/** How many pods' decision records are kept (the most recent): a record holds a row per node. */
const DECISIONS_KEPT = 500;
/** Up to this many nodes a decision records every node's verdict and scores; beyond, failures and the top scores. */
const DETAILED_NODES = 100;
const TOP_SCORES_KEPT = 10;
/** Below this many nodes every feasible node is scored (minFeasibleNodesToFind). */
const MIN_FEASIBLE_NODES = 100;

interface QueuedPod {
  key: string;
  attempts: number;
  priority: number;
  created: number;
  seq: number;
}

/**
 * Scheduler is kube-scheduler: it watches pods without a node, runs the filter plugins on every
 * node, scores the nodes that pass, binds the pod to the best (ties broken at random), and
 * records why. Pods that fit nowhere get a FailedScheduling event and wait for the cluster to change.
 */
export class Scheduler {
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  readonly pods: Informer<Pod>;
  readonly nodes: Informer<Node>;
  private readonly nodeInfos = new Map<string, NodeInfo>();
  /** which node each pod is on (bound or assumed), by uid */
  private readonly placement = new Map<string, string>();
  /** PrioritySort: higher priority first, then the older pod, then the one queued first */
  private readonly activeQ = new Heap<QueuedPod>(
    (a, b) =>
      a.priority > b.priority ||
      (a.priority === b.priority &&
        (a.created < b.created || (a.created === b.created && a.seq < b.seq))),
  );
  private readonly queued = new Set<string>();
  private queueSeq = 0;
  /** pods that fit nowhere, with how many attempts they have had */
  private readonly unschedulable = new Map<string, number>();
  private readonly attempts = new Map<string, number>();
  private readonly decisions = new Map<string, SchedulingDecision>();
  private cycleScheduled = false;
  private nextStartNodeIndex = 0;

  constructor(
    api: ApiServer,
    private readonly clock: Clock,
    private readonly rng: Random,
  ) {
    this.client = new ApiClient(SCHEDULER, api);
    this.recorder = new EventRecorder(this.client, clock, { component: SCHEDULER_NAME });
    this.pods = new Informer<Pod>(api, SCHEDULER, 'pods');
    this.nodes = new Informer<Node>(api, SCHEDULER, 'nodes');
    this.nodes.addHandlers({
      onAdd: (node) => {
        this.nodeInfos.set(node.metadata.name, this.rebuild(node));
        this.retryUnschedulable();
      },
      onUpdate: (old, node) => {
        this.nodeInfos.set(node.metadata.name, this.rebuild(node));
        if (schedulingRelevantChange(old, node)) this.retryUnschedulable();
      },
      onDelete: (node) => this.nodeInfos.delete(node.metadata.name),
    });
    this.pods.addHandlers({
      onAdd: (pod) => this.observe(pod),
      onUpdate: (_old, pod) => this.observe(pod),
      onDelete: (pod) => {
        this.forget(pod);
        this.unschedulable.delete(objectKey(pod));
        if (pod.spec.nodeName) this.retryUnschedulable();
      },
    });
  }

  start(): void {
    this.nodes.start();
    this.pods.start();
  }

  /** decisionFor returns the latest scheduling decision for a pod, by uid. */
  decisionFor(uid: string): SchedulingDecision | undefined {
    return this.decisions.get(uid);
  }

  private rebuild(node: Node): NodeInfo {
    const info = new NodeInfo(node);
    const previous = this.nodeInfos.get(node.metadata.name);
    if (previous) for (const pod of previous.pods.values()) info.addPod(pod);
    return info;
  }

  private observe(pod: Pod): void {
    const key = objectKey(pod);
    if (pod.spec.nodeName) {
      this.unschedulable.delete(key);
      if (isFinished(pod)) this.forget(pod);
      else this.place(pod, pod.spec.nodeName);
      return;
    }
    if (pod.spec.schedulerName !== SCHEDULER_NAME || pod.metadata.deletionTimestamp) return;
    if (this.placement.has(pod.metadata.uid)) return; // assumed, binding in flight
    if (this.unschedulable.has(key) || this.queued.has(key)) return;
    this.enqueue(key, this.attempts.get(key) ?? 0);
  }

  private place(pod: Pod, node: string): void {
    const current = this.placement.get(pod.metadata.uid);
    if (current && current !== node) this.nodeInfos.get(current)?.removePod(pod.metadata.uid);
    this.placement.set(pod.metadata.uid, node);
    this.nodeInfos.get(node)?.addPod(pod);
  }

  private forget(pod: Pod): void {
    const node = this.placement.get(pod.metadata.uid);
    if (node) this.nodeInfos.get(node)?.removePod(pod.metadata.uid);
    this.placement.delete(pod.metadata.uid);
  }

  private enqueue(key: string, attempts: number): void {
    const pod = this.pods.get(key);
    if (!pod || this.queued.has(key)) return;
    this.queued.add(key);
    this.activeQ.push({
      key,
      attempts,
      priority: pod.spec.priority ?? 0,
      created: parseTimestamp(pod.metadata.creationTimestamp),
      seq: this.queueSeq++,
    });
    this.scheduleCycle();
  }

  private scheduleCycle(): void {
    if (this.cycleScheduled) return;
    this.cycleScheduled = true;
    this.clock.schedule(0, () => {
      this.cycleScheduled = false;
      this.scheduleOne();
      if (this.activeQ.size > 0) this.scheduleCycle();
    });
  }

  /** popNext takes the next pod that still needs a node. */
  private popNext(): Pod | undefined {
    for (let item = this.activeQ.pop(); item; item = this.activeQ.pop()) {
      this.queued.delete(item.key);
      const pod = this.pods.get(item.key);
      if (
        pod &&
        !pod.spec.nodeName &&
        !pod.metadata.deletionTimestamp &&
        !this.placement.has(pod.metadata.uid)
      )
        return pod;
    }
    return undefined;
  }

  private scheduleOne(): void {
    const pod = this.popNext();
    if (!pod) return;
    const decision = this.decide(pod);
    this.decisions.delete(pod.metadata.uid);
    this.decisions.set(pod.metadata.uid, decision);
    if (this.decisions.size > DECISIONS_KEPT)
      this.decisions.delete(this.decisions.keys().next().value!);
    if (decision.selectedNode) this.bind(pod, decision.selectedNode);
    else this.failed(pod, decision.failure!);
  }

  private numFeasibleNodesToFind(total: number): number {
    if (total < MIN_FEASIBLE_NODES) return total;
    const percentage = Math.max(5, 50 - Math.floor(total / 125));
    return Math.max(MIN_FEASIBLE_NODES, Math.floor((total * percentage) / 100));
  }

  /** decide runs the filters and scores for one pod and records every verdict. */
  private decide(pod: Pod): SchedulingDecision {
    const infos = [...this.nodeInfos.values()];
    const wanted = this.numFeasibleNodesToFind(infos.length);
    const detailed = infos.length <= DETAILED_NODES;
    const filters: FilterVerdict[] = [];
    const feasible: NodeInfo[] = [];
    let examined = 0;
    const failures: { reasons: string[]; unresolvable: boolean }[] = [];
    for (let i = 0; i < infos.length && feasible.length < wanted; i++, examined++) {
      const info = infos[(this.nextStartNodeIndex + i) % infos.length]!;
      let failed = false;
      for (const plugin of FILTER_PLUGINS) {
        const result = plugin.filter(pod, info);
        if (result) {
          filters.push({
            node: info.node.metadata.name,
            failedPlugin: plugin.name,
            reasons: result.reasons,
          });
          failures.push(result);
          failed = true;
          break;
        }
      }
      if (failed) continue;
      feasible.push(info);
      if (detailed) filters.push({ node: info.node.metadata.name, reasons: [] });
    }
    if (infos.length > 0)
      this.nextStartNodeIndex = (this.nextStartNodeIndex + examined) % infos.length;
    const base = {
      pod: objectKey(pod),
      podUid: pod.metadata.uid,
      time: this.clock.now,
      filters,
      feasibleNotScored: infos.length - examined,
      scoredNodes: feasible.length,
    };
    if (feasible.length === 0) {
      return { ...base, scores: [], failure: fitError(infos.length, failures) };
    }
    return { ...base, ...this.score(pod, feasible) };
  }

  /**
   * score runs every score plugin over the feasible nodes, picks the winner, and keeps the
   * per-plugin table for every node in small clusters (for the top nodes only in large ones).
   */
  private score(pod: Pod, feasible: NodeInfo[]): { scores: NodeScore[]; selectedNode: string } {
    const name = (i: number) => feasible[i]!.node.metadata.name;
    if (feasible.length === 1)
      return { scores: [{ node: name(0), plugins: [], total: 0 }], selectedNode: name(0) };
    const totals = new Array<number>(feasible.length).fill(0);
    const columns = SCORE_PLUGINS.map((plugin) => {
      const raw = feasible.map((info) => plugin.score(pod, info));
      const normalized = plugin.normalize ? plugin.normalize(raw) : raw;
      for (let i = 0; i < totals.length; i++) totals[i]! += normalized[i]! * plugin.weight;
      return { plugin, raw, normalized };
    });
    const selected = this.selectHost(totals);
    let kept = totals.map((_, i) => i);
    if (feasible.length > DETAILED_NODES) {
      kept = kept.sort((a, b) => totals[b]! - totals[a]! || a - b).slice(0, TOP_SCORES_KEPT);
      if (!kept.includes(selected)) kept.push(selected);
    }
    const scores = kept.map((i) => ({
      node: name(i),
      total: totals[i]!,
      plugins: columns.map(({ plugin, raw, normalized }) => ({
        plugin: plugin.name,
        raw: raw[i]!,
        normalized: normalized[i]!,
        weight: plugin.weight,
        weighted: normalized[i]! * plugin.weight,
      })),
    }));
    return { scores, selectedNode: name(selected) };
  }

  /** selectHost picks the top total; ties are broken by reservoir sampling, as schedule_one.go does. */
  private selectHost(totals: number[]): number {
    let selected = 0;
    let ties = 1;
    for (let i = 1; i < totals.length; i++) {
      if (totals[i]! > totals[selected]!) {
        selected = i;
        ties = 1;
      } else if (totals[i] === totals[selected]) {
        ties++;
        if (this.rng.int(ties) === 0) selected = i;
      }
    }
    return selected;
  }

  private bind(pod: Pod, node: string): void {
    const key = objectKey(pod);
    this.place(pod, node); // assume: later pods see this one's requests at once
    this.client.request(
      {
        verb: 'bind',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        body: {
          apiVersion: 'v1',
          kind: 'Binding',
          metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace },
          target: { kind: 'Node', name: node },
        },
      },
      (response) => {
        if (response.ok) {
          this.attempts.delete(key);
          this.recorder.normal(
            pod,
            'Scheduled',
            `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`,
          );
        } else {
          this.forget(pod);
          const latest = this.pods.get(key);
          if (latest && !latest.spec.nodeName) this.enqueue(key, this.attempts.get(key) ?? 0);
        }
      },
      { code: 'scheduler.bind', args: { pod: pod.metadata.name, node } },
    );
  }

  private failed(pod: Pod, message: string): void {
    const key = objectKey(pod);
    const attempts = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempts);
    this.unschedulable.set(key, attempts);
    this.recorder.warning(pod, 'FailedScheduling', message);
    const current = pod.status.conditions?.find((c) => c.type === 'PodScheduled');
    if (!current || current.message !== message) {
      const now = toTimestamp(this.clock.now);
      this.client.request(
        {
          verb: 'patch',
          resource: 'pods',
          namespace: pod.metadata.namespace,
          name: pod.metadata.name,
          subresource: 'status',
          patchType: 'strategic',
          patch: {
            status: {
              conditions: [
                {
                  type: 'PodScheduled',
                  status: 'False',
                  lastProbeTime: null,
                  lastTransitionTime: now,
                  reason: 'Unschedulable',
                  message,
                },
              ],
            },
          },
        },
        undefined,
        { code: 'scheduler.unschedulable', args: { pod: pod.metadata.name } },
      );
    }
    this.clock.schedule(UNSCHEDULABLE_FLUSH_MS, () => this.requeue(key), true);
  }

  /** retryUnschedulable moves waiting pods back after their back-off when the cluster changed. */
  private retryUnschedulable(): void {
    for (const [key, attempts] of this.unschedulable) {
      const backoff = Math.min(INITIAL_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
      this.clock.schedule(backoff, () => this.requeue(key));
    }
  }

  private requeue(key: string): void {
    const attempts = this.unschedulable.get(key);
    if (attempts === undefined) return;
    this.unschedulable.delete(key);
    this.enqueue(key, attempts);
  }
}

function isFinished(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

function schedulingRelevantChange(old: Node, node: Node): boolean {
  return (
    JSON.stringify(old.spec) !== JSON.stringify(node.spec) ||
    JSON.stringify(old.metadata.labels) !== JSON.stringify(node.metadata.labels) ||
    JSON.stringify(old.status.allocatable) !== JSON.stringify(node.status.allocatable)
  );
}

/**
 * fitError words FailedScheduling as framework.FitError does: a sorted histogram of reasons,
 * then what preemption concluded (nothing lower-priority to evict, or not helpful at all).
 */
export function fitError(
  total: number,
  failures: { reasons: string[]; unresolvable: boolean }[],
): string {
  const histogram = new Map<string, number>();
  for (const f of failures)
    for (const reason of f.reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
  const reasons = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort();
  const unresolvable = failures.filter((f) => f.unresolvable).length;
  const resolvable = failures.length - unresolvable;
  const preemption = [
    ...(unresolvable > 0 ? [`${unresolvable} Preemption is not helpful for scheduling`] : []),
    ...(resolvable > 0 ? [`${resolvable} No preemption victims found for incoming pod`] : []),
  ].sort();
  const head = `0/${total} nodes are available`;
  if (total === 0) return `${head}: no nodes available to schedule pods.`;
  return `${head}: ${reasons.join(', ')}. preemption: 0/${total} nodes are available: ${preemption.join(', ')}..`;
}
