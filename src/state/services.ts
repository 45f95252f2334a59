import type { EndpointSlice, Ingress, Service } from '../engine';
import { formatLabels } from '../engine';
import { servicePorts } from '../kubectl/printers/service-columns';
import { isClusterOwned, memoPerVersion, sameItems } from './graph-objects';
import { useKubeloop } from './store';

/** The label an EndpointSlice names its Service with (discovery.k8s.io's kubernetes.io/service-name). */
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** EndpointView is one address of a Service's EndpointSlices, and the pod behind it. */
export interface EndpointView {
  ip: string;
  /** conditions.ready: kube-proxy sends new connections only to ready endpoints */
  ready: boolean;
  /** the pod the address belongs to (targetRef), if any */
  pod: string | undefined;
  nodeName: string | undefined;
}

/** ServiceView is what the graph and the text view draw a Service from. */
export interface ServiceView {
  uid: string;
  namespace: string;
  name: string;
  type: string;
  /** the ClusterIP, `None` for a headless Service */
  clusterIP: string;
  /** `kubectl get svc` PORT(S): 80/TCP, 80:30080/TCP */
  ports: string;
  /** spec.selector as `kubectl describe` prints it (app=web); undefined without a selector */
  selector: string | undefined;
  /** every endpoint of the Service's EndpointSlices, ready first, then by pod name */
  endpoints: readonly EndpointView[];
  ready: number;
  notReady: number;
}

/** IngressView is an Ingress and the Services its rules and default backend send to. */
export interface IngressView {
  uid: string;
  namespace: string;
  name: string;
  hosts: string;
  /** names of backend Services in the Ingress's namespace, in order of first mention */
  services: readonly string[];
}

export interface ServiceIndex {
  /** the learner's Services, oldest first (a new one is drawn after the others: nothing moves) */
  services: readonly ServiceView[];
  byKey: ReadonlyMap<string, ServiceView>;
  ingresses: readonly IngressView[];
}

/** serviceKey names a Service (or any namespaced object) as namespace/name. */
export const serviceKey = (namespace: string, name: string) => `${namespace}/${name}`;

const byAge = <T extends { metadata: { creationTimestamp?: string; name: string } }>(a: T, b: T) =>
  (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
  a.metadata.name.localeCompare(b.metadata.name);

const byReadyThenPod = (a: EndpointView, b: EndpointView) =>
  Number(b.ready) - Number(a.ready) ||
  (a.pod ?? a.ip).localeCompare(b.pod ?? b.ip, 'en', { numeric: true });

/** endpointsOf lists the addresses of a Service's slices (one view per address). */
export function endpointsOf(slices: readonly EndpointSlice[]): EndpointView[] {
  const endpoints: EndpointView[] = [];
  for (const slice of slices) {
    for (const endpoint of slice.endpoints ?? []) {
      for (const ip of endpoint.addresses) {
        endpoints.push({
          ip,
          // An unset ready condition means ready (discovery/v1 EndpointConditions).
          ready: endpoint.conditions.ready ?? true,
          pod: endpoint.targetRef?.kind === 'Pod' ? endpoint.targetRef.name : undefined,
          nodeName: endpoint.nodeName,
        });
      }
    }
  }
  return endpoints.sort(byReadyThenPod);
}

/** ingressServices lists the backend Services an Ingress names, default backend first. */
export function ingressServices(ingress: Ingress): string[] {
  const names = [ingress.spec.defaultBackend?.service?.name];
  for (const rule of ingress.spec.rules ?? []) {
    for (const path of rule.http?.paths ?? []) names.push(path.backend.service?.name);
  }
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

const NO_SLICES: readonly EndpointSlice[] = [];

const sameEndpoint = (a: EndpointView, b: EndpointView) =>
  a.ip === b.ip && a.ready === b.ready && a.pod === b.pod && a.nodeName === b.nodeName;

function sameService(a: ServiceView, b: ServiceView): boolean {
  return (
    a.uid === b.uid &&
    a.type === b.type &&
    a.clusterIP === b.clusterIP &&
    a.ports === b.ports &&
    a.selector === b.selector &&
    a.endpoints.length === b.endpoints.length &&
    a.endpoints.every((e, i) => sameEndpoint(e, b.endpoints[i]!))
  );
}

/**
 * Stored objects are frozen and replaced on every write: a Service whose object and slices are
 * the same objects as last time has the same view, found without reading them again.
 */
const serviceViews = new WeakMap<
  Service,
  { slices: readonly EndpointSlice[]; view: ServiceView }
>();
const ingressViews = new WeakMap<Ingress, IngressView>();

/**
 * indexServices reads the learner's Services with their EndpointSlices, and the Ingresses in
 * front of them. A view keeps its identity while it reads the same, so a Service's box redraws
 * only when that Service or its endpoints change.
 */
export function indexServices(
  lists: {
    services: readonly Service[];
    slices: readonly EndpointSlice[];
    ingresses: readonly Ingress[];
  },
  previous?: ServiceIndex,
): ServiceIndex {
  const slicesOf = new Map<string, EndpointSlice[]>();
  for (const slice of lists.slices) {
    const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!service) continue;
    const key = serviceKey(slice.metadata.namespace ?? 'default', service);
    const list = slicesOf.get(key);
    if (list) list.push(slice);
    else slicesOf.set(key, [slice]);
  }
  const services = lists.services
    .filter((svc) => !isClusterOwned(svc))
    .sort(byAge)
    .map((svc): ServiceView => {
      const namespace = svc.metadata.namespace ?? 'default';
      const key = serviceKey(namespace, svc.metadata.name);
      const slices = slicesOf.get(key) ?? NO_SLICES;
      const cached = serviceViews.get(svc);
      if (cached && sameItems(cached.slices, slices)) return cached.view;
      const endpoints = endpointsOf(slices);
      const ready = endpoints.filter((e) => e.ready).length;
      const view: ServiceView = {
        uid: svc.metadata.uid,
        namespace,
        name: svc.metadata.name,
        type: svc.spec.type,
        clusterIP: svc.spec.clusterIP ?? '',
        ports: servicePorts(svc),
        selector: svc.spec.selector ? formatLabels(svc.spec.selector) : undefined,
        endpoints,
        ready,
        notReady: endpoints.length - ready,
      };
      const before = previous?.byKey.get(key);
      const kept = before && sameService(before, view) ? before : view;
      serviceViews.set(svc, { slices, view: kept });
      return kept;
    });
  const ingresses = lists.ingresses
    .filter((ing) => !isClusterOwned(ing))
    .sort(byAge)
    .map((ing) => {
      let view = ingressViews.get(ing);
      if (!view) {
        view = {
          uid: ing.metadata.uid,
          namespace: ing.metadata.namespace ?? 'default',
          name: ing.metadata.name,
          hosts: (ing.spec.rules ?? []).map((r) => r.host ?? '*').join(',') || '*',
          services: ingressServices(ing),
        };
        ingressViews.set(ing, view);
      }
      return view;
    });
  if (
    previous &&
    sameItems(previous.services, services) &&
    sameItems(previous.ingresses, ingresses)
  )
    return previous;
  return {
    services: sameItems(previous?.services, services) ? previous!.services : services,
    byKey: new Map(services.map((s) => [serviceKey(s.namespace, s.name), s])),
    ingresses: sameItems(previous?.ingresses, ingresses) ? previous!.ingresses : ingresses,
  };
}

/** selectServiceIndex is the Service index of the cluster shown, computed once per version. */
export const selectServiceIndex = memoPerVersion<ServiceIndex>((cluster, previous) =>
  indexServices(
    {
      services: cluster.api.list('services') as Service[],
      slices: cluster.api.list('endpointslices') as EndpointSlice[],
      ingresses: cluster.api.list('ingresses') as Ingress[],
    },
    previous,
  ),
);

export function useServiceIndex(): ServiceIndex {
  return useKubeloop(selectServiceIndex);
}

/** useServiceView is one Service's view; the same object while the Service reads the same. */
export function useServiceView(key: string): ServiceView | undefined {
  return useKubeloop((s) => selectServiceIndex(s).byKey.get(key));
}
