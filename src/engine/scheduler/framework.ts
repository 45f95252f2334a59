import { podRequests, type PodRequests } from '../api/pod';
import { bytes, milliCores } from '../api/quantity';
import type { Node, Pod } from '../api/types';

/**
 * The scheduling framework (pkg/scheduler/framework): a NodeInfo per node with what is already
 * placed there, filter plugins that say whether a pod fits a node and why not, score plugins that
 * rank the nodes that passed.
 */

/** Defaults the scheduler assumes for scoring when a container requests nothing (non-zero requests). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;
export const MAX_NODE_SCORE = 100;

export class NodeInfo {
  readonly pods = new Map<string, Pod>();
  requested: PodRequests = { milliCpu: 0, memory: 0 };
  nonZeroRequested: PodRequests = { milliCpu: 0, memory: 0 };
  readonly allocatable: { milliCpu: number; memory: number; pods: number };

  constructor(readonly node: Node) {
    const a = node.status.allocatable;
    this.allocatable = {
      milliCpu: milliCores(a.cpu),
      memory: bytes(a.memory),
      pods: Number(a.pods ?? 110),
    };
  }

  addPod(pod: Pod): void {
    if (this.pods.has(pod.metadata.uid)) this.removePod(pod.metadata.uid);
    this.pods.set(pod.metadata.uid, pod);
    this.account(pod, 1);
  }

  removePod(uid: string): void {
    const pod = this.pods.get(uid);
    if (!pod) return;
    this.pods.delete(uid);
    this.account(pod, -1);
  }

  private account(pod: Pod, sign: 1 | -1): void {
    const req = podRequests(pod.spec);
    const nz = nonZeroRequests(pod);
    this.requested = {
      milliCpu: this.requested.milliCpu + sign * req.milliCpu,
      memory: this.requested.memory + sign * req.memory,
    };
    this.nonZeroRequested = {
      milliCpu: this.nonZeroRequested.milliCpu + sign * nz.milliCpu,
      memory: this.nonZeroRequested.memory + sign * nz.memory,
    };
  }
}

const nonZeroBySpec = new WeakMap<Pod['spec'], PodRequests>();

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
}

export interface FilterPlugin {
  name: string;
  filter(pod: Pod, node: NodeInfo): FilterResult | undefined;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  score(pod: Pod, node: NodeInfo): number;
  /** normalizes raw scores across nodes to 0..100 in place, when the plugin needs it */
  normalize?(scores: number[]): number[];
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
  selectedNode?: string;
  /** the FailedScheduling message when no node fit */
  failure?: string;
}
