import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeloopState } from '../../state/store';
import { useKubeloop } from '../../state/store';
import { selectPodIndex, statusCounts, usePodsOnNode, type PodView } from '../../state/pods';
import { useNodeStatusOf } from '../../state/nodes';
import '../inspector/shell-i18n';
import { AGGREGATE_ABOVE, PODS_PER_NODE, type Side } from './layout';
import PodChip from './PodChip';
import { splitSystemPods, useShowSystemPods } from './system-pods';
import './graph.css';
import './i18n';

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

/** selectAggregate: too many pods in the cluster to draw each one (see PodList). */
const selectAggregate = (s: KubeloopState) => selectPodIndex(s).all.length > AGGREGATE_ABOVE;

/** useIsHopEndpoint: whether the last delivered hop started or ended at this component. */
function useIsHopEndpoint(component: string): boolean {
  return useKubeloop(
    (s: KubeloopState) => s.lastHop?.from === component || s.lastHop?.to === component,
  );
}

export type ComponentNodeData = { component: string; kind: string; label?: string };

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
      {data.label ?? t(`graph.components.${data.kind}`, { defaultValue: data.kind })}
    </div>
  );
}

export type NodeGroupData = { node: string; controlPlane: boolean };

/**
 * NodeGroup is a cluster node's box: its kubelet, containerd and kube-proxy sit on top, its pods
 * stack below. The kube-system pods are counted on one line, or drawn as small grey chips after
 * the learner's own when the graph shows them.
 */
export function NodeGroup({ data }: NodeProps<Node<NodeGroupData>>) {
  const { t } = useTranslation();
  const pods = usePodsOnNode(data.node);
  const showSystem = useShowSystemPods();
  const aggregate = useKubeloop(selectAggregate);
  const status = useNodeStatusOf(data.node);
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
      <NodePods pods={pods} showSystem={showSystem} aggregate={aggregate} />
    </div>
  );
}

const NodePods = memo(function NodePods({
  pods,
  showSystem,
  aggregate,
}: {
  pods: readonly PodView[];
  showSystem: boolean;
  aggregate: boolean;
}) {
  const { t } = useTranslation('graph');
  const { workload, system } = splitSystemPods(pods);
  if (showSystem) {
    return (
      <PodList
        pods={[...workload, ...system]}
        max={PODS_PER_NODE}
        aggregate={aggregate}
        systemFrom={workload.length}
      />
    );
  }
  return (
    <>
      {system.length > 0 && (
        <p
          className="system-pods"
          title={t('systemPodsTitle', { names: system.map((p) => p.name).join(', ') })}
        >
          {t('systemPods', { count: system.length })}
        </p>
      )}
      <PodList pods={workload} max={PODS_PER_NODE} aggregate={aggregate} />
    </>
  );
});

/**
 * PodList shows the first pods as chips and counts the rest by STATUS, so a busy node keeps its
 * size. Above AGGREGATE_ABOVE pods in the cluster every box shows only the counts: thousands of
 * chips would cost more to draw than they tell.
 */
const PodList = memo(function PodList({
  pods,
  max,
  aggregate,
  systemFrom = pods.length,
}: {
  pods: readonly PodView[];
  max: number;
  aggregate: boolean;
  /** pods from this index on are kube-system's, drawn smaller */
  systemFrom?: number;
}) {
  const { t } = useTranslation();
  const shown = aggregate ? [] : pods.slice(0, max);
  return (
    <ul className="pod-list">
      {shown.map((pod, i) => (
        <PodChip key={pod.uid} pod={pod} system={i >= systemFrom} />
      ))}
      {pods.length > shown.length && (
        <li className="pod-more">
          {shown.length > 0 && t('graph.morePods', { count: pods.length - shown.length })}
          <span className="pod-tally">
            {statusCounts(pods)
              .map(({ status, count }) => `${status} ${count}`)
              .join(' · ')}
          </span>
        </li>
      )}
    </ul>
  );
});

/** UnscheduledPods waits beside kube-scheduler: pods with no node yet. */
export function UnscheduledPods() {
  const { t } = useTranslation();
  const pods = usePodsOnNode(undefined);
  const aggregate = useKubeloop(selectAggregate);
  return (
    <div className="unscheduled">
      <div className="node-group-title">
        <strong>{t('graph.unscheduled')}</strong>
        <span className="node-pod-count">{t('graph.podCount', { count: pods.length })}</span>
      </div>
      <PodList pods={pods} max={PODS_PER_NODE - 2} aggregate={aggregate} />
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
