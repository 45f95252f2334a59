import { memo, useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { viewCluster } from '../../lessons';
import { useKubeloop, type KubeloopState } from '../../state/store';
import { summarizeCluster, type ClusterSummary } from './cluster-summary';

// The summary is recomputed when the engine changes: version bumps after every step.
const selectVersion = (s: KubeloopState) => s.version;
const selectCluster = (s: KubeloopState) => s.cluster;

/**
 * GoalView puts the state a step asks for beside the cluster as it is now, the way Learn Git
 * Branching shows the goal tree next to yours.
 */
export default function GoalView({ want }: { want: string }) {
  const { t } = useTranslation('lessons');
  // Deferred: the graph's frame is drawn first, and while hops come faster than the page can
  // draw, the summary is made once for the newest of them instead of once for each.
  const version = useDeferredValue(useKubeloop(selectVersion));
  const cluster = useKubeloop(selectCluster);
  const summary = useMemo(() => {
    void version;
    return summarizeCluster(viewCluster(cluster));
  }, [cluster, version]);
  return (
    <div className="kl-goal" role="group" aria-label={t('goalView')}>
      <div className="kl-goal__side">
        <h3>{t('goalWant')}</h3>
        <p>{want}</p>
      </div>
      <div className="kl-goal__side">
        <h3>{t('goalNow')}</h3>
        <NowSummary summary={summary} />
      </div>
    </div>
  );
}

const NowSummary = memo(function NowSummary({ summary }: { summary: ClusterSummary }) {
  const { t } = useTranslation('lessons');
  if (summary.pods.length === 0 && summary.troubledNodes.length === 0) {
    return <p>{t('nowNoPods')}</p>;
  }
  return (
    <ul>
      {summary.pods.map((group) => (
        <li key={group.status}>
          {group.nodes.length > 0
            ? t('nowPodsOn', {
                count: group.count,
                status: group.status,
                nodes: group.nodes.join(', '),
              })
            : t('nowPods', { count: group.count, status: group.status })}
        </li>
      ))}
      {summary.troubledNodes.map((node) => (
        <li key={node.name}>{t('nowNode', { name: node.name, status: node.status })}</li>
      ))}
    </ul>
  );
});
