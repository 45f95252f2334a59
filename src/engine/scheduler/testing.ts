import type { LabelSelector, Node, Pod } from '../api/types';
import { podManifest } from '../testing/builders';
import {
  NodeInfo,
  affinityNodeLists,
  type ClusterSnapshot,
  type FilterPlugin,
  type ScorePlugin,
} from './framework';

/** Test fixtures for plugin tables: nodes, pods, a snapshot, and one-call filter/score runs. */

export function testNode(
  name: string,
  options: {
    spec?: Partial<Node['spec']>;
    labels?: Record<string, string>;
    cpu?: string;
    memory?: string;
    images?: { names: string[]; sizeBytes: number }[];
  } = {},
): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: name,
      resourceVersion: '1',
      creationTimestamp: '',
      labels: { 'kubernetes.io/hostname': name, ...options.labels },
    },
    spec: options.spec ?? {},
    status: {
      capacity: {},
      allocatable: { cpu: options.cpu ?? '2', memory: options.memory ?? '4Gi', pods: '110' },
      conditions: [],
      addresses: [],
      nodeInfo: {} as Node['status']['nodeInfo'],
      images: options.images,
    },
  };
}

let podCounter = 0;

/** testPod builds a pod (a fresh uid each) with labels and any spec fields. */
export function testPod(
  name: string,
  options: {
    labels?: Record<string, string>;
    namespace?: string;
    spec?: Partial<Pod['spec']>;
    requests?: Parameters<typeof podManifest>[1];
  } = {},
): Pod {
  const manifest = podManifest(name, options.requests ?? {}) as unknown as Pod;
  manifest.metadata = {
    ...manifest.metadata,
    name,
    namespace: options.namespace ?? 'default',
    uid: `uid-${name}-${podCounter++}`,
    labels: options.labels,
  };
  manifest.spec = { ...manifest.spec, tolerations: [], ...options.spec };
  return manifest;
}

/** infosWith builds NodeInfos and places pods: `{ node: [pods] }`. */
export function infosWith(nodes: Node[], placed: Partial<Record<string, Pod[]>> = {}): NodeInfo[] {
  return nodes.map((n) => {
    const info = new NodeInfo(n);
    for (const p of placed[n.metadata.name] ?? []) info.addPod(p);
    return info;
  });
}

export function testSnapshot(
  nodes: readonly NodeInfo[],
  options: {
    defaultSelector?: LabelSelector;
    namespaceLabels?: Record<string, Record<string, string>>;
  } = {},
): ClusterSnapshot {
  return {
    nodes,
    havePodsWithAffinity: () => affinityNodeLists(nodes).withAffinity,
    havePodsWithRequiredAntiAffinity: () => affinityNodeLists(nodes).withRequiredAntiAffinity,
    namespaceLabels: (ns) => options.namespaceLabels?.[ns],
    defaultSelector: () => options.defaultSelector,
    imageNodeCounts: () => {
      const counts = new Map<string, number>();
      for (const info of nodes)
        for (const name of info.images.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
      return counts;
    },
  };
}

/** filterAll runs a filter plugin for pod on every node; each entry is the reasons or undefined. */
export function filterAll(
  plugin: FilterPlugin,
  pod: Pod,
  nodes: readonly NodeInfo[],
  cluster = testSnapshot(nodes),
): (string[] | undefined)[] {
  const filter = plugin.preFilter(pod, cluster);
  return nodes.map((info) => filter?.(info)?.reasons);
}

/** scoreAll runs a score plugin over nodes: raw and normalized scores, or undefined if it skipped. */
export function scoreAll(
  plugin: ScorePlugin,
  pod: Pod,
  nodes: readonly NodeInfo[],
  cluster = testSnapshot(nodes),
): { raw: number[]; normalized: number[] } | undefined {
  const scorer = plugin.preScore(pod, nodes, cluster);
  if (!scorer) return undefined;
  const raw = new Float64Array(nodes.length);
  scorer.score(nodes, raw);
  const normalized = raw.slice();
  scorer.normalize?.(normalized, nodes);
  return { raw: Array.from(raw), normalized: Array.from(normalized) };
}
