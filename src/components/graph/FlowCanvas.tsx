import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cluster } from '../../engine';
import { useClusterNodes } from '../../state/nodes';
import { useKubeloop, type KubeloopState } from '../../state/store';
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
  type Box,
} from './layout';
import { nodeTypes } from './nodes';
import PacketLayer from './PacketLayer';

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

function place(box: Box) {
  return { position: { x: box.x, y: box.y }, width: box.width, height: box.height };
}

/** FlowCanvas draws the components, the channels between them and the packet of the last hop. */
export default function FlowCanvas() {
  const { t } = useTranslation('graph');
  const clusterNodes = useClusterNodes();
  const addonsSeen = useKubeloop(selectAddonsSeen);
  const addons = useMemo(() => (addonsSeen ? addonsSeen.split(' ') : []), [addonsSeen]);
  const activeEdge = useKubeloop(selectActiveEdge);
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
        animated: spec.id === activeEdge,
      })),
    [specs, activeEdge],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={{ padding: 0.06 }}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      zoomOnScroll={false}
      minZoom={0.3}
      proOptions={{ hideAttribution: true }}
      // A thousand node boxes: draw those on screen only.
      onlyRenderVisibleElements
    >
      <PacketLayer layout={layout} />
    </ReactFlow>
  );
}
