import { deepEqual } from '../../api/objects';
import { formatAmount, usageOf } from '../../api/quota';
import type { PersistentVolumeClaim, ResourceQuota } from '../../api/storage-types';
import type { KubeObject } from '../../api/types';
import { resourceInfo } from '../../apiserver/resources';
import { Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import { CONTROLLER_MANAGER, type ControllerContext } from '../context';

/** The kinds whose objects a quota can count, besides pods (which come from the shared informer). */
const COUNTED = ['services', 'configmaps', 'secrets', 'persistentvolumeclaims'];
/** The counted kinds kube-controller-manager already shares an informer for. */
const SHARED = new Set(['persistentvolumeclaims']);

/**
 * ResourceQuotaController (pkg/controller/resourcequota) keeps each quota's status: `hard` as
 * its spec says and `used` summed over what its namespace holds now, recalculated whenever a
 * quota or a counted object (pods, services, ConfigMaps, Secrets, claims) changes.
 */
export class ResourceQuotaController {
  private readonly quotas: Informer<ResourceQuota>;
  private readonly counted = new Map<
    string,
    Informer<KubeObject> | Informer<PersistentVolumeClaim>
  >();
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.quotas = new Informer<ResourceQuota>(ctx.api, CONTROLLER_MANAGER, 'resourcequotas');
    const enqueue = (q: ResourceQuota) =>
      this.queue.add(`${q.metadata.namespace}/${q.metadata.name}`);
    this.quotas.addHandlers({ onAdd: enqueue, onUpdate: (_o, q) => enqueue(q) });
    const changed = (obj: KubeObject) => this.enqueueNamespace(obj.metadata.namespace);
    const handlers = {
      onAdd: changed,
      onUpdate: (_o: KubeObject, obj: KubeObject) => changed(obj),
      onDelete: changed,
    };
    ctx.pods.addHandlers(handlers);
    ctx.persistentVolumeClaims.addHandlers(handlers);
    this.counted.set('persistentvolumeclaims', ctx.persistentVolumeClaims);
    for (const resource of COUNTED.filter((r) => !SHARED.has(r))) {
      const informer = new Informer<KubeObject>(ctx.api, CONTROLLER_MANAGER, resource);
      informer.addHandlers(handlers);
      this.counted.set(resource, informer);
      informer.start();
    }
    this.quotas.start();
  }

  private enqueueNamespace(namespace: string | undefined): void {
    for (const q of this.quotas.list()) {
      if (q.metadata.namespace === namespace)
        this.queue.add(`${q.metadata.namespace}/${q.metadata.name}`);
    }
  }

  private objects(resource: string, namespace: string): KubeObject[] {
    const informer = resource === 'pods' ? this.ctx.pods : this.counted.get(resource);
    return (informer?.list() ?? []).filter((o) => o.metadata.namespace === namespace);
  }

  private sync(key: string): void {
    const quota = this.quotas.get(key);
    if (!quota) return;
    const namespace = quota.metadata.namespace!;
    const hard = quota.spec?.hard ?? {};
    const totals = new Map(Object.keys(hard).map((k) => [k, 0]));
    for (const resource of ['pods', ...COUNTED]) {
      const info = resourceInfo(resource)!;
      for (const obj of this.objects(resource, namespace)) {
        for (const [k, v] of usageOf(resource, info.group, obj))
          if (totals.has(k)) totals.set(k, totals.get(k)! + v);
      }
    }
    if (totals.has('resourcequotas') || totals.has('count/resourcequotas'))
      for (const k of ['resourcequotas', 'count/resourcequotas'])
        if (totals.has(k))
          totals.set(
            k,
            this.quotas.list().filter((q) => q.metadata.namespace === namespace).length,
          );
    const used = Object.fromEntries(
      [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, formatAmount(k, v)]),
    );
    const status = { hard: { ...hard }, used };
    if (deepEqual(quota.status, status)) return;
    this.ctx.client.request({
      verb: 'update',
      resource: 'resourcequotas',
      namespace,
      name: quota.metadata.name,
      subresource: 'status',
      body: {
        ...quota,
        metadata: { ...quota.metadata, resourceVersion: '' },
        status,
      } as ResourceQuota,
    });
  }
}
