import type { ApiServer } from '../apiserver/apiserver';
import { objectKey } from '../api/objects';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../api/storage-types';
import type {
  LabelSelector,
  LabelSelectorRequirement,
  Namespace,
  Node,
  Pod,
  PodDisruptionBudget,
  ReplicaSet,
  Service,
  StatefulSet,
} from '../api/types';
import { parseTimestamp, type Clock, type Random } from '../clock';
import { ApiClient } from '../client/client';
import { EventRecorder } from '../client/events';
import { Informer } from '../client/informer';
import { toTimestamp } from '../clock';
import { Heap } from '../heap';
import type { HopNote } from '../hops';
import {
  NodeInfo,
  affinityNodeLists,
  hasPodAffinity,
  type AffinityNodeLists,
  type ClusterSnapshot,
  type FilterResult,
  type FilterVerdict,
  type NodeFilter,
  type NodeScore,
  type NodeScorer,
  type SchedulingDecision,
} from './framework';
import { FILTER_PLUGINS, SCORE_PLUGINS } from './plugins';
import { reservePodVolumes } from './plugins/volume-binding';
import { VolumeBinder } from './plugins/volume-binding-binder';
import {
  NOT_HELPFUL,
  disruptionTarget,
  moreImportant,
  pickOneNodeForPreemption,
  podPriority,
  selectVictimsOnNode,
  type Candidate,
} from './preemption';

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
/** Preemption dry-runs at least this many candidate nodes, or this share of them (minCandidateNodesAbsolute/Percentage). */
const MIN_CANDIDATE_NODES = 100;
const MIN_CANDIDATE_NODES_PERCENT = 10;

/** A filter plugin prepared for one pod. */
interface PreparedFilter {
  name: string;
  filter: NodeFilter;
}

/** Why one node was rejected, kept for PostFilter (NodeToStatus) and the decision record. */
interface NodeFailure extends FilterResult {
  plugin: string;
  info: NodeInfo;
}

/** A decision whose per-node rows are built when it is first read (decisionFor). */
type DraftDecision = Omit<SchedulingDecision, 'filters' | 'scores'> & {
  rows(): Pick<SchedulingDecision, 'filters' | 'scores'>;
};

/**
 * The kept nodes' scores, a column per value: for each plugin that scored the raw then the
 * normalized scores, then the totals; row i of every column is nodes[i].
 */
interface ScoreTable {
  nodes: string[];
  /** the plugins that scored, as indices into SCORE_PLUGINS */
  scored: readonly number[];
  columns: ArrayLike<number>;
}

/** What DefaultPreemption concluded: a node made free, or why nothing could be. */
interface PostFilterResult {
  /** the status message, prefixed `preemption: `; empty when preemption made room */
  message: string;
  /** the nominated node to record: a name, '' to clear it, undefined to leave it */
  nominatedNode?: string;
  victims?: Pod[];
}

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
  private readonly services: Informer<Service>;
  private readonly replicaSets: Informer<ReplicaSet>;
  private readonly statefulSets: Informer<StatefulSet>;
  private readonly namespaces: Informer<Namespace>;
  private readonly pdbs: Informer<PodDisruptionBudget>;
  private readonly claims: Informer<PersistentVolumeClaim>;
  private readonly persistentVolumes: Informer<PersistentVolume>;
  private readonly storageClasses: Informer<StorageClass>;
  private readonly volumeBinder: VolumeBinder;
  /** pods waiting for preemption to finish, by the node they are nominated to (nominator) */
  private readonly nominated = new Map<string, Map<string, Pod>>();
  /** victims this scheduler is evicting: a preemptor waits for them instead of preempting again */
  private readonly preempting = new Set<string>();
  /** image name -> how many nodes have it, rebuilt when nodes change */
  private imageCounts?: Map<string, number>;
  private readonly nodeInfos = new Map<string, NodeInfo>();
  /** nodeInfos in order, replaced (never changed in place) when a node comes, goes or changes */
  private nodeList?: readonly NodeInfo[];
  /** the nodes of nodeList hosting pods with (anti-)affinity, rebuilt when those change */
  private affinityLists?: AffinityNodeLists;
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
  /** by pod uid; drafts become full records when first read */
  private readonly decisions = new Map<string, SchedulingDecision | DraftDecision>();
  private cycleScheduled = false;
  private nextStartNodeIndex = 0;
  /** scratch for scoring (see scoreColumns) */
  private scoreBuffer = new Float64Array(0);
  private scoreViews: Float64Array[] = [];

  constructor(
    api: ApiServer,
    private readonly clock: Clock,
    private readonly rng: Random,
  ) {
    this.client = new ApiClient(SCHEDULER, api);
    this.recorder = new EventRecorder(this.client, clock, { component: SCHEDULER_NAME });
    this.pods = new Informer<Pod>(api, SCHEDULER, 'pods');
    this.nodes = new Informer<Node>(api, SCHEDULER, 'nodes');
    this.services = new Informer<Service>(api, SCHEDULER, 'services');
    this.replicaSets = new Informer<ReplicaSet>(api, SCHEDULER, 'replicasets');
    this.statefulSets = new Informer<StatefulSet>(api, SCHEDULER, 'statefulsets');
    this.namespaces = new Informer<Namespace>(api, SCHEDULER, 'namespaces');
    this.pdbs = new Informer<PodDisruptionBudget>(api, SCHEDULER, 'poddisruptionbudgets');
    this.services.addIndex('namespace', (svc) => [svc.metadata.namespace ?? '']);
    this.claims = new Informer<PersistentVolumeClaim>(api, SCHEDULER, 'persistentvolumeclaims');
    this.persistentVolumes = new Informer<PersistentVolume>(api, SCHEDULER, 'persistentvolumes');
    this.storageClasses = new Informer<StorageClass>(api, SCHEDULER, 'storageclasses');
    this.volumeBinder = new VolumeBinder(
      this.client,
      clock,
      this.claims,
      this.persistentVolumes,
      this.storageClasses,
    );
    // VolumeBinding's events: a claim or volume that appears or changes may let a pod fit.
    const retry = {
      onAdd: () => this.retryUnschedulable(),
      onUpdate: () => this.retryUnschedulable(),
    };
    this.claims.addHandlers(retry);
    this.persistentVolumes.addHandlers(retry);
    this.nodes.addHandlers({
      onAdd: (node) => {
        this.nodeInfos.set(node.metadata.name, this.rebuild(node));
        this.nodesChanged();
        this.imageCounts = undefined;
        this.retryUnschedulable();
      },
      onUpdate: (old, node) => {
        this.nodeInfos.set(node.metadata.name, this.rebuild(node));
        this.nodesChanged();
        if (old.status.images !== node.status.images) this.imageCounts = undefined;
        if (schedulingRelevantChange(old, node)) this.retryUnschedulable();
      },
      onDelete: (node) => {
        this.nodeInfos.delete(node.metadata.name);
        this.nodesChanged();
        this.imageCounts = undefined;
      },
    });
    this.pods.addHandlers({
      onAdd: (pod) => this.observe(pod),
      onUpdate: (_old, pod) => this.observe(pod),
      onDelete: (pod) => {
        this.forget(pod);
        this.unnominate(pod);
        this.preempting.delete(pod.metadata.uid);
        this.unschedulable.delete(objectKey(pod));
        if (pod.spec.nodeName) this.retryUnschedulable();
      },
    });
  }

  start(): void {
    this.storageClasses.start();
    this.persistentVolumes.start();
    this.claims.start();
    this.namespaces.start();
    this.services.start();
    this.replicaSets.start();
    this.statefulSets.start();
    this.pdbs.start();
    this.nodes.start();
    this.pods.start();
  }

  /** decisionFor returns the latest scheduling decision for a pod, by uid. */
  decisionFor(uid: string): SchedulingDecision | undefined {
    const kept = this.decisions.get(uid);
    if (!kept || !('rows' in kept)) return kept;
    const { pod, podUid, time, feasibleNotScored, scoredNodes, rows, ...outcome } = kept;
    const { filters, scores } = rows();
    const decision = {
      pod,
      podUid,
      time,
      filters,
      feasibleNotScored,
      scoredNodes,
      scores,
      ...outcome,
    };
    this.decisions.set(uid, decision);
    return decision;
  }

  private nodeArray(): readonly NodeInfo[] {
    return (this.nodeList ??= [...this.nodeInfos.values()]);
  }

  /** nodesChanged drops the node list and what is derived from it: a node came, went or changed. */
  private nodesChanged(): void {
    this.nodeList = undefined;
    this.affinityLists = undefined;
  }

  private rebuild(node: Node): NodeInfo {
    const info = new NodeInfo(node);
    const previous = this.nodeInfos.get(node.metadata.name);
    if (previous) for (const pod of previous.pods.values()) info.addPod(pod);
    return info;
  }

  private observe(pod: Pod): void {
    const key = objectKey(pod);
    this.unnominate(pod);
    const nominatedNode = pod.status.nominatedNodeName;
    if (nominatedNode && !pod.spec.nodeName && !pod.metadata.deletionTimestamp) {
      let pods = this.nominated.get(nominatedNode);
      if (!pods) this.nominated.set(nominatedNode, (pods = new Map()));
      pods.set(pod.metadata.uid, pod);
    }
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
    if (hasPodAffinity(pod)) this.affinityLists = undefined;
  }

  private unnominate(pod: Pod): void {
    for (const [node, pods] of this.nominated)
      if (pods.delete(pod.metadata.uid) && pods.size === 0) this.nominated.delete(node);
  }

  private forget(pod: Pod): void {
    const node = this.placement.get(pod.metadata.uid);
    if (node) this.nodeInfos.get(node)?.removePod(pod.metadata.uid);
    this.placement.delete(pod.metadata.uid);
    if (hasPodAffinity(pod)) this.affinityLists = undefined;
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
    const { decision, failures } = this.decide(pod);
    let postFilter: PostFilterResult | undefined;
    if (!decision.selectedNode && failures.length > 0) {
      postFilter = this.preempt(pod, failures);
      decision.failure = fitError(this.nodeInfos.size, failures, postFilter.message);
      if (postFilter.nominatedNode) {
        decision.nominatedNode = postFilter.nominatedNode;
        decision.victims = (postFilter.victims ?? []).map(objectKey);
      }
    }
    this.decisions.delete(pod.metadata.uid);
    this.decisions.set(pod.metadata.uid, decision);
    if (this.decisions.size > DECISIONS_KEPT)
      this.decisions.delete(this.decisions.keys().next().value!);
    if (decision.selectedNode) this.bindingCycle(pod, decision.selectedNode);
    else this.failed(pod, decision.failure!, postFilter?.nominatedNode);
  }

  private numFeasibleNodesToFind(total: number): number {
    if (total < MIN_FEASIBLE_NODES) return total;
    const percentage = Math.max(5, 50 - Math.floor(total / 125));
    return Math.max(MIN_FEASIBLE_NODES, Math.floor((total * percentage) / 100));
  }

  /** snapshot is what plugins may look at beyond one node: every node and the listers. */
  private snapshot(nodes: readonly NodeInfo[]): ClusterSnapshot {
    // The scheduler's own node list keeps its affinity lists between cycles; preemption's what-if
    // lists (one node swapped for a trial copy) build their own.
    let trialLists: AffinityNodeLists | undefined;
    const lists = () =>
      nodes === this.nodeList
        ? (this.affinityLists ??= affinityNodeLists(nodes))
        : (trialLists ??= affinityNodeLists(nodes));
    return {
      nodes,
      havePodsWithAffinity: () => lists().withAffinity,
      havePodsWithRequiredAntiAffinity: () => lists().withRequiredAntiAffinity,
      namespaceLabels: (namespace) => this.namespaces.get(namespace)?.metadata.labels,
      defaultSelector: (pod) => this.defaultSelector(pod),
      imageNodeCounts: () => (this.imageCounts ??= countImages(this.nodeInfos.values())),
      volumes: this.volumeBinder.listers,
    };
  }

  /** helper.DefaultSelector: Services selecting the pod, ANDed with its ReplicaSet's or StatefulSet's selector. */
  private defaultSelector(pod: Pod): LabelSelector | undefined {
    const namespace = pod.metadata.namespace ?? '';
    const labels = pod.metadata.labels ?? {};
    const matchLabels: Record<string, string> = {};
    for (const svc of this.services.byIndex('namespace', namespace)) {
      const selector = svc.spec.selector ?? {};
      if (Object.entries(selector).every(([k, v]) => labels[k] === v))
        Object.assign(matchLabels, selector);
    }
    const matchExpressions: LabelSelectorRequirement[] = [];
    const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
    const controller =
      owner?.apiVersion === 'apps/v1' && owner.kind === 'ReplicaSet'
        ? this.replicaSets.get(`${namespace}/${owner.name}`)
        : owner?.apiVersion === 'apps/v1' && owner.kind === 'StatefulSet'
          ? this.statefulSets.get(`${namespace}/${owner.name}`)
          : undefined;
    if (controller) {
      const selector = controller.spec.selector;
      for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
        matchExpressions.push({ key, operator: 'In', values: [value] });
      matchExpressions.push(...(selector.matchExpressions ?? []));
    }
    if (Object.keys(matchLabels).length === 0 && matchExpressions.length === 0) return undefined;
    return { matchLabels, matchExpressions };
  }

  /** prepareFilters runs every filter plugin's PreFilter for the pod. */
  private prepareFilters(pod: Pod, cluster: ClusterSnapshot): PreparedFilter[] {
    const prepared: PreparedFilter[] = [];
    for (const plugin of FILTER_PLUGINS) {
      const filter = plugin.preFilter(pod, cluster);
      if (!filter) continue;
      // A PreFilter that rejects the pod outright ends the cycle before any Filter runs.
      const first = cluster.nodes[0];
      if (first && filter(first)?.preFilter) return [{ name: plugin.name, filter }];
      prepared.push({ name: plugin.name, filter });
    }
    return prepared;
  }

  /**
   * runFilters is RunFilterPluginsWithNominatedPods: pods nominated to the node with at least
   * this pod's priority count as already there, so preemption's room is not taken by others.
   */
  private runFilters(
    pod: Pod,
    info: NodeInfo,
    filters: readonly PreparedFilter[],
  ): { plugin: string; result: FilterResult } | undefined {
    const nominated =
      this.nominated.size > 0 ? this.nominated.get(info.node.metadata.name) : undefined;
    let target = info;
    if (nominated) {
      const ahead = [...nominated.values()].filter(
        (p) => p.metadata.uid !== pod.metadata.uid && podPriority(p) >= podPriority(pod),
      );
      if (ahead.length > 0) {
        target = info.clone();
        for (const p of ahead) target.addPod(p);
      }
    }
    // Indexed: this runs for every plugin on hundreds of nodes a cycle.
    for (let f = 0; f < filters.length; f++) {
      const result = filters[f]!.filter(target);
      if (result) return { plugin: filters[f]!.name, result };
    }
    return undefined;
  }

  /**
   * decide runs the filters and scores for one pod. The verdict and score rows are built only if
   * the decision is read: most never are, and at a thousand nodes they would cost more than
   * scheduling.
   */
  private decide(pod: Pod): { decision: DraftDecision; failures: NodeFailure[] } {
    const infos = this.nodeArray();
    const cluster = this.snapshot(infos);
    const filtersForPod = this.prepareFilters(pod, cluster);
    const podKey = objectKey(pod);
    const time = this.clock.now;
    // A node nominated by an earlier preemption is likely the only one that fits: try it first.
    const nominated = pod.status.nominatedNodeName
      ? this.nodeInfos.get(pod.status.nominatedNodeName)
      : undefined;
    if (nominated && !this.runFilters(pod, nominated, filtersForPod)) {
      const node = nominated.node.metadata.name;
      return {
        decision: {
          pod: podKey,
          podUid: pod.metadata.uid,
          time,
          feasibleNotScored: infos.length - 1,
          scoredNodes: 1,
          selectedNode: node,
          rows: () => ({
            filters: [{ node, reasons: [] }],
            scores: [{ node, plugins: [], total: 0 }],
          }),
        },
        failures: [],
      };
    }
    const wanted = this.numFeasibleNodesToFind(infos.length);
    const feasible: NodeInfo[] = [];
    const start = this.nextStartNodeIndex;
    let examined = 0;
    const failures: NodeFailure[] = [];
    for (let i = 0; i < infos.length && feasible.length < wanted; i++, examined++) {
      const info = infos[(start + i) % infos.length]!;
      const failed = this.runFilters(pod, info, filtersForPod);
      if (failed) failures.push(nodeFailure(failed.plugin, failed.result, info));
      else feasible.push(info);
    }
    if (infos.length > 0) this.nextStartNodeIndex = (start + examined) % infos.length;
    const filters = () =>
      infos.length <= DETAILED_NODES
        ? everyVerdict(infos, start, examined, failures)
        : failures.map(failedVerdict);
    if (feasible.length === 0) {
      return {
        decision: {
          pod: podKey,
          podUid: pod.metadata.uid,
          time,
          feasibleNotScored: infos.length - examined,
          scoredNodes: 0,
          failure: fitError(infos.length, failures, ''),
          rows: () => ({ filters: filters(), scores: [] }),
        },
        failures,
      };
    }
    const { scores, selectedNode, skippedScorePlugins } = this.score(pod, feasible, cluster);
    const decision: DraftDecision = {
      pod: podKey,
      podUid: pod.metadata.uid,
      time,
      feasibleNotScored: infos.length - examined,
      scoredNodes: feasible.length,
      selectedNode,
      rows: () => ({ filters: filters(), scores: scores() }),
    };
    if (skippedScorePlugins) decision.skippedScorePlugins = skippedScorePlugins;
    return { decision, failures };
  }

  /**
   * score is RunPreScorePlugins then RunScorePlugins: a plugin whose PreScore skips (nothing to
   * score for this pod) is not run, as in kube-scheduler. It picks the winner and keeps the
   * scores of every node in small clusters (of the top nodes only in large ones).
   */
  private score(
    pod: Pod,
    feasible: NodeInfo[],
    cluster: ClusterSnapshot,
  ): {
    scores: () => NodeScore[];
    selectedNode: string;
    skippedScorePlugins?: readonly string[];
  } {
    const count = feasible.length;
    if (count === 1) {
      const node = feasible[0]!.node.metadata.name;
      return { scores: () => [{ node, plugins: [], total: 0 }], selectedNode: node };
    }
    const scored: number[] = [];
    const scorers: NodeScorer[] = [];
    let skipped = 0;
    for (let p = 0; p < SCORE_PLUGINS.length; p++) {
      const scorer = SCORE_PLUGINS[p]!.preScore(pod, feasible, cluster);
      if (scorer) {
        scored.push(p);
        scorers.push(scorer);
      } else skipped |= 1 << p;
    }
    // Per scored plugin the raw then the normalized scores, then the totals (see ScoreTable), in
    // scratch columns that outlive the cycle: allocating them every cycle costs more than the
    // scoring. The decision keeps a copy of the rows it records.
    const columns = this.scoreColumns(2 * scored.length + 1, count);
    const totals = columns[2 * scored.length]!.fill(0);
    for (let k = 0; k < scored.length; k++) {
      const scorer = scorers[k]!;
      const raw = columns[2 * k]!;
      const normalized = columns[2 * k + 1]!;
      scorer.score(feasible, raw);
      normalized.set(raw);
      scorer.normalize?.(normalized, feasible);
      const weight = SCORE_PLUGINS[scored[k]!]!.weight;
      for (let i = 0; i < count; i++) totals[i]! += normalized[i]! * weight;
    }
    const selected = this.selectHost(totals);
    // Small clusters keep every row, large ones the top scores and the winner. A plain array: for
    // the few rows kept this beats a typed array, and for up to a hundred it spares the garbage
    // collector a buffer outside the heap per decision.
    let kept: number[] | undefined;
    if (count > DETAILED_NODES) {
      kept = topScores(totals, TOP_SCORES_KEPT);
      if (!kept.includes(selected)) kept.push(selected);
    }
    const rows = kept ? kept.length : count;
    const keptColumns = new Array<number>(columns.length * rows);
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      const offset = c * rows;
      if (kept) for (let r = 0; r < rows; r++) keptColumns[offset + r] = column[kept[r]!]!;
      else for (let r = 0; r < rows; r++) keptColumns[offset + r] = column[r]!;
    }
    const nodes = new Array<string>(rows);
    for (let r = 0; r < rows; r++) nodes[r] = feasible[kept ? kept[r]! : r]!.node.metadata.name;
    const table: ScoreTable = { nodes, scored, columns: keptColumns };
    return {
      scores: () => scoreRows(table),
      selectedNode: feasible[selected]!.node.metadata.name,
      skippedScorePlugins: skipped === 0 ? undefined : pluginNames(skipped),
    };
  }

  /**
   * scoreColumns returns `columns` scratch columns of `count` scores each, views into one buffer
   * that are kept while the sizes stay the same (they do, cycle after cycle, in a steady cluster).
   */
  private scoreColumns(columns: number, count: number): Float64Array[] {
    const views = this.scoreViews;
    if (views.length === columns && views[0]?.length === count) return views;
    if (this.scoreBuffer.length < columns * count)
      this.scoreBuffer = new Float64Array(columns * count);
    this.scoreViews = Array.from({ length: columns }, (_, c) =>
      this.scoreBuffer.subarray(c * count, (c + 1) * count),
    );
    return this.scoreViews;
  }

  private startTime = (pod: Pod): number | undefined =>
    pod.status.startTime ? parseTimestamp(pod.status.startTime) : undefined;

  /**
   * preempt is DefaultPreemption's PostFilter: when no node fits, find nodes where evicting
   * lower-priority pods makes room, pick the best, evict its victims and nominate the node.
   */
  private preempt(pod: Pod, failures: NodeFailure[]): PostFilterResult {
    const total = this.nodeInfos.size;
    if (pod.spec.preemptionPolicy === 'Never')
      return { message: 'preemption: not eligible due to preemptionPolicy=Never.' };
    const nominatedNode = pod.status.nominatedNodeName;
    const nominatedFailure = failures.find((f) => f.info.node.metadata.name === nominatedNode);
    const nominatedInfo = nominatedNode ? this.nodeInfos.get(nominatedNode) : undefined;
    if (nominatedInfo && !nominatedFailure?.unresolvable) {
      for (const p of nominatedInfo.pods.values())
        if (podPriority(p) < podPriority(pod) && this.preempting.has(p.metadata.uid))
          return {
            message: 'preemption: not eligible due to a terminating pod on the nominated node.',
          };
    }
    const potential = failures.filter((f) => !f.unresolvable);
    const statuses: FilterResult[] = failures
      .filter((f) => f.unresolvable)
      .map(() => ({ reasons: [NOT_HELPFUL], unresolvable: true }));
    const candidates: Candidate[] = [];
    if (potential.length > 0) {
      const infos = this.nodeArray();
      const pdbs = this.pdbs.list();
      const order = moreImportant(this.clock.now, this.startTime);
      const wanted = Math.min(
        potential.length,
        Math.max(
          MIN_CANDIDATE_NODES,
          Math.floor((potential.length * MIN_CANDIDATE_NODES_PERCENT) / 100),
        ),
      );
      const offset = this.rng.int(potential.length);
      for (let i = 0; i < potential.length && candidates.length < wanted; i++) {
        const { info } = potential[(offset + i) % potential.length]!;
        const fits = (trial: NodeInfo) => {
          // The filters see the cluster as it would be with this node's victims gone.
          const cluster = this.snapshot(infos.map((n) => (n === info ? trial : n)));
          return this.runFilters(pod, trial, this.prepareFilters(pod, cluster))?.result;
        };
        const result = selectVictimsOnNode(pod, info, pdbs, order, fits);
        if ('pods' in result) candidates.push({ node: info.node.metadata.name, ...result });
        else statuses.push(result);
      }
    }
    const best = pickOneNodeForPreemption(candidates, this.startTime);
    if (!best) {
      statuses.push(
        ...new Array<FilterResult>(Math.max(0, total - statuses.length)).fill({
          reasons: [NOT_HELPFUL],
          unresolvable: true,
        }),
      );
      return {
        message: `preemption: ${fitError(total, statuses, '')}`,
        nominatedNode: '',
      };
    }
    this.evict(pod, best);
    return { message: '', nominatedNode: best.node, victims: best.pods };
  }

  /** evict is prepareCandidate: delete each victim gracefully and clear lower nominations there. */
  private evict(preemptor: Pod, candidate: Candidate): void {
    for (const victim of candidate.pods) {
      if (victim.metadata.deletionTimestamp) continue;
      this.preempting.add(victim.metadata.uid);
      this.patchStatus(
        victim,
        { conditions: [disruptionTarget(preemptor, toTimestamp(this.clock.now))] },
        { code: 'scheduler.disruptionTarget', args: { pod: victim.metadata.name } },
      );
      this.client.request(
        {
          verb: 'delete',
          resource: 'pods',
          namespace: victim.metadata.namespace,
          name: victim.metadata.name,
        },
        undefined,
        {
          code: 'scheduler.preempt',
          args: {
            pod: victim.metadata.name,
            preemptor: preemptor.metadata.name,
            node: candidate.node,
          },
        },
      );
      this.recorder.normal(
        victim,
        'Preempted',
        `Preempted by pod ${preemptor.metadata.uid} on node ${candidate.node}`,
      );
    }
    for (const other of this.nominated.get(candidate.node)?.values() ?? [])
      if (podPriority(other) < podPriority(preemptor)) this.patchNomination(other, '');
  }

  private patchNomination(pod: Pod, node: string): void {
    this.patchStatus(
      pod,
      { nominatedNodeName: node === '' ? null : node },
      { code: 'scheduler.nominate', args: { pod: pod.metadata.name, node } },
    );
  }

  /** patchStatus is util.PatchPodStatus: a strategic merge patch of the pod's status. */
  private patchStatus(pod: Pod, status: object, note: HopNote): void {
    this.client.request(
      {
        verb: 'patch',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        subresource: 'status',
        patchType: 'strategic',
        patch: { status },
      },
      undefined,
      note,
    );
  }

  /** selectHost picks the top total; ties are broken by reservoir sampling, as schedule_one.go does. */
  private selectHost(totals: Float64Array): number {
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

  /**
   * bindingCycle is Reserve, PreBind and Bind: a pod whose WaitForFirstConsumer claims need a
   * volume bound or provisioned on the node stays assumed there (Pending, not yet bound) until
   * VolumeBinding's PreBind has them all Bound; a PreBind error is a scheduling failure.
   */
  private bindingCycle(pod: Pod, node: string): void {
    const info = this.nodeInfos.get(node)!;
    const podVolumes = reservePodVolumes(pod, info.node, this.volumeBinder.listers);
    if (!podVolumes) return this.bind(pod, node);
    const writes = this.volumeBinder.assume(podVolumes, node);
    this.place(pod, node);
    // A pod deleted meanwhile is forgotten: its PreBind stops waiting.
    const assumed = () => this.placement.get(pod.metadata.uid) === node;
    this.volumeBinder.bind(pod, info.node, podVolumes, writes, assumed, (error) => {
      if (!error) return this.bind(pod, node);
      this.volumeBinder.revert(podVolumes);
      this.forget(pod);
      const latest = this.pods.get(objectKey(pod));
      if (latest && !latest.spec.nodeName)
        this.failed(latest, `running PreBind plugin "VolumeBinding": ${error}`, undefined, true);
    });
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

  /**
   * failed is handleSchedulingFailure: a FailedScheduling event, and the PodScheduled condition
   * (and nominatedNodeName, when preemption set or cleared it) patched if they changed.
   */
  private failed(
    pod: Pod,
    message: string,
    nominatedNode: string | undefined,
    schedulerError = false,
  ): void {
    const key = objectKey(pod);
    const attempts = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempts);
    this.unschedulable.set(key, attempts);
    this.recorder.warning(pod, 'FailedScheduling', message);
    const current = pod.status.conditions?.find((c) => c.type === 'PodScheduled');
    const nominationChanged =
      nominatedNode !== undefined && (pod.status.nominatedNodeName ?? '') !== nominatedNode;
    if (!current || current.message !== message || nominationChanged) {
      this.patchStatus(
        pod,
        {
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              lastProbeTime: null,
              lastTransitionTime: toTimestamp(this.clock.now),
              reason: schedulerError ? 'SchedulerError' : 'Unschedulable',
              message,
            },
          ],
          ...(nominationChanged ? { nominatedNodeName: nominatedNode || null } : {}),
        },
        { code: 'scheduler.unschedulable', args: { pod: pod.metadata.name } },
      );
    }
    // An error (not a misfit) sends the pod to the backoff queue: it is retried after its back-off.
    if (schedulerError) this.clock.schedule(backoffMs(attempts), () => this.requeue(key));
    this.clock.schedule(UNSCHEDULABLE_FLUSH_MS, () => this.requeue(key), true);
  }

  /** retryUnschedulable moves waiting pods back after their back-off when the cluster changed. */
  private retryUnschedulable(): void {
    for (const [key, attempts] of this.unschedulable)
      this.clock.schedule(backoffMs(attempts), () => this.requeue(key));
  }

  private requeue(key: string): void {
    const attempts = this.unschedulable.get(key);
    if (attempts === undefined) return;
    this.unschedulable.delete(key);
    this.enqueue(key, attempts);
  }
}

/** backoffMs is a pod's back-off after `attempts` failed attempts: 1s doubling to 10s. */
function backoffMs(attempts: number): number {
  return Math.min(INITIAL_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
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
 * fitError words FailedScheduling as framework.FitError does: a sorted histogram of reasons, then
 * what PostFilter (preemption) said, if anything, each followed by a period.
 */
export function fitError(
  total: number,
  failures: readonly FilterResult[],
  postFilter: string,
): string {
  const head = `0/${total} nodes are available`;
  if (total === 0) return `${head}: no nodes available to schedule pods.`;
  const preFilter = failures.find((f) => f.preFilter);
  if (preFilter)
    return `${head}: ${preFilter.reasons.join(', ')}.${postFilter ? ` ${postFilter}.` : ''}`;
  const histogram = new Map<string, number>();
  for (const f of failures)
    for (const reason of f.reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
  const reasons = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort();
  return `${head}: ${reasons.join(', ')}.${postFilter ? ` ${postFilter}.` : ''}`;
}

/** countImages is ImageStateSummary.NumNodes for every image name any node reports. */
function countImages(infos: Iterable<NodeInfo>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const info of infos)
    for (const name of info.images.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

/** nodeFailure is one rejected node; an object literal, not a spread: spreads are slow in the node loop. */
function nodeFailure(plugin: string, result: FilterResult, info: NodeInfo): NodeFailure {
  const failure: NodeFailure = {
    reasons: result.reasons,
    unresolvable: result.unresolvable,
    plugin,
    info,
  };
  if (result.preFilter) failure.preFilter = true;
  return failure;
}

function failedVerdict(failure: NodeFailure): FilterVerdict {
  return {
    node: failure.info.node.metadata.name,
    failedPlugin: failure.plugin,
    reasons: failure.reasons,
  };
}

/** everyVerdict lists every examined node in the order examined, failed or passed. */
function everyVerdict(
  infos: readonly NodeInfo[],
  start: number,
  examined: number,
  failures: readonly NodeFailure[],
): FilterVerdict[] {
  const verdicts: FilterVerdict[] = [];
  let next = 0;
  for (let i = 0; i < examined; i++) {
    const info = infos[(start + i) % infos.length]!;
    const failure = failures[next];
    if (failure?.info === info) {
      verdicts.push(failedVerdict(failure));
      next++;
    } else {
      verdicts.push({ node: info.node.metadata.name, reasons: [] });
    }
  }
  return verdicts;
}

/** topScores is the indices of the `count` highest totals, best first, ties to the lower index. */
function topScores(totals: Float64Array, count: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < totals.length; i++) {
    if (top.length === count && totals[i]! <= totals[top[count - 1]!]!) continue;
    let at = Math.min(top.length, count - 1);
    while (at > 0 && totals[i]! > totals[top[at - 1]!]!) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = i;
  }
  return top;
}

function scoreRows({ nodes, scored, columns }: ScoreTable): NodeScore[] {
  const rows = nodes.length;
  return nodes.map((node, row) => ({
    node,
    total: columns[2 * scored.length * rows + row]!,
    plugins: scored.map((p, k) => {
      const plugin = SCORE_PLUGINS[p]!;
      const normalized = columns[(2 * k + 1) * rows + row]!;
      return {
        plugin: plugin.name,
        raw: columns[2 * k * rows + row]!,
        normalized,
        weight: plugin.weight,
        weighted: normalized * plugin.weight,
      };
    }),
  }));
}

/** The names of the score plugins a bit set selects, one shared array per set seen. */
const pluginNamesBySet = new Map<number, readonly string[]>();

function pluginNames(set: number): readonly string[] {
  let names = pluginNamesBySet.get(set);
  if (!names) {
    names = Object.freeze(SCORE_PLUGINS.filter((_, p) => set & (1 << p)).map((p) => p.name));
    pluginNamesBySet.set(set, names);
  }
  return names;
}
