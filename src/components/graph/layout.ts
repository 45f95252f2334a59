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
 * its name. The add-ons (MetalLB, ingress-nginx, minikube's storage-provisioner) appear once they
 * have spoken: a hop's packet always has a box at each end.
 */
export const CLIENT = 'client';
export const COREDNS = 'coredns';
export const NETWORK_ADDONS = [
  'metallb-controller',
  'metallb-speaker',
  'ingress-nginx-controller',
  'storage-provisioner',
] as const;
const NETWORK_FIXED: Record<string, Box> = {
  [CLIENT]: { x: 0, y: 40, ...COMPONENT_SIZE },
  [COREDNS]: { x: 800, y: 60, ...COMPONENT_SIZE },
  'metallb-controller': { x: 1040, y: 60, ...COMPONENT_SIZE },
  'metallb-speaker': { x: 1040, y: 120, ...COMPONENT_SIZE },
  'ingress-nginx-controller': { x: 1040, y: 180, ...COMPONENT_SIZE },
  // minikube's storage add-on: it provisions volumes, so its hops need somewhere to land too.
  'storage-provisioner': { x: 1040, y: 240, ...COMPONENT_SIZE },
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

/**
 * The object rows sit beside or below the node boxes (objectArea), one row per kind in a fixed order (Services,
 * Ingresses, workloads, owned workloads, claims, volumes, classes); a kind with nothing to draw
 * takes no row, so the graph stays as compact as the canvas needs. A row lists its objects oldest
 * first, so a new one is added at its end: a pod appearing, or a Service, moves nothing drawn.
 */
export const OBJECT_BOX = { width: 200, height: 62, gap: 20 };
export const OBJECT_ROWS = [
  'services',
  'ingresses',
  'workloads',
  'owned',
  'claims',
  'volumes',
  'classes',
] as const;
export type ObjectRow = (typeof OBJECT_ROWS)[number];
const OBJECT_ROW_STEP = OBJECT_BOX.height + 30;
/** Up to this many nodes the objects sit right of the network's boxes, where the canvas has room. */
const OBJECTS_BESIDE_UP_TO = 5;

/**
 * ObjectArea is where the object rows start, and the side of a Service's box its edges to pods
 * leave from: beside a small cluster (the canvas is wider than tall), below a large one (whose
 * first nodes the canvas shows). It depends on the number of nodes only.
 */
export interface ObjectArea {
  x: number;
  y: number;
  toPods: Side;
}

export function objectArea(nodeCount: number): ObjectArea {
  if (nodeCount <= OBJECTS_BESIDE_UP_TO) {
    const right = Math.max(
      ...Object.values(NETWORK_FIXED).map((b) => b.x + b.width),
      nodeCount * (NODE_GROUP.width + NODE_GROUP.gap),
    );
    return { x: right + 60, y: CONTROL_PLANE_BOX.y, toPods: 'left' };
  }
  return { x: 0, y: NODE_GROUP.top + NODE_GROUP.height + 60, toPods: 'top' };
}

/** objectBox is the box of the index-th object of the row-th row drawn. */
export function objectBox(area: ObjectArea, row: number, index: number): Box {
  return {
    x: area.x + index * (OBJECT_BOX.width + OBJECT_BOX.gap),
    y: area.y + row * OBJECT_ROW_STEP,
    width: OBJECT_BOX.width,
    height: OBJECT_BOX.height,
  };
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
