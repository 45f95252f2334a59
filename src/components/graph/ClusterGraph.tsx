import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useObjects, useKubeloop, type KubeloopState } from '../../state/store';
import {
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
import TextView from './TextView';

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

const selectActiveEdge = (s: KubeloopState) =>
  s.lastHop ? edgeId(s.lastHop.from, s.lastHop.to) : undefined;

function place(box: Box) {
  return { position: { x: box.x, y: box.y }, width: box.width, height: box.height };
}

/** useClusterNodes is "name" or "name*" (control plane) per node, stable while nodes stay the same. */
function useClusterNodes(): { name: string; controlPlane: boolean }[] {
  const nodes = useObjects('nodes');
  const key = nodes
    .map(
      (n) =>
        `${n.metadata.name}${n.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined ? '*' : ''}`,
    )
    .sort()
    .join(' ');
  return useMemo(
    () =>
      key
        .split(' ')
        .filter(Boolean)
        .map((k) => ({ name: k.replace(/\*$/, ''), controlPlane: k.endsWith('*') })),
    [key],
  );
}

/** ClusterGraph draws the components, the channels between them and the packet of the last hop. */
export default function ClusterGraph() {
  const { t } = useTranslation();
  const clusterNodes = useClusterNodes();
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
    for (const node of names) {
      for (const kind of ['kubelet', 'containerd']) {
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
  }, [layout, names, clusterNodes]);

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
    <section className="graph" aria-label={t('regions.graph')}>
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
      >
        <PacketLayer layout={layout} />
      </ReactFlow>
      <TextView />
    </section>
  );
}
