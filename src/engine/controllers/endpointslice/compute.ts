import { isPodReady } from '../../api/pod';
import type { EndpointSlice, EndpointSliceEndpoint, Pod, Service } from '../../api/types';
import { endpointLabels, findPort, shouldPodBeInEndpoints } from '../endpoints/compute';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';

export type SlicePort = NonNullable<EndpointSlice['ports']>[number];

/** DesiredSlice is the content of one EndpointSlice: endpoints offering the same ports. */
export interface DesiredSlice {
  ports: SlicePort[] | null;
  endpoints: EndpointSliceEndpoint[] | null;
}

/** sliceLabels: the Service's labels plus the service-name and managed-by labels. */
export function sliceLabels(svc: Service): Record<string, string> {
  return {
    ...endpointLabels(svc),
    [SERVICE_NAME_LABEL]: svc.metadata.name,
    [MANAGED_BY_LABEL]: MANAGED_BY,
  };
}

/**
 * desiredSlices groups the Service's pods by the ports they offer (pkg/controller/endpointslice
 * reconciler). Terminating pods stay, not ready but serving while they still pass readiness.
 * With no pod at all, one placeholder slice with neither endpoints nor ports.
 */
export function desiredSlices(svc: Service, pods: Pod[]): DesiredSlice[] {
  const groups = new Map<string, DesiredSlice>();
  const sorted = [...pods].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const pod of sorted) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: SlicePort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol });
    }
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const serving = svc.spec.publishNotReadyAddresses === true || isPodReady(pod);
    const endpoint: EndpointSliceEndpoint = {
      addresses: [pod.status.podIP!],
      conditions: { ready: serving && !terminating, serving, terminating },
      ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: {
        kind: 'Pod',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        uid: pod.metadata.uid,
      },
    };
    const key = JSON.stringify(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, endpoints: [] }));
    group.endpoints!.push(endpoint);
  }
  if (groups.size === 0) return [{ ports: null, endpoints: null }];
  return [...groups.values()];
}
