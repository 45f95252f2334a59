import { useTranslation } from 'react-i18next';
import type { PodView } from '../../state/pods';
import { statusTone } from '../../state/pod-status';
import { useKubeloop, type KubeloopState } from '../../state/store';
import '../inspector/shell-i18n';

/**
 * PodChip shows a pod's name and STATUS; the colour repeats the text, never replaces it. It is a
 * button: clicking it (or Enter/Space) opens the pod in the inspector.
 */
export default function PodChip({ pod }: { pod: PodView }) {
  const { t } = useTranslation('inspector');
  const selected = useKubeloop(
    (s: KubeloopState) =>
      s.selected?.kind === 'Pod' &&
      s.selected.name === pod.name &&
      s.selected.namespace === pod.namespace,
  );
  const select = useKubeloop((s: KubeloopState) => s.select);
  return (
    <li className="pod-chip-item">
      <button
        type="button"
        className={`pod-chip nopan tone-${statusTone(pod.status)}${selected ? ' is-selected' : ''}`}
        title={`${pod.namespace}/${pod.name}`}
        aria-label={t('selectPod', { name: pod.name, status: pod.status })}
        aria-pressed={selected}
        onClick={() => select({ kind: 'Pod', namespace: pod.namespace, name: pod.name })}
      >
        <span className="pod-name">{pod.name}</span>
        <span className="pod-status">{pod.status}</span>
      </button>
    </li>
  );
}
