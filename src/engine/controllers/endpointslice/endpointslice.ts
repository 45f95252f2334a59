import { deepEqual, objectKey, ownerReferenceTo } from '../../api/objects';
import type { EndpointSlice, Pod, Service } from '../../api/types';
import { WorkQueue } from '../../client/workqueue';
import type { ControllerContext } from '../context';
import { hasSelector, TRIGGER_TIME_ANNOTATION, triggerTime } from '../endpoints/compute';
import { podsFor, watchServicesAndTheirPods } from '../endpoints/endpoints';
import {
  desiredSlices,
  MANAGED_BY,
  MANAGED_BY_LABEL,
  SERVICE_NAME_LABEL,
  sliceLabels,
  type DesiredSlice,
} from './compute';

/**
 * EndpointSliceController keeps the EndpointSlices of each Service with a selector
 * (pkg/controller/endpointslice): `<svc>-xxxxx`, owned by the Service, one per set of ports,
 * each endpoint with its ready/serving/terminating conditions.
 */
export class EndpointSliceController {
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    watchServicesAndTheirPods(ctx, this.queue);
    ctx.endpointSlices.addHandlers({
      onDelete: (slice) => {
        const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL];
        if (svc) this.queue.add(`${slice.metadata.namespace}/${svc}`);
      },
    });
  }

  private managedSlices(namespace: string, service: string): EndpointSlice[] {
    return this.ctx.endpointSlices
      .list()
      .filter(
        (s) =>
          s.metadata.namespace === namespace &&
          s.metadata.labels?.[SERVICE_NAME_LABEL] === service &&
          s.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY,
      )
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  }

  private sync(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const svc = this.ctx.services.get(key);
    const existing = this.managedSlices(namespace, name);
    if (!svc || !hasSelector(svc) || svc.spec.type === 'ExternalName') {
      // Without a Service (or a selector) there is nothing to publish: its slices go.
      for (const slice of existing) this.deleteSlice(slice, name);
      return;
    }
    if (svc.metadata.deletionTimestamp) return;
    const pods = podsFor(this.ctx, svc);
    const desired = desiredSlices(svc, pods);
    const labels = sliceLabels(svc);
    const unmatched = [...existing];
    const toWrite: DesiredSlice[] = [];
    for (const want of desired) {
      // Reuse a slice that already has these ports (or any leftover) rather than churn names.
      const i = unmatched.findIndex((s) => deepEqual(s.ports ?? null, want.ports));
      const slice = i >= 0 ? unmatched.splice(i, 1)[0] : undefined;
      if (
        slice &&
        deepEqual(slice.endpoints ?? null, want.endpoints) &&
        deepEqual(slice.metadata.labels ?? {}, labels)
      )
        continue;
      if (slice) this.writeSlice(svc, want, pods, slice);
      else toWrite.push(want);
    }
    for (const want of toWrite) {
      const reuse = unmatched.shift();
      this.writeSlice(svc, want, pods, reuse);
    }
    for (const slice of unmatched) this.deleteSlice(slice, name);
  }

  private writeSlice(svc: Service, want: DesiredSlice, pods: Pod[], current?: EndpointSlice): void {
    const body = desiredSlice(svc, want, pods, current);
    const ready = (want.endpoints ?? []).filter((e) => e.conditions.ready).length;
    this.ctx.client.request(
      current
        ? {
            verb: 'update',
            resource: 'endpointslices',
            namespace: svc.metadata.namespace,
            name: current.metadata.name,
            body,
          }
        : {
            verb: 'create',
            resource: 'endpointslices',
            namespace: svc.metadata.namespace,
            body: body as never,
          },
      (response) => {
        this.queue.settle(objectKey(svc), response.ok);
      },
      { code: 'eps.sync', args: { svc: svc.metadata.name, ready } },
    );
  }

  private deleteSlice(slice: EndpointSlice, service: string): void {
    this.ctx.client.request(
      {
        verb: 'delete',
        resource: 'endpointslices',
        namespace: slice.metadata.namespace,
        name: slice.metadata.name,
      },
      undefined,
      { code: 'eps.delete', args: { svc: service, slice: slice.metadata.name } },
    );
  }
}

/** desiredSlice builds one EndpointSlice object of a Service (also used at bootstrap). */
export function desiredSlice(
  svc: Service,
  want: DesiredSlice,
  pods: Pod[],
  current?: EndpointSlice,
  name?: string,
): EndpointSlice {
  const metadata = {
    ...(current?.metadata ?? {}),
    ...(current ? {} : name ? { name } : { generateName: `${svc.metadata.name}-` }),
    namespace: svc.metadata.namespace,
    labels: sliceLabels(svc),
    annotations: {
      ...current?.metadata.annotations,
      [TRIGGER_TIME_ANNOTATION]: triggerTime(svc, pods),
    },
    ownerReferences: [ownerReferenceTo(svc)],
  };
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata,
    addressType: 'IPv4',
    endpoints: want.endpoints,
    ports: want.ports,
  } as EndpointSlice;
}
