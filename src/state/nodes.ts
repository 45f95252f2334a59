import type { Node } from '../engine';
import { nodeStatus } from '../kubectl/printers/columns';
import { useKubeloop, type KubeloopState } from './store';

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/** ClusterNode is what the graph draws a node's box from. */
export interface ClusterNode {
  name: string;
  controlPlane: boolean;
}

/** NodeIndex is the cluster's nodes by name, and each one's `kubectl get nodes` STATUS. */
export interface NodeIndex {
  /** sorted by name; the same array while the set of nodes stays the same */
  nodes: readonly ClusterNode[];
  status: ReadonlyMap<string, string>;
}

let latest: { cluster: KubeloopState['cluster']; version: number; index: NodeIndex } | undefined;

/**
 * selectNodeIndex lists the nodes once per engine version for every caller; selectors over it
 * return strings and stable arrays, so a node's box redraws only when that node changes.
 */
export function selectNodeIndex({ cluster, version }: KubeloopState): NodeIndex {
  if (latest?.cluster === cluster && latest.version === version) return latest.index;
  const list = (cluster.api.list('nodes') as Node[])
    .map((node) => ({
      name: node.metadata.name,
      controlPlane: node.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined,
      status: nodeStatus(node),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const before = latest?.index.nodes;
  const same =
    before?.length === list.length &&
    list.every((n, i) => n.name === before[i]!.name && n.controlPlane === before[i]!.controlPlane);
  const index: NodeIndex = {
    nodes: same ? before : list.map(({ name, controlPlane }) => ({ name, controlPlane })),
    status: new Map(list.map((n) => [n.name, n.status])),
  };
  latest = { cluster, version, index };
  return index;
}

const selectNodes = (s: KubeloopState) => selectNodeIndex(s).nodes;

/** useClusterNodes is the cluster's nodes, sorted by name; the same array while they stay the same. */
export function useClusterNodes(): readonly ClusterNode[] {
  return useKubeloop(selectNodes);
}

/** useNodeStatusOf is one node's STATUS (Ready, NotReady, Ready,SchedulingDisabled); Unknown if gone. */
export function useNodeStatusOf(name: string): string {
  return useKubeloop((s) => selectNodeIndex(s).status.get(name) ?? 'Unknown');
}
