import { isPodReady, isPodTerminal, podCondition } from '../../api/pod';
import type {
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  Pod,
  Service,
  ServicePort,
} from '../../api/types';

/**
 * The pure part of the endpoints controllers: which pods back a Service, on which ports, and
 * what Endpoints subsets they make (pkg/controller/endpoint, pkg/api/v1/endpoints RepackSubsets).
 */

export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

/** hasSelector: only a Service with a selector has its Endpoints managed for it. */
export function hasSelector(svc: Service): boolean {
  return Object.keys(svc.spec.selector ?? {}).length > 0;
}

/** shouldPodBeInEndpoints is ShouldPodBeInEndpoints: a live pod with an IP (terminating only if asked). */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP) return false;
  return includeTerminating || pod.metadata.deletionTimestamp === undefined;
}

/** findPort is podutil.FindPort: a numeric targetPort as is, a named one looked up in the containers. */
export function findPort(pod: Pod, port: ServicePort): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    for (const p of c.ports ?? []) {
      if (p.name === port.targetPort && p.protocol === port.protocol) return p.containerPort;
    }
  }
  return undefined;
}

/** endpointLabels: the Service's labels, with the headless marker when it has no cluster IP. */
export function endpointLabels(svc: Service): Record<string, string> | undefined {
  const labels: Record<string, string> = { ...svc.metadata.labels };
  if (svc.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  return Object.keys(labels).length > 0 ? labels : undefined;
}

/** triggerTime is the latest change behind an update: the Service's creation or a pod's readiness flip. */
export function triggerTime(svc: Service, pods: Pod[]): string {
  let latest = svc.metadata.creationTimestamp;
  for (const pod of pods) {
    const t = podCondition(pod, 'Ready')?.lastTransitionTime;
    if (t && t > latest) latest = t;
  }
  return latest;
}

function lessAddress(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * endpointSubsets computes Endpoints.subsets for a Service over the pods its selector matches:
 * ready pods under addresses, the others under notReadyAddresses, and pods offering the same
 * ports grouped into one subset (RepackSubsets).
 */
export function endpointSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const tolerateUnready = svc.spec.publishNotReadyAddresses === true;
  // port key → (address key → [address, ready])
  const byPort = new Map<
    string,
    { port?: EndpointPort; addrs: Map<string, [EndpointAddress, boolean]> }
  >();
  const add = (port: EndpointPort | undefined, addr: EndpointAddress, ready: boolean) => {
    const key = port ? `${port.name ?? ''}/${port.port}/${port.protocol}` : '';
    let entry = byPort.get(key);
    if (!entry) byPort.set(key, (entry = { port, addrs: new Map() }));
    const addrKey = `${addr.ip}/${addr.targetRef?.uid ?? ''}`;
    const prior = entry.addrs.get(addrKey);
    entry.addrs.set(addrKey, [addr, ready || (prior?.[1] ?? false)]);
  };
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, false)) continue;
    const addr: EndpointAddress = {
      ip: pod.status.podIP!,
      ...(pod.spec.hostname && pod.spec.subdomain === svc.metadata.name
        ? { hostname: pod.spec.hostname }
        : {}),
      ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: {
        kind: 'Pod',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        uid: pod.metadata.uid,
      },
    };
    const ready = tolerateUnready || isPodReady(pod);
    const ports = svc.spec.ports ?? [];
    if (ports.length === 0) {
      if (svc.spec.clusterIP === 'None') add(undefined, addr, ready);
      continue;
    }
    for (const sp of ports) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      add({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol }, addr, ready);
    }
  }
  // Ports offered by exactly the same addresses share a subset.
  const groups = new Map<string, { ports: EndpointPort[]; addrs: [EndpointAddress, boolean][] }>();
  for (const { port, addrs } of byPort.values()) {
    const list = [...addrs.values()].sort((a, b) => lessAddress(a[0], b[0]));
    const sig = list.map(([a, r]) => `${a.ip}/${a.targetRef?.uid}/${r}`).join(',');
    let group = groups.get(sig);
    if (!group) groups.set(sig, (group = { ports: [], addrs: list }));
    if (port) group.ports.push(port);
  }
  const subsets: EndpointSubset[] = [];
  for (const { ports, addrs } of groups.values()) {
    const ready = addrs.filter(([, r]) => r).map(([a]) => a);
    const notReady = addrs.filter(([, r]) => !r).map(([a]) => a);
    const subset: EndpointSubset = {};
    if (ready.length > 0) subset.addresses = ready;
    if (notReady.length > 0) subset.notReadyAddresses = notReady;
    if (ports.length > 0)
      subset.ports = ports.sort((a, b) =>
        (a.name ?? '') !== (b.name ?? '')
          ? (a.name ?? '') < (b.name ?? '')
            ? -1
            : 1
          : a.port - b.port,
      );
    subsets.push(subset);
  }
  const first = (s: EndpointSubset) => (s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip ?? '';
  return subsets.sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
}
