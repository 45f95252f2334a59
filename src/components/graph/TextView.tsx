import { useTranslation } from 'react-i18next';
import { useNodeNames, usePodViews } from '../../state/pods';

/** TextView is the graph for screen readers: each node and its pods with their STATUS. */
export default function TextView() {
  const { t } = useTranslation();
  const nodes = useNodeNames();
  const pods = usePodViews();
  const unscheduled = pods.filter((p) => !p.nodeName);
  return (
    <ul role="list" className="visually-hidden" aria-label={t('regions.textView')}>
      {nodes.map((node) => {
        const onNode = pods.filter((p) => p.nodeName === node);
        return (
          <li key={node}>
            {t('graph.node', { name: node })}:{' '}
            {onNode.length === 0
              ? t('graph.noPods')
              : t('graph.podCount', { count: onNode.length })}
            {onNode.length > 0 && (
              <ul>
                {onNode.map((p) => (
                  <li key={p.uid}>
                    {p.name}: {p.status}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
      {unscheduled.length > 0 && (
        <li>
          {t('graph.unscheduled')}
          <ul>
            {unscheduled.map((p) => (
              <li key={p.uid}>
                {p.name}: {p.status}
              </li>
            ))}
          </ul>
        </li>
      )}
    </ul>
  );
}
