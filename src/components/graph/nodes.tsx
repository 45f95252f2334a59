import { Position, useUpdateNodeInternals, type Node, type NodeProps } from '@xyflow/react';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeloopState } from '../../state/store';
import { useKubeloop } from '../../state/store';
import { selectPodIndex, statusCounts, usePodsOnNode, type PodView } from '../../state/pods';
import { selectServiceIndex } from '../../state/services';
import { selectNodeIndex, useNodeStatusOf } from '../../state/nodes';
import '../inspector/shell-i18n';
import { chipOrder, shownChips, UNSCHEDULED_CHIPS } from './chips';
import { useShowOwners, useShowStorage } from './graph-options';
import { Handles } from './handles';
import { AGGREGATE_ABOVE, PODS_PER_NODE, objectArea } from './layout';
import ObjectNode from './ObjectNode';
import PodChip from './PodChip';
import { useShowSystemPods } from './system-pods';
import './graph.css';
import './i18n';

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

const selectHasServices = (s: KubeloopState) => selectServiceIndex(s).services.length > 0;

const selectNodeCount = (s: KubeloopState) => selectNodeIndex(s).nodes.length;

/**
 * useChipHandles is the side of a pod chip where edges to the pod end (a Service's endpoints, an
 * owner's or a claim's pods): the side facing the object rows. Undefined without Services or
 * those views: no edge ends at a chip then, so chips carry no anchor.
 */
function useChipHandles(): Position | undefined {
  const services = useKubeloop(selectHasServices);
  const owners = useShowOwners();
  const storage = useShowStorage();
  const nodeCount = useKubeloop(selectNodeCount);
  if (!services && !owners && !storage) return undefined;
  return objectArea(nodeCount).toPods === 'left' ? Position.Right : Position.Left;
}

/**
 * useMeasureChips has React Flow measure a box's anchors again when its chips change: the box
 * keeps its size, so React Flow would not notice the handles inside it moved.
 */
function useMeasureChips(
  id: string,
  handles: Position | undefined,
  shown: readonly PodView[],
  offset: number,
) {
  const updateNodeInternals = useUpdateNodeInternals();
  const chips = shown.map((p) => p.uid).join(' ');
  useLayoutEffect(() => {
    if (handles) updateNodeInternals(id);
  }, [updateNodeInternals, id, handles, chips, offset]);
}

/**
 * NodeGroup is a cluster node's box: its kubelet, containerd and kube-proxy sit on top, its pods
 * stack below. The kube-system pods are counted on one line, or drawn as small grey chips after
 * the learner's own when the graph shows them.
 */
export function NodeGroup({ id, data }: NodeProps<Node<NodeGroupData>>) {
  const { t } = useTranslation();
  const pods = usePodsOnNode(data.node);
  const showSystem = useShowSystemPods();
  const aggregate = useKubeloop(selectAggregate);
  const handles = useChipHandles();
  const status = useNodeStatusOf(data.node);
  const selected = useKubeloop(
    (s: KubeloopState) => s.selected?.kind === 'Node' && s.selected.name === data.node,
  );
  const select = useKubeloop((s: KubeloopState) => s.select);
  const { listed, system, systemFrom } = chipOrder(pods, showSystem);
  const shown = shownChips(listed, PODS_PER_NODE, aggregate);
  const systemLine = !showSystem && system.length > 0;
  useMeasureChips(id, handles, shown, systemLine ? 1 : 0);
  return (
    <div className="node-group" aria-label={t('graph.node', { name: data.node })}>
      <Handles />
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
      {systemLine && <SystemPodsLine system={system} />}
      <PodList
        pods={listed}
        shown={shown}
        systemFrom={showSystem ? systemFrom : listed.length}
        handles={handles}
      />
    </div>
  );
}

/** SystemPodsLine counts a node's kube-system pods when the graph does not draw them. */
function SystemPodsLine({ system }: { system: readonly PodView[] }) {
  const { t } = useTranslation('graph');
  return (
    <p
      className="system-pods"
      title={t('systemPodsTitle', { names: system.map((p) => p.name).join(', ') })}
    >
      {t('systemPods', { count: system.length })}
    </p>
  );
}

/**
 * PodList shows the first pods as chips and counts the rest by STATUS, so a busy node keeps its
 * size. Above AGGREGATE_ABOVE pods in the cluster every box shows only the counts: thousands of
 * chips would cost more to draw than they tell.
 */
function PodList({
  pods,
  shown,
  systemFrom,
  handles,
}: {
  pods: readonly PodView[];
  /** the first pods, drawn as chips (shownChips) */
  shown: readonly PodView[];
  /** pods from this index on are kube-system's, drawn smaller */
  systemFrom: number;
  /** the side of each chip where edges to its pod end, if any */
  handles: Position | undefined;
}) {
  const { t } = useTranslation();
  return (
    <ul className="pod-list">
      {shown.map((pod, i) => (
        <PodChip key={pod.uid} pod={pod} system={i >= systemFrom} handle={handles} />
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
}

/** UnscheduledPods waits beside kube-scheduler: pods with no node yet. */
export function UnscheduledPods({ id }: NodeProps) {
  const { t } = useTranslation();
  const pods = usePodsOnNode(undefined);
  const aggregate = useKubeloop(selectAggregate);
  const handles = useChipHandles();
  const shown = shownChips(pods, UNSCHEDULED_CHIPS, aggregate);
  useMeasureChips(id, handles, shown, 0);
  return (
    <div className="unscheduled">
      <Handles />
      <div className="node-group-title">
        <strong>{t('graph.unscheduled')}</strong>
        <span className="node-pod-count">{t('graph.podCount', { count: pods.length })}</span>
      </div>
      <PodList pods={pods} shown={shown} systemFrom={pods.length} handles={handles} />
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
  object: ObjectNode,
};
