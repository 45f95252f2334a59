import {
  ReactFlow,
  getViewportForBounds,
  useReactFlow,
  useStore,
  useStoreApi,
  type Edge,
  type Node,
  type ReactFlowState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cluster } from '../../engine';
import { useClusterNodes } from '../../state/nodes';
import { selectServiceIndex } from '../../state/services';
import { selectStorageIndex } from '../../state/storage';
import { useKubeloop, type KubeloopState } from '../../state/store';
import { selectOwnerIndex } from '../../state/workloads';
import { selectChipKeys } from './chips';
import { useShowOwners, useShowStorage } from './graph-options';
import {
  CLIENT,
  COREDNS,
  NETWORK_ADDONS,
  CONTROL_PLANE_BOX,
  CONTROL_PLANE_COMPONENTS,
  UNSCHEDULED_BOX,
  clusterEdges,
  edgeId,
  layoutCluster,
  objectArea,
  type Box,
} from './layout';
import { nodeTypes } from './nodes';
import { objectGraph, type EdgeWords } from './object-graph';
import PacketLayer from './PacketLayer';
import { useReducedMotion } from './reduced-motion';
import { endpointCounts } from './i18n';
import { useShowSystemPods } from './system-pods';

const selectActiveEdge = (s: KubeloopState) =>
  s.lastHop ? edgeId(s.lastHop.from, s.lastHop.to) : undefined;

/** Per cluster, the network add-ons (MetalLB, ingress-nginx) it has heard from. */
const addonsHeard = new WeakMap<Cluster, Set<string>>();

/**
 * selectAddonsSeen: an add-on's box appears once its component delivers a hop and stays, so a
 * cluster without them stays plain. One string, so the selector's result compares by value.
 */
const selectAddonsSeen = (s: KubeloopState): string => {
  let heard = addonsHeard.get(s.present);
  if (!heard) addonsHeard.set(s.present, (heard = new Set()));
  for (const addon of NETWORK_ADDONS) {
    if (!heard.has(addon) && s.hops.some((h) => h.from === addon || h.to === addon)) {
      heard.add(addon);
    }
  }
  return NETWORK_ADDONS.filter((addon) => heard.has(addon)).join(' ');
};

const selectNothing = () => undefined;

/** useEdgeWords: the edges' labels and accessible names in the learner's language. */
function useEdgeWords(): EdgeWords {
  const { t } = useTranslation('graph');
  return useMemo(
    () => ({
      notReady: t('notReady'),
      endpoint: (service, pod, ready) =>
        t('edge.endpoint', { service, pod, state: t(ready ? 'ready' : 'notReady') }),
      endpointCount: (ready, notReady) => endpointCounts(t, ready, notReady),
      endpointsOnNode: (service, node, counts) =>
        t('edge.endpointsOnNode', { service, node, counts }),
      link: (from, to) => t('edge.link', { from, to }),
      toPod: (from, pod) => t('edge.toPod', { from, pod }),
      podsOnNode: (from, count, node) => t('edge.podsOnNode', { from, count, node }),
      kind: (kind) => t(`kind.${kind}`),
    }),
    [t],
  );
}

/**
 * useObjectGraph is the boxes and edges of the cluster's objects (Services, and with their views
 * the owner chains and storage). Each index keeps its identity while it reads the same, so this
 * is rebuilt when an object changes, not on every hop.
 */
function useObjectGraph(nodeCount: number) {
  const owners = useShowOwners();
  const storage = useShowStorage();
  const showSystem = useShowSystemPods();
  const services = useKubeloop(selectServiceIndex);
  const ownerIndex = useKubeloop(owners ? selectOwnerIndex : selectNothing);
  const storageIndex = useKubeloop(storage ? selectStorageIndex : selectNothing);
  const chipKeys = useKubeloop(selectChipKeys(showSystem));
  const words = useEdgeWords();
  return useMemo(
    () =>
      objectGraph({
        area: objectArea(nodeCount),
        services,
        owners: ownerIndex,
        storage: storageIndex,
        chips: new Set(chipKeys.split('\n')),
        words,
      }),
    [nodeCount, services, ownerIndex, storageIndex, chipKeys, words],
  );
}

/**
 * FitOnGrow fits the graph to the canvas again when its extent changes (a row of Services
 * appears, a view is turned on or off, a node joins); a pod appearing changes nothing here. The
 * viewport is computed from the layout's own boxes, not from measured ones: boxes off screen are
 * not drawn (onlyRenderVisibleElements), so they would never be measured.
 */
function FitOnGrow({ extent }: { extent: string }) {
  const { setViewport } = useReactFlow();
  const flow = useStoreApi();
  const measured = useStore(selectMeasured);
  const reduceMotion = useReducedMotion();
  const first = useRef(true);
  useEffect(() => {
    if (!measured) return;
    const [x, y, right, bottom] = extent.split(',').map(Number) as [number, number, number, number];
    const { width, height } = flow.getState();
    const viewport = getViewportForBounds(
      { x, y, width: right - x, height: bottom - y },
      width,
      height,
      MIN_ZOOM,
      MAX_ZOOM,
      FIT_PADDING,
    );
    // The first fit is immediate; later ones glide unless motion is reduced.
    void setViewport(viewport, { duration: first.current || reduceMotion ? 0 : 200 });
    first.current = false;
    // Only a change of extent refits: the learner's own panning and zooming are kept otherwise.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [extent, measured]);
  return null;
}

const selectMeasured = (s: ReactFlowState) => s.width > 0 && s.height > 0;
const MIN_ZOOM = 0.2;
const MAX_ZOOM = 2;
const FIT_PADDING = 0.06;

function place(box: Box) {
  return { position: { x: box.x, y: box.y }, width: box.width, height: box.height };
}

/**
 * FlowCanvas draws the components, the channels between them, the packet of the last hop, and
 * the cluster's objects (Services; with their views, owners and storage) linked to their pods.
 */
export default function FlowCanvas() {
  const { t } = useTranslation('graph');
  const clusterNodes = useClusterNodes();
  const addonsSeen = useKubeloop(selectAddonsSeen);
  const addons = useMemo(() => (addonsSeen ? addonsSeen.split(' ') : []), [addonsSeen]);
  const activeEdge = useKubeloop(selectActiveEdge);
  const reduceMotion = useReducedMotion();
  const names = useMemo(() => clusterNodes.map((n) => n.name), [clusterNodes]);
  const layout = useMemo(() => layoutCluster(names), [names]);

  const nodes = useMemo<Node[]>(() => {
    const list: Node[] = [
      {
        id: 'box:control-plane',
        type: 'controlPlane',
        data: {},
        ...place(CONTROL_PLANE_BOX),
        zIndex: -1,
      },
      { id: 'box:unscheduled', type: 'unscheduled', data: {}, ...place(UNSCHEDULED_BOX) },
      ...layout.groups.map(({ node, box }) => ({
        id: `box:${node}`,
        type: 'nodeGroup',
        data: {
          node,
          controlPlane: clusterNodes.find((n) => n.name === node)?.controlPlane ?? false,
        },
        ...place(box),
        zIndex: -1,
      })),
    ];
    for (const component of CONTROL_PLANE_COMPONENTS) {
      list.push({
        id: component,
        type: 'component',
        data: { component, kind: component },
        ...place(layout.boxes.get(component)!),
      });
    }
    for (const [component, label] of [
      [CLIENT, t('client')],
      [COREDNS, t('coredns')],
    ] as const) {
      list.push({
        id: component,
        type: 'component',
        data: { component, kind: component, label },
        ...place(layout.boxes.get(component)!),
      });
    }
    for (const component of addons) {
      list.push({
        id: component,
        type: 'component',
        data: { component, kind: 'addon', label: component },
        ...place(layout.boxes.get(component)!),
      });
    }
    for (const node of names) {
      for (const kind of ['kubelet', 'containerd', 'kube-proxy']) {
        const component = `${kind}@${node}`;
        list.push({
          id: component,
          type: 'component',
          data: { component, kind },
          ...place(layout.boxes.get(component)!),
        });
      }
    }
    return list;
  }, [layout, names, clusterNodes, addons, t]);

  const specs = useMemo(() => clusterEdges(names), [names]);
  const edges = useMemo<Edge[]>(
    () =>
      specs.map((spec) => ({
        ...spec,
        className: spec.id === activeEdge ? 'is-active' : undefined,
        // With reduced motion the active edge is highlighted (is-active), not animated.
        animated: !reduceMotion && spec.id === activeEdge,
      })),
    [specs, activeEdge, reduceMotion],
  );

  const objects = useObjectGraph(names.length);
  const allNodes = useMemo(() => [...nodes, ...objects.nodes], [nodes, objects.nodes]);
  const allEdges = useMemo(() => [...edges, ...objects.edges], [edges, objects.edges]);
  const extent = useMemo(() => {
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const node of allNodes) {
      left = Math.min(left, node.position.x);
      top = Math.min(top, node.position.y);
      right = Math.max(right, node.position.x + (node.width ?? 0));
      bottom = Math.max(bottom, node.position.y + (node.height ?? 0));
    }
    return [left, top, right, bottom].join(',');
  }, [allNodes]);

  return (
    <ReactFlow
      nodes={allNodes}
      edges={allEdges}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={{ padding: FIT_PADDING }}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      zoomOnScroll={false}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      proOptions={{ hideAttribution: true }}
      // A thousand node boxes: draw those on screen only.
      onlyRenderVisibleElements
    >
      <PacketLayer layout={layout} />
      <FitOnGrow extent={extent} />
    </ReactFlow>
  );
}
