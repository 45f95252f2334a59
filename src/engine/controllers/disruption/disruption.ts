import { matchesSelector } from '../../api/labels';
import { isPodReady, isPodTerminal } from '../../api/pod';
import { objectKey } from '../../api/objects';
import type { Pod, PodDisruptionBudget } from '../../api/types';
import { toTimestamp } from '../../clock';
import { WorkQueue } from '../../client/workqueue';
import type { ControllerContext } from '../context';

/** scaled resolves an int-or-percent against a total, rounding up as the disruption controller does. */
function scaled(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  return Math.ceil((Number(value.replace('%', '')) * total) / 100);
}

/**
 * budgetStatus computes a PodDisruptionBudget's status from the pods it covers
 * (pkg/controller/disruption): how many are healthy, how many must stay healthy, and so how
 * many may be evicted now. Expected pods are the covered pods (the real controller asks their
 * controllers' scale, which is the same number once a rollout has settled).
 */
export function budgetStatus(
  pdb: PodDisruptionBudget,
  pods: Pod[],
): Omit<PodDisruptionBudget['status'], 'conditions' | 'observedGeneration'> {
  const covered = pods.filter(
    (p) => !isPodTerminal(p) && matchesSelector(pdb.spec.selector, p.metadata.labels),
  );
  const expectedPods = covered.length;
  const currentHealthy = covered.filter(
    (p) => isPodReady(p) && !p.metadata.deletionTimestamp,
  ).length;
  let desiredHealthy = 0;
  if (pdb.spec.minAvailable !== undefined)
    desiredHealthy = scaled(pdb.spec.minAvailable, expectedPods);
  else if (pdb.spec.maxUnavailable !== undefined)
    desiredHealthy = Math.max(0, expectedPods - scaled(pdb.spec.maxUnavailable, expectedPods));
  return {
    disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy),
    currentHealthy,
    desiredHealthy,
    expectedPods,
  };
}

/** DisruptionController keeps every PodDisruptionBudget's status current as its pods come and go. */
export class DisruptionController {
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    ctx.podDisruptionBudgets.addHandlers({
      onAdd: (pdb) => this.queue.add(objectKey(pdb)),
      onUpdate: (_old, pdb) => this.queue.add(objectKey(pdb)),
    });
    const touch = (pod: Pod) => {
      for (const pdb of ctx.podDisruptionBudgets.list()) {
        if (
          pdb.metadata.namespace === pod.metadata.namespace &&
          matchesSelector(pdb.spec.selector, pod.metadata.labels)
        ) {
          this.queue.add(objectKey(pdb));
        }
      }
    };
    ctx.pods.addHandlers({ onAdd: touch, onUpdate: (_old, pod) => touch(pod), onDelete: touch });
  }

  private sync(key: string): void {
    const pdb = this.ctx.podDisruptionBudgets.get(key);
    if (!pdb) return;
    const pods = this.ctx.pods
      .list()
      .filter((p) => p.metadata.namespace === pdb.metadata.namespace);
    const computed = budgetStatus(pdb, pods);
    const allowed = computed.disruptionsAllowed > 0;
    const previous = pdb.status.conditions?.[0];
    const status: PodDisruptionBudget['status'] = {
      observedGeneration: pdb.metadata.generation,
      ...computed,
      conditions: [
        {
          type: 'DisruptionAllowed',
          status: allowed ? 'True' : 'False',
          reason: allowed ? 'SufficientPods' : 'InsufficientPods',
          message: '',
          lastTransitionTime:
            previous && previous.status === (allowed ? 'True' : 'False')
              ? previous.lastTransitionTime
              : toTimestamp(this.ctx.clock.now),
          observedGeneration: pdb.metadata.generation,
        },
      ],
    };
    if (JSON.stringify(status) === JSON.stringify(pdb.status)) return;
    this.ctx.client.request(
      {
        verb: 'update',
        resource: 'poddisruptionbudgets',
        namespace: pdb.metadata.namespace,
        name: pdb.metadata.name,
        subresource: 'status',
        body: { ...pdb, status } as PodDisruptionBudget,
      },
      (response) => {
        this.queue.settle(key, response.ok);
      },
      {
        code: 'pdb.status',
        args: { pdb: pdb.metadata.name, allowed: computed.disruptionsAllowed },
      },
    );
  }
}
