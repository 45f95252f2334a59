import type { EndpointSlice, Event, Service } from '../../engine';
import { annotationLines, finish, multiline } from './describe';
import { formatLabels } from '../../engine';

/**
 * formatEndpointSlices is describe.go's: the ready addresses of the slices' ports named `port`,
 * three at most then ` + N more...` (counting the unready too); `<none>` without slices.
 */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    const ports = slice.ports ?? [];
    const isReady = (e: (typeof endpoints)[number]) => e.conditions.ready !== false;
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!more && isReady(e)) list.push(e.addresses[0]!);
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!more && isReady(e)) list.push(`${e.addresses[0]}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** describeService lays a Service out as kubectl describe (describe.go describeService). */
export function describeService(
  svc: Service,
  slices: EndpointSlice[],
  events: Event[],
  now: number,
): string {
  const spec = svc.spec;
  const w: string[] = [];
  w.push(`Name:\t${svc.metadata.name}`);
  w.push(`Namespace:\t${svc.metadata.namespace ?? ''}`);
  w.push(...multiline('Labels', svc.metadata.labels, (k, v) => `${k}=${v}`));
  w.push(...annotationLines(svc.metadata.annotations));
  w.push(`Selector:\t${formatLabels(spec.selector)}`);
  w.push(`Type:\t${spec.type}`);
  if (spec.ipFamilyPolicy) w.push(`IP Family Policy:\t${spec.ipFamilyPolicy}`);
  w.push(
    `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}`,
  );
  w.push(`IP:\t${spec.clusterIP ?? ''}`);
  w.push(`IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}`);
  if ((spec.externalIPs ?? []).length > 0) w.push(`External IPs:\t${spec.externalIPs!.join(',')}`);
  if (spec.loadBalancerIP) w.push(`IP:\t${spec.loadBalancerIP}`);
  if (spec.externalName) w.push(`External Name:\t${spec.externalName}`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0)
    // buildIngressString: the address, then its ipMode (VIP, Proxy) in parentheses.
    w.push(
      `LoadBalancer Ingress:\t${ingress
        .map((i: { ip?: string; hostname?: string; ipMode?: string }) =>
          i.ipMode ? `${i.ip || i.hostname} (${i.ipMode})` : i.ip || i.hostname,
        )
        .join(', ')}`,
    );
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    w.push(`Port:\t${name}\t${p.port}/${p.protocol}`);
    w.push(`TargetPort:\t${p.targetPort}/${p.protocol}`);
    if (p.nodePort) w.push(`NodePort:\t${name}\t${p.nodePort}/${p.protocol}`);
    w.push(`Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}`);
  }
  w.push(`Session Affinity:\t${spec.sessionAffinity}`);
  if (spec.externalTrafficPolicy) w.push(`External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy) w.push(`Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  return finish(w, events, now);
}
