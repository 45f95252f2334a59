import type { Pod } from '../../engine';
import { age } from './age';

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/**
 * summarizePod computes the READY, STATUS and RESTARTS cells as printers.go printPod does:
 * phase (or status.reason), then init containers, then app containers last to first, then
 * Terminating when a deletion is pending. See k8s-facts §3.
 */
export function summarizePod(pod: Pod, now: number): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? { phase: 'Pending' };
  let restarts = 0;
  let readyContainers = 0;
  let lastRestart = '';
  let reason: string = status.reason || status.phase || '';
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const later = (t: string | undefined) => {
    if (t && (lastRestart === '' || Date.parse(t) > Date.parse(lastRestart))) lastRestart = t;
  };
  const initCount = spec.initContainers?.length ?? 0;
  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    restarts += c.restartCount;
    later(c.lastState?.terminated?.finishedAt);
    const t = c.state.terminated;
    if (t && t.exitCode === 0) continue;
    if (t) reason = t.reason ? `Init:${t.reason}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state.waiting?.reason && c.state.waiting.reason !== 'PodInitializing')
      reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${initCount}`;
    initializing = true;
    break;
  }
  const initialized = (status.conditions ?? []).some(
    (c) => c.type === 'Initialized' && c.status === 'True',
  );
  if (!initializing || initialized) {
    restarts = 0;
    lastRestart = '';
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount;
      later(c.lastState?.terminated?.finishedAt);
      const { waiting, terminated, running } = c.state;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = `ExitCode:${terminated.exitCode}`;
      else if (c.ready && running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (status.conditions ?? []).some(
        (c) => c.type === 'Ready' && c.status === 'True',
      );
      reason = ready ? 'Running' : 'NotReady';
    }
  }
  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';
  const restartsCell =
    restarts !== 0 && lastRestart !== ''
      ? `${restarts} (${age(lastRestart, now)} ago)`
      : String(restarts);
  return {
    ready: `${readyContainers}/${spec.containers.length}`,
    status: reason,
    restarts: restartsCell,
  };
}
