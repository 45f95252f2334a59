export type StatusTone = 'pending' | 'running' | 'error' | 'done';

/** statusTone picks the colour family for a status; the text is always shown next to it. */
export function statusTone(status: string): StatusTone {
  if (status === 'Running') return 'running';
  if (status === 'Completed' || status === 'Succeeded' || status === 'Terminating') return 'done';
  if (status === 'Pending' || status === 'ContainerCreating' || status === 'PodInitializing')
    return 'pending';
  return 'error';
}
