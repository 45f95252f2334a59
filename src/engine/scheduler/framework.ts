import { podRequests, type PodRequests } from '../api/pod';
import { bytes, milliCores } from '../api/quantity';
import type { LabelSelector, Node, Pod, Taint } from '../api/types';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../api/storage-types';

/**
 * The scheduling framework (pkg/scheduler/framework): a NodeInfo per node with what is already
 * placed there, filter plugins that say whether a pod fits a node and why not, score plugins that
 * rank the nodes that passed.
 */

/** Defaults the scheduler assumes for scoring when a container requests nothing (non-zero requests). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;
export const MAX_NODE_SCORE = 100;

export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** A host port a pod claims on its node: hostIP (0.0.0.0 when unset), protocol, port. */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export class NodeInfo {
  readonly pods = new Map<string, Pod>();
  /**
   * pods.size, podsWithAffinity.size and podsWithRequiredAntiAffinity.size as plain fields: the
   * filters and scores read them on hundreds of nodes a cycle, and a Map's size is further away.
   */
  podCount = 0;
  affinityPodCount = 0;
  requiredAntiAffinityPodCount = 0;
  /** updated in place: read on every node examined, so kept next to the NodeInfo */
  readonly requested: PodRequests = { milliCpu: 0, memory: 0 };
  readonly nonZeroRequested: PodRequests = { milliCpu: 0, memory: 0 };
  /** node.spec.unschedulable and taints, read by the filters on every node examined */
  readonly unschedulable: boolean;
  readonly taints: readonly Taint[];
  readonly allocatable: { milliCpu: number; memory: number; pods: number };
  /** host ports in use, by pod uid (NodeInfo.UsedPorts) */
  readonly usedPorts = new Map<string, HostPort[]>();
  /** pods here with any pod affinity or anti-affinity (NodeInfo.PodsWithAffinity) */
  readonly podsWithAffinity = new Map<string, Pod>();
  /** pods here with required anti-affinity (NodeInfo.PodsWithRequiredAntiAffinity) */
  readonly podsWithRequiredAntiAffinity = new Map<string, Pod>();
  /** the node's labels: plugins look up topology keys on every node of every cycle */
  private readonly labels: ReadonlyMap<string, string>;
  /** the hostname and zone labels, kept on the object itself: the system default spreading reads them most */
  private readonly hostname: string | undefined;
  private readonly zone: string | undefined;
  /** image name -> size, from node.status.images (NodeInfo.ImageStates) */
  readonly images = new Map<string, number>();
  /** bumped whenever the node's pods change, so per-node caches know when to recount */
  generation = 0;
  /** matching-pod counts by selector, valid while generation is unchanged (see podCounter) */
  readonly matchCounts = new Map<number, { generation: number; count: number }>();
  /** the last count podCounter took here, checked before matchCounts: most cycles ask for one selector */
  lastCountSelector = -1;
  lastCountGeneration = -1;
  lastCount = 0;

  constructor(readonly node: Node) {
    const a = node.status.allocatable;
    this.allocatable = {
      milliCpu: milliCores(a.cpu),
      memory: bytes(a.memory),
      pods: Number(a.pods ?? 110),
    };
    this.unschedulable = node.spec.unschedulable === true;
    this.taints = node.spec.taints ?? [];
    this.labels = new Map(Object.entries(node.metadata.labels ?? {}));
    this.hostname = this.labels.get(HOSTNAME_LABEL);
    this.zone = this.labels.get(ZONE_LABEL);
    for (const image of node.status.images ?? [])
      for (const name of image.names) this.images.set(name, image.sizeBytes);
  }

  /** label is the node's value for a label key, undefined when it has none. */
  label(key: string): string | undefined {
    if (key === HOSTNAME_LABEL) return this.hostname;
    if (key === ZONE_LABEL) return this.zone;
    return this.labels.get(key);
  }

  /** clone copies the node's accounting, for preemption's what-if runs. */
  clone(): NodeInfo {
    const copy = new NodeInfo(this.node);
    for (const pod of this.pods.values()) copy.addPod(pod);
    return copy;
  }

  addPod(pod: Pod): void {
    const uid = pod.metadata.uid;
    if (this.pods.has(uid)) this.removePod(uid);
    this.pods.set(uid, pod);
    this.generation++;
    this.account(pod, 1);
    const ports = hostPorts(pod);
    if (ports.length > 0) this.usedPorts.set(uid, ports);
    if (hasPodAffinity(pod)) this.podsWithAffinity.set(uid, pod);
    if (pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length)
      this.podsWithRequiredAntiAffinity.set(uid, pod);
    this.countPods();
  }

  removePod(uid: string): void {
    const pod = this.pods.get(uid);
    if (!pod) return;
    this.pods.delete(uid);
    this.generation++;
    this.account(pod, -1);
    this.usedPorts.delete(uid);
    this.podsWithAffinity.delete(uid);
    this.podsWithRequiredAntiAffinity.delete(uid);
    this.countPods();
  }

  private countPods(): void {
    this.podCount = this.pods.size;
    this.affinityPodCount = this.podsWithAffinity.size;
    this.requiredAntiAffinityPodCount = this.podsWithRequiredAntiAffinity.size;
  }

  private account(pod: Pod, sign: 1 | -1): void {
    const req = podRequests(pod.spec);
    const nz = nonZeroRequests(pod);
    this.requested.milliCpu += sign * req.milliCpu;
    this.requested.memory += sign * req.memory;
    this.nonZeroRequested.milliCpu += sign * nz.milliCpu;
    this.nonZeroRequested.memory += sign * nz.memory;
  }
}

/** hasPodAffinity tells whether a pod has pod affinity or anti-affinity terms (NodeInfo.PodsWithAffinity). */
export function hasPodAffinity(pod: Pod): boolean {
  const affinity = pod.spec.affinity;
  return affinity?.podAffinity !== undefined || affinity?.podAntiAffinity !== undefined;
}

/** hostPorts lists the host ports a pod's containers ask for (getContainerPorts). */
export function hostPorts(pod: Pod): HostPort[] {
  const ports: HostPort[] = [];
  for (const c of pod.spec.containers)
    for (const p of c.ports ?? [])
      if (p.hostPort && p.hostPort > 0)
        ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
  return ports;
}

const nonZeroBySpec = new WeakMap<Pod['spec'], PodRequests>();

/** the requested cpu (milli) or memory (bytes) on the node, non-zero defaults, with nz added */
export function requestedCpuWith(nodeInfo: NodeInfo, nz: PodRequests): number {
  return nodeInfo.nonZeroRequested.milliCpu + nz.milliCpu;
}

export function requestedMemoryWith(nodeInfo: NodeInfo, nz: PodRequests): number {
  return nodeInfo.nonZeroRequested.memory + nz.memory;
}

/** nonZeroRequests counts a container that requests nothing as 100m CPU and 200Mi memory. */
export function nonZeroRequests(pod: Pod): PodRequests {
  const cached = nonZeroBySpec.get(pod.spec);
  if (cached) return cached;
  let milliCpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers) {
    const cpu = c.resources?.requests?.cpu ?? c.resources?.limits?.cpu;
    const mem = c.resources?.requests?.memory ?? c.resources?.limits?.memory;
    milliCpu += cpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : milliCores(cpu);
    memory += mem === undefined ? DEFAULT_MEMORY_REQUEST : bytes(mem);
  }
  const requests = { milliCpu, memory };
  if (Object.isFrozen(pod.spec)) nonZeroBySpec.set(pod.spec, requests);
  return requests;
}

/**
 * A FilterResult is why a node was rejected. `unresolvable` marks reasons preemption cannot
 * fix (UnschedulableAndUnresolvable), which the FailedScheduling message words differently.
 */
export interface FilterResult {
  reasons: string[];
  unresolvable: boolean;
  /** the pod fits no node at all (a PreFilter's Unschedulable): FailedScheduling says it once, uncounted */
  preFilter?: boolean;
}

/**
 * VolumeListers are the claims, volumes and classes the VolumeBinding plugin reads, with what the
 * scheduler has assumed but not yet seen come back (its assume caches).
 */
export interface VolumeListers {
  claim(namespace: string, name: string): PersistentVolumeClaim | undefined;
  persistentVolume(name: string): PersistentVolume | undefined;
  persistentVolumes(): PersistentVolume[];
  storageClass(name: string): StorageClass | undefined;
}

/**
 * What the scheduler's snapshot offers plugins beyond the node being examined: every node (for
 * topology counts) and the listers the default plugins use.
 */
export interface ClusterSnapshot {
  /** every node the scheduler knows, with the pods placed on it */
  readonly nodes: readonly NodeInfo[];
  /** the nodes with a pod that has pod affinity or anti-affinity (HavePodsWithAffinityList) */
  havePodsWithAffinity(): readonly NodeInfo[];
  /** the nodes with a pod that has required anti-affinity (HavePodsWithRequiredAntiAffinityList) */
  havePodsWithRequiredAntiAffinity(): readonly NodeInfo[];
  /** a namespace's labels, for affinity terms with a namespaceSelector */
  namespaceLabels(namespace: string): Record<string, string> | undefined;
  /**
   * helper.DefaultSelector: the labels of the Services selecting the pod, ANDed with the selector
   * of the ReplicaSet or StatefulSet that controls it; undefined when there is none.
   */
  defaultSelector(pod: Pod): LabelSelector | undefined;
  /** how many nodes report each image name (ImageStateSummary.NumNodes) */
  imageNodeCounts(): ReadonlyMap<string, number>;
  /** the storage listers, where the scheduler has them */
  volumes?: VolumeListers;
}

/**
 * AffinityNodeLists are the snapshot's lists of nodes hosting pods with (anti-)affinity, in
 * node order: the InterPodAffinity plugin reads these instead of every node.
 */
export interface AffinityNodeLists {
  withAffinity: NodeInfo[];
  withRequiredAntiAffinity: NodeInfo[];
}

/** affinityNodeLists builds the lists as the snapshot does when it is updated (updateNodeInfoSnapshotList). */
export function affinityNodeLists(nodes: readonly NodeInfo[]): AffinityNodeLists {
  const lists: AffinityNodeLists = { withAffinity: [], withRequiredAntiAffinity: [] };
  for (const info of nodes) {
    if (info.affinityPodCount > 0) lists.withAffinity.push(info);
    if (info.requiredAntiAffinityPodCount > 0) lists.withRequiredAntiAffinity.push(info);
  }
  return lists;
}

/** A NodeFilter is a filter plugin prepared for one pod: it checks one node. */
export type NodeFilter = (node: NodeInfo) => FilterResult | undefined;

export interface FilterPlugin {
  name: string;
  /**
   * PreFilter then Filter: precomputes what the filter needs for this pod (topology counts, the
   * pod's requests) and returns the per-node check, or undefined when the plugin has nothing to
   * check for this pod (Skip).
   */
  preFilter(pod: Pod, cluster: ClusterSnapshot): NodeFilter | undefined;
}

/** A NodeScorer is a score plugin prepared for one pod over the feasible nodes. */
export interface NodeScorer {
  /**
   * score writes each feasible node's raw score: scores[i] for nodes[i]. One call per plugin
   * keeps the per-node loop inside the plugin, where the call is the same every time.
   */
  score(nodes: readonly NodeInfo[], scores: Float64Array): void;
  /**
   * NormalizeScore: rewrites the raw scores (one per feasible node, same order) to 0..100 in
   * place; the scheduler hands it a copy, keeping the raw scores for the decision record.
   */
  normalize?(scores: Float64Array, nodes: readonly NodeInfo[]): void;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  /**
   * PreScore: precomputes per-pod state over the feasible nodes and returns the scorer, or
   * undefined when the plugin has nothing to score (Skip: the framework then does not run its
   * Score). A plugin without a PreScore in kube-scheduler never skips.
   */
  preScore(
    pod: Pod,
    feasible: readonly NodeInfo[],
    cluster: ClusterSnapshot,
  ): NodeScorer | undefined;
}

/** defaultNormalize is helper.DefaultNormalizeScore, in place: the best gets 100, reverse flips it. */
export function defaultNormalize(scores: Float64Array, reverse = false): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  for (let i = 0; i < scores.length; i++) {
    const score = max === 0 ? 0 : Math.floor((scores[i]! * MAX_NODE_SCORE) / max);
    scores[i] = reverse ? MAX_NODE_SCORE - score : score;
  }
}

/** The decision record kept per scheduling attempt, for the inspector and for learners. */
export interface FilterVerdict {
  node: string;
  /** the first filter that failed, or undefined when the node passed every filter */
  failedPlugin?: string;
  reasons: string[];
}

export interface PluginScore {
  plugin: string;
  raw: number;
  normalized: number;
  weight: number;
  weighted: number;
}

export interface NodeScore {
  node: string;
  plugins: PluginScore[];
  total: number;
}

export interface SchedulingDecision {
  pod: string;
  podUid: string;
  time: number;
  filters: FilterVerdict[];
  scores: NodeScore[];
  /** nodes not examined at all: enough feasible ones were found first (percentageOfNodesToScore) */
  feasibleNotScored: number;
  /** how many nodes were scored; in clusters over 100 nodes only the top scores are recorded */
  scoredNodes: number;
  /**
   * the score plugins whose PreScore skipped (nothing to score for this pod), which kube-scheduler
   * then does not run: the scores list only the plugins that ran
   */
  skippedScorePlugins?: readonly string[];
  selectedNode?: string;
  /** the FailedScheduling message when no node fit */
  failure?: string;
  /** where preemption made room: the node and the pods it evicts */
  nominatedNode?: string;
  victims?: string[];
}
