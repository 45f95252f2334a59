/**
 * The graph's fixed layout, in flow coordinates. Positions depend only on the cluster's node names,
 * so nothing jumps when pods come and go: pods stack inside their node's box.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const COMPONENT_SIZE = { width: 180, height: 44 };
const NODE_COMPONENT_SIZE = { width: 100, height: 40 };
const KUBE_PROXY_SIZE = { width: 216, height: 30 };
export const NODE_GROUP = { width: 240, height: 330, gap: 20, top: 380 };
/** How many pod chips fit in a node box; the rest are summarised as "+N more". */
export const PODS_PER_NODE = 6;
/** With more pods than this in the cluster, node boxes and the text view show counts, not pods. */
export const AGGREGATE_ABOVE = 300;

export const CONTROL_PLANE_COMPONENTS = [
  'kubectl',
  'kube-apiserver',
  'etcd',
  'kube-controller-manager',
  'kube-scheduler',
] as const;

const FIXED: Record<string, Box> = {
  kubectl: { x: 0, y: 150, ...COMPONENT_SIZE },
  etcd: { x: 290, y: 30, ...COMPONENT_SIZE },
  'kube-apiserver': { x: 290, y: 150, ...COMPONENT_SIZE },
  'kube-controller-manager': { x: 560, y: 70, ...COMPONENT_SIZE },
  'kube-scheduler': { x: 560, y: 230, ...COMPONENT_SIZE },
};
export const CONTROL_PLANE_BOX: Box = { x: 270, y: -10, width: 490, height: 310 };
export const UNSCHEDULED_BOX: Box = { x: 800, y: 180, width: 200, height: 170 };

/**
 * The network's components, drawn so a request's packet has somewhere to fly: the machine outside
 * the cluster that sends it, and CoreDNS (the Service in front of the coredns pods) that answers
 * its name. The add-ons (MetalLB, ingress-nginx) appear once they have spoken.
 */
export const CLIENT = 'client';
export const COREDNS = 'coredns';
export const NETWORK_ADDONS = [
  'metallb-controller',
  'metallb-speaker',
  'ingress-nginx-controller',
] as const;
const NETWORK_FIXED: Record<string, Box> = {
  [CLIENT]: { x: 0, y: 40, ...COMPONENT_SIZE },
  [COREDNS]: { x: 800, y: 60, ...COMPONENT_SIZE },
  'metallb-controller': { x: 1040, y: 60, ...COMPONENT_SIZE },
  'metallb-speaker': { x: 1040, y: 120, ...COMPONENT_SIZE },
  'ingress-nginx-controller': { x: 1040, y: 180, ...COMPONENT_SIZE },
};

export interface GraphLayout {
  boxes: Map<string, Box>;
  groups: { node: string; box: Box }[];
}

/** layoutCluster places the control plane and one box per node (kubelet, containerd, kube-proxy, pods). */
export function layoutCluster(nodeNames: readonly string[]): GraphLayout {
  const boxes = new Map<string, Box>([...Object.entries(FIXED), ...Object.entries(NETWORK_FIXED)]);
  const groups = nodeNames.map((node, i) => {
    const box: Box = {
      x: i * (NODE_GROUP.width + NODE_GROUP.gap),
      y: NODE_GROUP.top,
      width: NODE_GROUP.width,
      height: NODE_GROUP.height,
    };
    boxes.set(`kubelet@${node}`, { x: box.x + 12, y: box.y + 36, ...NODE_COMPONENT_SIZE });
    boxes.set(`containerd@${node}`, { x: box.x + 128, y: box.y + 36, ...NODE_COMPONENT_SIZE });
    boxes.set(`kube-proxy@${node}`, { x: box.x + 12, y: box.y + 82, ...KUBE_PROXY_SIZE });
    // A request from the node itself (ssh NODE curl) starts at its box.
    boxes.set(`node/${node}`, box);
    return { node, box };
  });
  return { boxes, groups };
}

/** centerOf is the middle of a component's box, where packets start and land. */
export function centerOf(
  layout: GraphLayout,
  component: string,
): { x: number; y: number } | undefined {
  const box = layout.boxes.get(component);
  return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export interface EdgeSpec {
  id: string;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
}

/** clusterEdges are the channels components talk over (undirected: hops flow both ways). */
export function clusterEdges(nodeNames: readonly string[]): EdgeSpec[] {
  const edge = (source: string, target: string, from: Side, to: Side): EdgeSpec => ({
    id: edgeId(source, target),
    source,
    target,
    sourceHandle: `s-${from}`,
    targetHandle: `t-${to}`,
  });
  return [
    edge('kubectl', 'kube-apiserver', 'right', 'left'),
    edge('kube-apiserver', 'etcd', 'top', 'bottom'),
    edge('kube-apiserver', 'kube-controller-manager', 'right', 'left'),
    edge('kube-apiserver', 'kube-scheduler', 'right', 'left'),
    ...nodeNames.flatMap((node) => [
      edge('kube-apiserver', `kubelet@${node}`, 'bottom', 'top'),
      edge(`kubelet@${node}`, `containerd@${node}`, 'right', 'left'),
    ]),
  ];
}

export type Side = 'top' | 'right' | 'bottom' | 'left';

/** edgeId names the edge between two components, whichever way a hop travels. */
export function edgeId(a: string, b: string): string {
  return a < b ? `${a}--${b}` : `${b}--${a}`;
}
