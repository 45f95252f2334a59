import { Handle, type Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PodView } from '../../state/pods';
import { statusTone } from '../../state/pod-status';
import { useKubeloop, type KubeloopState } from '../../state/store';
import '../inspector/shell-i18n';
import { podHandle } from './object-graph';

/**
 * PodChip shows a pod's name and STATUS; the colour repeats the text, never replaces it (a
 * kube-system pod's chip is smaller and grey: the cluster's own, not the learner's). It is a
 * button: clicking it (or Enter/Space) opens the pod in the inspector. Memoised: an unchanged pod
 * keeps its view object, so its chip skips the redraw when others change. With handle, the chip
 * is an anchor where edges to the pod end (a Service's endpoint, its owner, its claim).
 */
export default memo(function PodChip({
  pod,
  system = false,
  handle,
}: {
  pod: PodView;
  system?: boolean;
  /** the side of the chip where edges to the pod end; no anchor without one */
  handle?: Position;
}) {
  const { t } = useTranslation('inspector');
  const selected = useKubeloop(
    (s: KubeloopState) =>
      s.selected?.kind === 'Pod' &&
      s.selected.name === pod.name &&
      s.selected.namespace === pod.namespace,
  );
  // A request's packet is at this pod (traffic hops name pods as pod/NAME).
  const reached = useKubeloop(
    (s: KubeloopState) =>
      s.lastHop?.channel === 'traffic' &&
      (s.lastHop.from === `pod/${pod.name}` || s.lastHop.to === `pod/${pod.name}`),
  );
  const select = useKubeloop((s: KubeloopState) => s.select);
  return (
    <li className="pod-chip-item">
      {handle && (
        <Handle
          type="target"
          id={podHandle(pod.namespace, pod.name)}
          position={handle}
          isConnectable={false}
        />
      )}
      <button
        type="button"
        className={`pod-chip nopan tone-${statusTone(pod.status)}${system ? ' is-system' : ''}${selected ? ' is-selected' : ''}${reached ? ' is-reached' : ''}`}
        data-pod={pod.name}
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
});
