import type { KubeObject, Namespace, NamespaceCondition, Pod } from '../../api/types';
import type { ApiResponse } from '../../apiserver/apiserver';
import { NAMESPACE_FINALIZER } from '../../apiserver/namespace-registry';
import { RESOURCES, type ResourceInfo } from '../../apiserver/resources';
import { toTimestamp } from '../../clock';
import { Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import { CONTROLLER_MANAGER, type ControllerContext } from '../context';

/** What one resource kind still holds in a terminating namespace after a deletion pass. */
interface ContentLeft {
  info: ResourceInfo;
  remaining: number;
  /** content-preserving finalizers still on the remaining objects, with their counts */
  finalizers: Map<string, number>;
  /** seconds the remaining objects may still take (pods' grace periods) */
  estimate: number;
  failure?: string;
}

/** Seconds to wait for objects held by finalizers (finalizerEstimateSeconds). */
const FINALIZER_ESTIMATE_SECONDS = 15;

/** The conditions the namespace deleter maintains, with their "all is well" reason and message. */
const CONDITIONS: readonly [type: string, reason: string, message: string][] = [
  [
    'NamespaceDeletionDiscoveryFailure',
    'ResourcesDiscovered',
    'All resources successfully discovered',
  ],
  [
    'NamespaceDeletionGroupVersionParsingFailure',
    'ParsedGroupVersions',
    'All legacy kube types successfully parsed',
  ],
  [
    'NamespaceDeletionContentFailure',
    'ContentDeleted',
    'All content successfully deleted, may be waiting on finalization',
  ],
  ['NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'],
  ['NamespaceFinalizersRemaining', 'ContentRemoved', 'All content successfully removed'],
];

/**
 * NamespaceController (pkg/controller/namespace) empties a namespace being deleted: each pass
 * deletes every namespaced object in it, lists what is left, reports that in the namespace's
 * conditions, and comes back after half the longest grace period still running (plus a second).
 * Once nothing is left it removes its `kubernetes` finalizer through namespaces/finalize, and
 * the API server then drops the namespace.
 */
export class NamespaceController {
  private readonly queue: WorkQueue;
  private readonly namespaces: Informer<Namespace>;
  /** namespaces with a deletion pass under way (its requests are still out) */
  private readonly passes = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (name) => this.sync(name));
    this.namespaces = new Informer<Namespace>(ctx.api, CONTROLLER_MANAGER, 'namespaces');
    this.namespaces.addHandlers({
      onAdd: (ns) => this.queue.add(ns.metadata.name),
      onUpdate: (_old, ns) => this.queue.add(ns.metadata.name),
    });
    this.namespaces.start();
  }

  private sync(name: string): void {
    const ns = this.namespaces.get(name);
    if (!ns?.metadata.deletionTimestamp || this.passes.has(name)) return;
    if (!(ns.spec.finalizers ?? []).includes(NAMESPACE_FINALIZER)) return;
    this.passes.add(name);
    const kinds = RESOURCES.filter((info) => info.namespaced);
    const left: ContentLeft[] = [];
    for (const info of kinds) {
      this.deleteContent(info, name, (result) => {
        left.push(result);
        if (left.length < kinds.length) return;
        this.passes.delete(name);
        this.finishPass(name, left);
      });
    }
  }

  /** deleteContent deletes every object of one kind in the namespace, then counts what is left. */
  private deleteContent(info: ResourceInfo, namespace: string, done: (left: ContentLeft) => void) {
    const failed = (response: ApiResponse & { ok: false }) =>
      done({
        info,
        remaining: 0,
        finalizers: new Map(),
        estimate: 0,
        failure: response.error.message,
      });
    this.list(info, namespace, (listed) => {
      if (!listed.ok) return failed(listed);
      const items = listed.result.items ?? [];
      let estimate = 0;
      if (info.resource === 'pods')
        for (const pod of items as Pod[])
          if (pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed')
            estimate = Math.max(estimate, pod.spec.terminationGracePeriodSeconds ?? 0);
      const live = items.filter((obj) => !obj.metadata.deletionTimestamp);
      let pending = live.length;
      const recount = () =>
        this.list(info, namespace, (relisted) => {
          if (!relisted.ok) return failed(relisted);
          done(countLeft(info, relisted.result.items ?? [], estimate));
        });
      if (pending === 0) return recount();
      for (const obj of live) {
        this.ctx.client.request(
          {
            verb: 'delete',
            resource: info.resource,
            namespace,
            name: obj.metadata.name,
            propagationPolicy: 'Background',
          },
          () => {
            pending -= 1;
            if (pending === 0) recount();
          },
        );
      }
    });
  }

  private list(info: ResourceInfo, namespace: string, callback: (r: ApiResponse) => void): void {
    this.ctx.client.request({ verb: 'list', resource: info.resource, namespace }, callback);
  }

  private finishPass(name: string, left: ContentLeft[]): void {
    const ns = this.namespaces.get(name);
    if (!ns) return;
    const conditions = nextConditions(ns, left, toTimestamp(this.ctx.clock.now));
    if (conditions) {
      this.ctx.client.request({
        verb: 'update',
        resource: 'namespaces',
        name,
        subresource: 'status',
        body: { ...ns, status: { ...ns.status, conditions } } as Namespace,
      });
    }
    if (left.some((l) => l.failure)) {
      this.queue.addRateLimited(name);
      return;
    }
    this.queue.forget(name);
    if (left.some((l) => l.remaining > 0)) {
      const estimate = Math.max(...left.map((l) => l.estimate));
      this.queue.addAfter(name, (Math.floor(estimate / 2) + 1) * 1000);
      return;
    }
    this.ctx.client.request({
      verb: 'update',
      resource: 'namespaces',
      name,
      subresource: 'finalize',
      body: {
        ...ns,
        spec: {
          ...ns.spec,
          finalizers: (ns.spec.finalizers ?? []).filter((f) => f !== NAMESPACE_FINALIZER),
        },
      } as Namespace,
    });
  }
}

function countLeft(info: ResourceInfo, items: KubeObject[], podEstimate: number): ContentLeft {
  const finalizers = new Map<string, number>();
  for (const obj of items)
    for (const f of obj.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
  const estimate = finalizers.size > 0 ? FINALIZER_ESTIMATE_SECONDS : podEstimate;
  return { info, remaining: items.length, finalizers, estimate };
}

/** nextConditions is the namespace's conditions after a pass, or undefined if none changed. */
function nextConditions(
  ns: Namespace,
  left: ContentLeft[],
  now: string,
): NamespaceCondition[] | undefined {
  const failing = new Map<string, Omit<NamespaceCondition, 'lastTransitionTime'>>();
  const failures = left.flatMap((l) => (l.failure ? [l.failure] : [])).sort();
  if (failures.length > 0)
    failing.set('NamespaceDeletionContentFailure', {
      type: 'NamespaceDeletionContentFailure',
      status: 'True',
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${failures.length} remaining: ${failures.join(', ')}`,
    });
  const remaining = left
    .filter((l) => l.remaining > 0)
    .map((l) => `${l.info.resource}.${l.info.group} has ${l.remaining} resource instances`)
    .sort();
  if (remaining.length > 0)
    failing.set('NamespaceContentRemaining', {
      type: 'NamespaceContentRemaining',
      status: 'True',
      reason: 'SomeResourcesRemain',
      message: `Some resources are remaining: ${remaining.join(', ')}`,
    });
  const byFinalizer = new Map<string, number>();
  for (const l of left)
    for (const [f, n] of l.finalizers) byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + n);
  if (byFinalizer.size > 0)
    failing.set('NamespaceFinalizersRemaining', {
      type: 'NamespaceFinalizersRemaining',
      status: 'True',
      reason: 'SomeFinalizerRemain',
      message: `Some finalizers are remaining: ${[...byFinalizer]
        .map(([f, n]) => `${f} in ${n} resource instances`)
        .sort()
        .join(', ')}`,
    });
  const old = ns.status.conditions ?? [];
  let changed = false;
  const conditions = old.map((c) => ({ ...c }));
  for (const [type, reason, message] of CONDITIONS) {
    const wanted = failing.get(type) ?? { type, status: 'False' as const, reason, message };
    const current = conditions.find((c) => c.type === type);
    if (!current) {
      conditions.push({ ...wanted, lastTransitionTime: now });
      changed = true;
    } else if (
      current.status !== wanted.status ||
      current.reason !== wanted.reason ||
      current.message !== wanted.message
    ) {
      if (current.status !== wanted.status) current.lastTransitionTime = now;
      Object.assign(current, wanted);
      changed = true;
    }
  }
  return changed ? conditions : undefined;
}
