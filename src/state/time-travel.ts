import { createCluster, type Cluster } from '../engine';
import type { Session, SessionAction } from './session';
import { applyAction } from './session-replay';

/**
 * PastReplay rebuilds a session's cluster as it was right after a given hop: a fresh cluster from
 * the seed, each recorded action issued at its position, stopped as soon as the hop count reaches
 * the target. The engine is deterministic, so the hops it delivers are the session's own hops.
 * It only moves forward: going further back means a new PastReplay. Replaying costs about 25 µs
 * per hop here (13,000 hops, a 300-replica Deployment, in about 350 ms), so the store runs it in
 * slices and no checkpoints are kept.
 */
export class PastReplay {
  readonly cluster: Cluster;
  /** how many of the session's actions have been issued */
  private next = 0;
  /** the last hop the session reached: the replay cannot go past it */
  readonly end: number;

  constructor(readonly session: Session) {
    const { seed, preset, workers } = session;
    this.cluster = createCluster(
      workers === undefined ? { seed, preset } : { seed, preset, workers },
    );
    this.end = session.end.hops;
  }

  /** hop is the number of hops delivered so far: the replay shows the cluster right after it. */
  get hop(): number {
    return this.cluster.hops.count;
  }

  /** issued is the session's actions already performed: a fork keeps exactly these. */
  get issued(): SessionAction[] {
    return this.session.actions.slice(0, this.next);
  }

  /**
   * advance runs the engine towards hop target (at most about maxTasks tasks); returns whether the
   * replay stands at the target (or as far as the session goes, if the target lies beyond it).
   */
  advance(target: number, maxTasks = Infinity): boolean {
    const goal = Math.min(target, this.end);
    const { clock } = this.cluster;
    const { actions } = this.session;
    let budget = maxTasks;
    while (this.hop < goal) {
      if (budget-- <= 0) return false;
      const action = actions[this.next];
      if (action && clock.tasksRun >= action.at.tasks) {
        clock.advanceTo(this.cluster.startTime + action.at.elapsed);
        applyAction(this.cluster, action);
        this.next++;
        continue;
      }
      if (!clock.runNext()) {
        if (!action) return true; // the session ends here: nothing more will happen
        // Nothing to run until the learner acted again (an idle cluster): move on to that action.
        clock.advanceTo(this.cluster.startTime + action.at.elapsed);
        applyAction(this.cluster, action);
        this.next++;
      }
    }
    return true;
  }
}
