import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { KubeloopState } from '../../state/store';
import { useKubeloop } from '../../state/store';
import { usePodsOnNode, type PodView } from '../../state/pods';
import { useNodeStatus } from '../inspector/use-node-status';
import '../inspector/shell-i18n';
import { PODS_PER_NODE, type Side } from './layout';
import PodChip from './PodChip';

const SIDES: { side: Side; position: Position }[] = [
  { side: 'top', position: Position.Top },
  { side: 'right', position: Position.Right },
  { side: 'bottom', position: Position.Bottom },
  { side: 'left', position: Position.Left },
];

function Handles() {
  return (
    <>
      {SIDES.map(({ side, position }) => (
        <Handle
          key={`s-${side}`}
          id={`s-${side}`}
          type="source"
          position={position}
          isConnectable={false}
        />
      ))}
      {SIDES.map(({ side, position }) => (
        <Handle
          key={`t-${side}`}
          id={`t-${side}`}
          type="target"
          position={position}
          isConnectable={false}
        />
      ))}
    </>
  );
}

/** useIsHopEndpoint: whether the last delivered hop started or ended at this component. */
function useIsHopEndpoint(component: string): boolean {
  return useKubeloop(
    (s: KubeloopState) => s.lastHop?.from === component || s.lastHop?.to === component,
  );
}

export type ComponentNodeData = { component: string; kind: string };

/** ComponentNode is one Kubernetes component: kubectl, kube-apiserver, kubelet@w1-k8s... */
export function ComponentNode({ data }: NodeProps<Node<ComponentNodeData>>) {
  const { t } = useTranslation();
  const active = useIsHopEndpoint(data.component);
  return (
    <div
      className={`component-node kind-${data.kind}${active ? ' is-active' : ''}`}
      data-component={data.component}
    >
      <Handles />
      {t(`graph.components.${data.kind}`, { defaultValue: data.kind })}
    </div>
  );
}

export type NodeGroupData = { node: string; controlPlane: boolean };

/** NodeGroup is a cluster node's box: its kubelet and containerd sit on top, its pods stack below. */
export function NodeGroup({ data }: NodeProps<Node<NodeGroupData>>) {
  const { t } = useTranslation();
  const pods = usePodsOnNode(data.node);
  const shown = pods.slice(0, PODS_PER_NODE);
  const status = useNodeStatus(data.node);
  const selected = useKubeloop(
    (s: KubeloopState) => s.selected?.kind === 'Node' && s.selected.name === data.node,
  );
  const select = useKubeloop((s: KubeloopState) => s.select);
  return (
    <div className="node-group" aria-label={t('graph.node', { name: data.node })}>
      <div className="node-group-title">
        <button
          type="button"
          className={`node-select nopan${selected ? ' is-selected' : ''}`}
          aria-label={t('inspector:selectNode', { name: data.node, status })}
          aria-pressed={selected}
          onClick={() => select({ kind: 'Node', name: data.node })}
        >
          <strong>{data.node}</strong>
          {status !== 'Ready' && <span className="node-status">{status}</span>}
        </button>
        {data.controlPlane && <span className="node-role">{t('graph.controlPlane')}</span>}
        <span className="node-pod-count">{t('graph.podCount', { count: pods.length })}</span>
      </div>
      <PodList pods={pods} shown={shown} />
    </div>
  );
}

/** PodList shows the first pods as chips and counts the rest, so a busy node keeps its size. */
function PodList({ pods, shown }: { pods: readonly PodView[]; shown: readonly PodView[] }) {
  const { t } = useTranslation();
  return (
    <ul className="pod-list">
      {shown.map((pod) => (
        <PodChip key={pod.uid} pod={pod} />
      ))}
      {pods.length > shown.length && (
        <li className="pod-more">{t('graph.morePods', { count: pods.length - shown.length })}</li>
      )}
    </ul>
  );
}

/** UnscheduledPods waits beside kube-scheduler: pods with no node yet. */
export function UnscheduledPods() {
  const { t } = useTranslation();
  const pods = usePodsOnNode(undefined);
  const shown = pods.slice(0, PODS_PER_NODE - 2);
  return (
    <div className="unscheduled">
      <div className="node-group-title">
        <strong>{t('graph.unscheduled')}</strong>
        <span className="node-pod-count">{t('graph.podCount', { count: pods.length })}</span>
      </div>
      <PodList pods={pods} shown={shown} />
    </div>
  );
}

/** ControlPlaneBox frames the control-plane components. */
export function ControlPlaneBox() {
  const { t } = useTranslation();
  return (
    <div className="control-plane-box">
      <span className="node-group-title">
        <strong>{t('graph.controlPlane')}</strong>
      </span>
    </div>
  );
}

/** nodeTypes lives at module scope so React Flow never sees a new object (STYLE habit 10). */
export const nodeTypes = {
  component: ComponentNode,
  nodeGroup: NodeGroup,
  unscheduled: UnscheduledPods,
  controlPlane: ControlPlaneBox,
};
