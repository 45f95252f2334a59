import type { Pod } from '../engine';

/**
 * podStatus is the STATUS column of `kubectl get pods`: a deleting pod is Terminating, otherwise a
 * waiting or terminated container's reason wins (ContainerCreating, ErrImagePull,
 * ImagePullBackOff, CrashLoopBackOff...), and the phase is the fallback.
 */
export function podStatus(pod: Pod): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  let reason: string = pod.status?.reason ?? pod.status?.phase ?? 'Pending';
  for (const container of pod.status?.containerStatuses ?? []) {
    const { waiting, terminated } = container.state;
    if (waiting?.reason) reason = waiting.reason;
    else if (terminated)
      reason = terminated.reason ?? (terminated.exitCode === 0 ? 'Completed' : 'Error');
  }
  return reason;
}

export type StatusTone = 'pending' | 'running' | 'error' | 'done';

/** statusTone picks the colour family for a status; the text is always shown next to it. */
export function statusTone(status: string): StatusTone {
  if (status === 'Running') return 'running';
  if (status === 'Completed' || status === 'Succeeded' || status === 'Terminating') return 'done';
  if (status === 'Pending' || status === 'ContainerCreating' || status === 'PodInitializing')
    return 'pending';
  return 'error';
}
