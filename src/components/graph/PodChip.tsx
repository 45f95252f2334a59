import type { PodView } from '../../state/pods';
import { statusTone } from '../../state/pod-status';

/** PodChip shows a pod's name and STATUS; the colour repeats the text, never replaces it. */
export default function PodChip({ pod }: { pod: PodView }) {
  return (
    <li
      className={`pod-chip tone-${statusTone(pod.status)}`}
      title={`${pod.namespace}/${pod.name}`}
    >
      <span className="pod-name">{pod.name}</span>
      <span className="pod-status">{pod.status}</span>
    </li>
  );
}
