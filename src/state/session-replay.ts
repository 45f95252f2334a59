import { createCluster, type Cluster } from '../engine';
import type { EditorOutcome } from '../kubectl';
import { loadedKubectl } from './kubectl-loader';
import type { EnginePosition, Session, SessionAction } from './session';

/** positionOf is where cluster is now, in the terms a session records. */
export function positionOf(cluster: Cluster): EnginePosition {
  return { tasks: cluster.clock.tasksRun, elapsed: cluster.elapsed, hops: cluster.hops.count };
}

/** The editor each replayed `kubectl edit` waits on, until the action that saved it comes. */
const waitingEditors = new WeakMap<Cluster, (outcome: EditorOutcome) => void>();

/**
 * applyAction performs one recorded learner action on cluster, without driving the engine. A
 * kubectl action needs kubectl loaded (loadKubectl) first.
 */
export function applyAction(cluster: Cluster, action: SessionAction): void {
  switch (action.kind) {
    case 'kubectl': {
      if (action.edited !== undefined) {
        const done = waitingEditors.get(cluster);
        waitingEditors.delete(cluster);
        done?.({ ok: true, content: action.edited });
        return;
      }
      // The command's own requests are tasks: the positions of the next action (or the end)
      // already count them, so starting it is all a replay needs to do.
      loadedKubectl().startKubectl(cluster, action.line, {
        stdin: action.stdin,
        editor: (_file, done) => waitingEditors.set(cluster, done),
      });
      return;
    }
    case 'stopNode':
      cluster.stopNode(action.node);
      return;
    case 'startNode':
      cluster.startNode(action.node);
      return;
    case 'killContainer':
      cluster.killContainer(action.namespace, action.pod, action.container);
      return;
    case 'addNode':
      cluster.addNode(action.node);
      return;
    case 'setLoad':
      cluster.setLoad(action.namespace, action.deployment, action.percent);
      return;
    case 'request':
      cluster.network.request(action.origin, action.url);
      return;
  }
}

/**
 * SessionReplay rebuilds a session's cluster: a fresh cluster from the seed, each action issued
 * at its recorded position, then run to the end position. run(budget) does a bounded share of
 * the engine work so a long session can be restored in slices without freezing the page.
 */
export class SessionReplay {
  readonly cluster: Cluster;
  /** diverged: the engine did not reach a recorded hop count (it changed since the save). */
  diverged = false;
  private next = 0;
  private finished = false;

  constructor(readonly session: Session) {
    const { seed, preset, workers } = session;
    this.cluster = createCluster(
      workers === undefined ? { seed, preset } : { seed, preset, workers },
    );
  }

  get done(): boolean {
    return this.finished;
  }

  /** progress is the share of the engine work done, 0..1. */
  get progress(): number {
    const total = this.session.end.tasks;
    return total === 0 ? 1 : Math.min(1, this.cluster.clock.tasksRun / total);
  }

  /** run replays at most about maxTasks engine tasks; returns whether the replay is finished. */
  run(maxTasks = Infinity): boolean {
    const { actions, end } = this.session;
    let budget = maxTasks;
    while (!this.finished) {
      const action = actions[this.next];
      const target = action ? action.at : end;
      const ran = this.runTo(target, budget);
      budget -= ran.tasks;
      if (!ran.reached) return false;
      if (action) {
        applyAction(this.cluster, action);
        this.next++;
      } else {
        this.finished = true;
      }
      if (budget <= 0 && !this.finished) return false;
    }
    return true;
  }

  private runTo(at: EnginePosition, budget: number): { reached: boolean; tasks: number } {
    const { clock } = this.cluster;
    const start = clock.tasksRun;
    let stuck = false;
    while (clock.tasksRun < at.tasks && clock.tasksRun - start < budget) {
      if (!clock.runNext()) {
        stuck = true; // nothing left to run, yet the save ran further
        break;
      }
    }
    const tasks = clock.tasksRun - start;
    if (clock.tasksRun < at.tasks && !stuck) return { reached: false, tasks };
    clock.advanceTo(this.cluster.startTime + at.elapsed);
    if (stuck || this.cluster.hops.count !== at.hops || this.cluster.elapsed !== at.elapsed) {
      this.diverged = true;
    }
    return { reached: true, tasks };
  }
}
