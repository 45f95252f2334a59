import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterNodes } from '../../state/nodes';
import { statusCounts, usePodIndex, type PodView } from '../../state/pods';
import { AGGREGATE_ABOVE } from './layout';
import { splitSystemPods, useShowSystemPods } from './system-pods';
import './i18n';

/**
 * TextView is the graph for screen readers: each node and its pods with their STATUS. Above
 * AGGREGATE_ABOVE pods it lists each node's pods counted by STATUS, as the graph does. Like the
 * graph, it names kube-system pods one by one only when the learner asked to see them.
 */
export default function TextView() {
  const { t } = useTranslation();
  const nodes = useClusterNodes();
  const { all, byNode } = usePodIndex();
  const aggregate = all.length > AGGREGATE_ABOVE;
  const unscheduled = byNode.get(undefined);
  const showSystem = useShowSystemPods();
  return (
    <ul role="list" className="visually-hidden graph-text-view" aria-label={t('regions.textView')}>
      {nodes.map(({ name }) => (
        <NodeEntry
          key={name}
          title={t('graph.node', { name })}
          pods={byNode.get(name)}
          aggregate={aggregate}
          showSystem={showSystem}
        />
      ))}
      {unscheduled && (
        <NodeEntry
          title={t('graph.unscheduled')}
          pods={unscheduled}
          aggregate={aggregate}
          showSystem={showSystem}
        />
      )}
    </ul>
  );
}

/** NodeEntry redraws only when its node's pods change (their array keeps its identity otherwise). */
const NodeEntry = memo(function NodeEntry({
  title,
  pods = [],
  aggregate,
  showSystem,
}: {
  title: string;
  pods: readonly PodView[] | undefined;
  aggregate: boolean;
  showSystem: boolean;
}) {
  const { t } = useTranslation();
  const { workload, system } = splitSystemPods(pods);
  const listed = showSystem ? pods : workload;
  const tally = (some: readonly PodView[]) =>
    statusCounts(some)
      .map(({ status, count }) => `${status} ${count}`)
      .join(', ');
  return (
    <li>
      {title}: {pods.length === 0 ? t('graph.noPods') : t('graph.podCount', { count: pods.length })}
      {pods.length > 0 && (
        <ul>
          {aggregate
            ? statusCounts(listed).map(({ status, count }) => (
                <li key={status}>
                  {status}: {count}
                </li>
              ))
            : listed.map((p) => (
                <li key={p.uid}>
                  {p.name}: {p.status}
                </li>
              ))}
          {!showSystem && system.length > 0 && (
            <li>
              {t('graph:systemPods', { count: system.length })} ({tally(system)})
            </li>
          )}
        </ul>
      )}
    </li>
  );
});
