import type { Edge, Node } from '@xyflow/react';
import {
  serviceKey,
  type IngressView,
  type ServiceIndex,
  type ServiceView,
} from '../../state/services';
import type { ClaimView, ClassView, StorageIndex, VolumeView } from '../../state/storage';
import type { OwnerIndex, PodRef, WorkloadView } from '../../state/workloads';
import { podKey } from './chips';
import { OBJECT_ROWS, objectBox, type ObjectArea, type ObjectRow } from './layout';

/** The words the edges carry (their label and accessible name), in the learner's language. */
export interface EdgeWords {
  /** a not-ready endpoint's visible label */
  notReady: string;
  /** "Service web → pod web-1: ready" */
  endpoint(service: string, pod: string, ready: boolean): string;
  /** the count on an edge to a node box for endpoints without a chip: "2 ready, 1 not ready" */
  endpointCount(ready: number, notReady: number): string;
  /** "Service web → 2 pods on w1-k8s: 2 ready" */
  endpointsOnNode(service: string, node: string, counts: string): string;
  /** "Ingress web → Service web" and the other object-to-object links */
  link(from: string, to: string): string;
  /** "ReplicaSet web-5d4f → pod web-5d4f-x2x9z" */
  toPod(from: string, pod: string): string;
  /** "ReplicaSet web-5d4f → 3 pods on w1-k8s" */
  podsOnNode(from: string, count: number, node: string): string;
  kind(kind: string): string;
}

export type ObjectNodeData =
  | { object: 'service'; view: ServiceView }
  | { object: 'ingress'; view: IngressView }
  | { object: 'workload'; view: WorkloadView }
  | { object: 'claim'; view: ClaimView }
  | { object: 'volume'; view: VolumeView }
  | { object: 'class'; view: ClassView };

export interface ObjectGraphInput {
  /** where the rows start (objectArea) */
  area: ObjectArea;
  services: ServiceIndex;
  /** the owners view, when it is on */
  owners: OwnerIndex | undefined;
  /** the storage view, when it is on */
  storage: StorageIndex | undefined;
  /** the pods drawn as chips (namespace/name): an edge ends at the chip, or else at the node box */
  chips: ReadonlySet<string>;
  words: EdgeWords;
}

export const serviceNodeId = (namespace: string, name: string) =>
  `svc:${serviceKey(namespace, name)}`;
const workloadNodeId = (uid: string) => `wl:${uid}`;
const claimNodeId = (namespace: string, name: string) => `pvc:${namespace}/${name}`;
const volumeNodeId = (name: string) => `pv:${name}`;
const classNodeId = (name: string) => `sc:${name}`;
/** podHandle is the id of the handle inside a pod's chip. */
export const podHandle = (namespace: string, name: string) => `pod:${podKey(namespace, name)}`;

/** The box of the unscheduled pods (FlowCanvas draws it with this id). */
const UNSCHEDULED = 'box:unscheduled';
const nodeBox = (node: string | undefined) => (node === undefined ? UNSCHEDULED : `box:${node}`);

/** A node object is rebuilt only when its view or place changes: React Flow then skips it. */
const nodeCache = new WeakMap<object, Node<ObjectNodeData>>();

function objectNode(
  area: ObjectArea,
  id: string,
  row: number,
  index: number,
  data: ObjectNodeData,
): Node {
  const box = objectBox(area, row, index);
  const cached = nodeCache.get(data.view);
  if (cached?.id === id && cached.position.x === box.x && cached.position.y === box.y)
    return cached;
  const node: Node<ObjectNodeData> = {
    id,
    type: 'object',
    data,
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    // The button inside is the one keyboard stop; the wrapper is not another.
    focusable: false,
  };
  nodeCache.set(data.view, node);
  return node;
}

/**
 * podEdges links source to each pod: to the pod's chip when one is drawn, else one edge per node
 * box with the count (a crowded node, or every node at scale).
 */
function podEdges(
  source: string,
  sourceName: string,
  pods: readonly PodRef[],
  input: ObjectGraphInput,
  className: string,
): Edge[] {
  const edges: Edge[] = [];
  const rest = new Map<string | undefined, number>();
  for (const pod of pods) {
    if (input.chips.has(podKey(pod.namespace, pod.name))) {
      edges.push({
        id: `${source}>${podKey(pod.namespace, pod.name)}`,
        source,
        sourceHandle: `s-${input.area.toPods}`,
        target: nodeBox(pod.nodeName),
        targetHandle: podHandle(pod.namespace, pod.name),
        className,
        ariaLabel: input.words.toPod(sourceName, pod.name),
        ...NOT_FOCUSABLE,
      });
    } else rest.set(pod.nodeName, (rest.get(pod.nodeName) ?? 0) + 1);
  }
  for (const [node, count] of rest) {
    edges.push({
      id: `${source}>${nodeBox(node)}`,
      source,
      sourceHandle: `s-${input.area.toPods}`,
      target: nodeBox(node),
      targetHandle: 't-bottom',
      className,
      label: `×${count}`,
      ariaLabel: input.words.podsOnNode(sourceName, count, node ?? '—'),
      ...NOT_FOCUSABLE,
    });
  }
  return edges;
}

/** serviceEdges links a Service to its endpoints' pods, ready and not ready told apart. */
function serviceEdges(service: ServiceView, input: ObjectGraphInput): Edge[] {
  const { words } = input;
  const source = serviceNodeId(service.namespace, service.name);
  const label = `${words.kind('Service')} ${service.name}`;
  const edges: Edge[] = [];
  const rest = new Map<string, { ready: number; notReady: number }>();
  for (const endpoint of service.endpoints) {
    if (!endpoint.pod || !endpoint.nodeName) continue;
    const key = podKey(service.namespace, endpoint.pod);
    if (input.chips.has(key)) {
      edges.push({
        id: `${source}>${key}`,
        source,
        sourceHandle: `s-${input.area.toPods}`,
        target: nodeBox(endpoint.nodeName),
        targetHandle: podHandle(service.namespace, endpoint.pod),
        className: `edge-endpoint ${endpoint.ready ? 'is-ready' : 'is-not-ready'}`,
        label: endpoint.ready ? undefined : words.notReady,
        ariaLabel: words.endpoint(label, endpoint.pod, endpoint.ready),
        ...NOT_FOCUSABLE,
      });
      continue;
    }
    const counts = rest.get(endpoint.nodeName) ?? { ready: 0, notReady: 0 };
    counts[endpoint.ready ? 'ready' : 'notReady']++;
    rest.set(endpoint.nodeName, counts);
  }
  for (const [node, { ready, notReady }] of rest) {
    const counts = words.endpointCount(ready, notReady);
    edges.push({
      id: `${source}>box:${node}`,
      source,
      sourceHandle: `s-${input.area.toPods}`,
      target: `box:${node}`,
      targetHandle: 't-bottom',
      className: `edge-endpoint ${notReady === 0 ? 'is-ready' : 'is-not-ready'}`,
      label: counts,
      ariaLabel: words.endpointsOnNode(label, node, counts),
      ...NOT_FOCUSABLE,
    });
  }
  return edges;
}

/** Edges are no tab stops (the boxes they join are): React Flow then gives them role img. */
const NOT_FOCUSABLE = { focusable: false } as const;

const link = (
  source: string,
  target: string,
  ariaLabel: string,
  from: 'top' | 'bottom',
  className = 'edge-object',
): Edge => ({
  id: `${source}>${target}`,
  source,
  sourceHandle: `s-${from}`,
  target,
  targetHandle: from === 'top' ? 't-bottom' : 't-top',
  className,
  ariaLabel,
  ...NOT_FOCUSABLE,
});

/**
 * objectGraph draws the cluster's objects below its nodes: Services (and the Ingresses in front of
 * them) linked to their endpoints' pods; with the owners view, workloads linked down their owner
 * chains to their pods; with the storage view, claims linked to the pods mounting them and to
 * their volume and class.
 */
export function objectGraph(input: ObjectGraphInput): { nodes: Node[]; edges: Edge[] } {
  const { services, owners, storage, words } = input;
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  const name = (kind: string, n: string) => `${words.kind(kind)} ${n}`;
  const sizes: Record<ObjectRow, number> = {
    services: services.services.length,
    ingresses: services.ingresses.length,
    workloads: owners?.top.length ?? 0,
    owned: owners?.owned.length ?? 0,
    claims: storage?.claims.length ?? 0,
    volumes: storage?.volumes.length ?? 0,
    classes: storage?.classes.length ?? 0,
  };
  const drawn = OBJECT_ROWS.filter((row) => sizes[row] > 0);
  const at = (row: ObjectRow) => drawn.indexOf(row);

  services.services.forEach((view, i) => {
    nodes.push(
      objectNode(input.area, serviceNodeId(view.namespace, view.name), at('services'), i, {
        object: 'service',
        view,
      }),
    );
    edges.push(...serviceEdges(view, input));
  });
  services.ingresses.forEach((view, i) => {
    const id = `ing:${view.namespace}/${view.name}`;
    nodes.push(objectNode(input.area, id, at('ingresses'), i, { object: 'ingress', view }));
    for (const service of view.services) {
      if (!services.byKey.has(serviceKey(view.namespace, service))) continue;
      edges.push(
        link(
          id,
          serviceNodeId(view.namespace, service),
          words.link(name('Ingress', view.name), name('Service', service)),
          'top',
        ),
      );
    }
  });

  if (owners) {
    const place = (row: ObjectRow, list: readonly WorkloadView[]) =>
      list.forEach((view, i) => {
        const id = workloadNodeId(view.uid);
        nodes.push(objectNode(input.area, id, at(row), i, { object: 'workload', view }));
        const owner = view.ownerUid && owners.byUid.get(view.ownerUid);
        if (owner) {
          edges.push(
            link(
              workloadNodeId(owner.uid),
              id,
              words.link(name(owner.kind, owner.name), name(view.kind, view.name)),
              'bottom',
              'edge-owner',
            ),
          );
        }
        edges.push(...podEdges(id, name(view.kind, view.name), view.pods, input, 'edge-owner'));
      });
    place('workloads', owners.top);
    place('owned', owners.owned);
  }

  if (storage) {
    const volumes = new Set(storage.volumes.map((v) => v.name));
    const classes = new Set(storage.classes.map((c) => c.name));
    storage.claims.forEach((view, i) => {
      const id = claimNodeId(view.namespace, view.name);
      const claim = name('PersistentVolumeClaim', view.name);
      nodes.push(objectNode(input.area, id, at('claims'), i, { object: 'claim', view }));
      edges.push(...podEdges(id, claim, view.pods, input, 'edge-storage'));
      if (view.volume && volumes.has(view.volume)) {
        edges.push(
          link(
            id,
            volumeNodeId(view.volume),
            words.link(claim, name('PersistentVolume', view.volume)),
            'bottom',
            'edge-storage',
          ),
        );
      } else if (view.storageClass && classes.has(view.storageClass)) {
        // Not bound yet: the class its volume will come from.
        edges.push(
          link(
            id,
            classNodeId(view.storageClass),
            words.link(claim, name('StorageClass', view.storageClass)),
            'bottom',
            'edge-storage',
          ),
        );
      }
    });
    storage.volumes.forEach((view, i) => {
      const id = volumeNodeId(view.name);
      nodes.push(objectNode(input.area, id, at('volumes'), i, { object: 'volume', view }));
      if (view.storageClass && classes.has(view.storageClass)) {
        edges.push(
          link(
            id,
            classNodeId(view.storageClass),
            words.link(
              name('PersistentVolume', view.name),
              name('StorageClass', view.storageClass),
            ),
            'bottom',
            'edge-storage',
          ),
        );
      }
    });
    storage.classes.forEach((view, i) => {
      nodes.push(
        objectNode(input.area, classNodeId(view.name), at('classes'), i, { object: 'class', view }),
      );
    });
  }
  return { nodes, edges };
}
