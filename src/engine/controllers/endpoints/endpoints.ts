import { matchesSelector } from '../../api/labels';
import { deepEqual, objectKey } from '../../api/objects';
import type { Endpoints, Pod, Service } from '../../api/types';
import { WorkQueue } from '../../client/workqueue';
import type { ControllerContext } from '../context';
import {
  endpointLabels,
  endpointSubsets,
  hasSelector,
  TRIGGER_TIME_ANNOTATION,
  triggerTime,
} from './compute';

/**
 * EndpointsController keeps one Endpoints object per Service with a selector, named after it,
 * listing the matching pods' IPs and ports (pkg/controller/endpoint/endpoints_controller.go).
 * A Service without a selector is left alone: its Endpoints are the user's.
 */
export class EndpointsController {
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    watchServicesAndTheirPods(ctx, this.queue);
    ctx.endpoints.addHandlers({
      onDelete: (ep) => this.queue.add(objectKey(ep)),
    });
  }

  private sync(key: string): void {
    const svc = this.ctx.services.get(key);
    const current = this.ctx.endpoints.get(key);
    if (!svc) {
      // The Service is gone: its Endpoints go too (the controller deletes them itself).
      if (current) {
        const [namespace, name] = key.split('/') as [string, string];
        this.ctx.client.request(
          { verb: 'delete', resource: 'endpoints', namespace, name },
          undefined,
          { code: 'ep.delete', args: { svc: name } },
        );
      }
      return;
    }
    if (!hasSelector(svc) || svc.metadata.deletionTimestamp) return;
    const pods = podsFor(this.ctx, svc);
    const subsets = endpointSubsets(svc, pods);
    const labels = endpointLabels(svc);
    if (
      current &&
      deepEqual(current.subsets ?? [], subsets) &&
      deepEqual(current.metadata.labels ?? {}, labels ?? {})
    )
      return;
    const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
    const body = desiredEndpoints(svc, pods, current);
    this.ctx.client.request(
      current
        ? {
            verb: 'update',
            resource: 'endpoints',
            namespace: svc.metadata.namespace,
            name: svc.metadata.name,
            body,
          }
        : {
            verb: 'create',
            resource: 'endpoints',
            namespace: svc.metadata.namespace,
            body: body as never,
          },
      (response) => {
        this.queue.settle(key, response.ok);
      },
      { code: 'ep.sync', args: { svc: svc.metadata.name, ready } },
    );
  }
}

/** desiredEndpoints builds the Endpoints object for a Service (also used at bootstrap). */
export function desiredEndpoints(svc: Service, pods: Pod[], current?: Endpoints): Endpoints {
  const subsets = endpointSubsets(svc, pods);
  const labels = endpointLabels(svc);
  const body = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      ...(current?.metadata ?? {}),
      name: svc.metadata.name,
      namespace: svc.metadata.namespace,
      annotations: {
        ...current?.metadata.annotations,
        [TRIGGER_TIME_ANNOTATION]: triggerTime(svc, pods),
      },
      ...(labels ? { labels } : {}),
    },
    ...(subsets.length > 0 ? { subsets } : {}),
  } as Endpoints;
  if (!labels) delete body.metadata.labels;
  return body;
}

/** podsFor lists the pods in the Service's namespace that its selector matches. */
export function podsFor(ctx: ControllerContext, svc: Service): Pod[] {
  return ctx.pods
    .list()
    .filter(
      (pod) =>
        pod.metadata.namespace === svc.metadata.namespace &&
        matchesSelector({ matchLabels: svc.spec.selector }, pod.metadata.labels),
    );
}

/** servicesSelecting lists the Services with a selector that matches the pod. */
/**
 * watchServicesAndTheirPods queues a Service when it changes and when any pod it selects (or
 * selected, before a label change) changes: what both endpoint controllers react to.
 */
export function watchServicesAndTheirPods(ctx: ControllerContext, queue: WorkQueue): void {
  const enqueueServicesOf = (pod: Pod) => {
    for (const svc of servicesSelecting(ctx, pod)) queue.add(objectKey(svc));
  };
  ctx.services.addHandlers({
    onAdd: (svc) => queue.add(objectKey(svc)),
    onUpdate: (_old, svc) => queue.add(objectKey(svc)),
    onDelete: (svc) => queue.add(objectKey(svc)),
  });
  ctx.pods.addHandlers({
    onAdd: enqueueServicesOf,
    onUpdate: (old, pod) => {
      enqueueServicesOf(pod);
      if (old.metadata.labels !== pod.metadata.labels) enqueueServicesOf(old);
    },
    onDelete: enqueueServicesOf,
  });
}

export function servicesSelecting(ctx: ControllerContext, pod: Pod): Service[] {
  return ctx.services
    .list()
    .filter(
      (svc) =>
        svc.metadata.namespace === pod.metadata.namespace &&
        hasSelector(svc) &&
        matchesSelector({ matchLabels: svc.spec.selector }, pod.metadata.labels),
    );
}
