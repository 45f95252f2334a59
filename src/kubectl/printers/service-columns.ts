import {
  formatLabels,
  type EndpointSlice,
  type Endpoints,
  type KubeObject,
  type Service,
} from '../../engine';
import { age } from './age';

/** The printers.go handlers of the service kinds: Service, Endpoints, EndpointSlice. */

interface Printer {
  headers: string[];
  wide: string[];
  row(obj: KubeObject, now: number, wide: boolean): string[];
}

/** listWithMore is listWithMoreString: the first 3 items, then ` + N more...`. */
function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** serviceExternalIP is getServiceExternalIP. */
function serviceExternalIP(svc: Service, wide: boolean): string {
  const external = svc.spec.externalIPs ?? [];
  switch (svc.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      let ips = (svc.status?.loadBalancer?.ingress ?? [])
        .map((i) => i.ip || i.hostname || '')
        .join(',');
      if (!wide && ips.length > 16) ips = `${ips.slice(0, 13)}...`;
      const all = [...external, ...(ips ? [ips] : [])];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
  return '<unknown>';
}

/** servicePorts is makePortString: `80/TCP`, `80:31234/TCP`, comma-joined. */
export function servicePorts(svc: Service): string {
  return (svc.spec.ports ?? [])
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
    .join(',');
}

/** formatEndpoints is printers.go formatEndpoints: ready addresses only, 3 then ` + N more...`. */
export function formatEndpoints(ep: Endpoints, ports?: Set<string>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports!) {
      if (ports && !ports.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(`${a.ip}:${port.port}`);
      }
    }
  }
  return listWithMore(list, more, count, max);
}

function formatDiscoveryPorts(slice: EndpointSlice): string {
  const ports = slice.ports ?? [];
  if (ports.length === 0) return '<unset>';
  const list: string[] = [];
  let more = false;
  for (const p of ports) {
    if (list.length < 3) list.push(p.port === undefined ? '<unset>' : String(p.port));
    else more = true;
  }
  return listWithMore(list, more, ports.length, 3);
}

function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length === 0) return '<unset>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of endpoints) {
    for (const address of e.addresses) {
      if (list.length < 3) list.push(address);
      else more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, 3);
}

export const SERVICE_PRINTERS: Record<string, Printer> = {
  Service: {
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wide: ['SELECTOR'],
    row(obj, now, wide) {
      const svc = obj as Service;
      const cells = [
        svc.metadata.name,
        svc.spec.type,
        svc.spec.clusterIPs?.[0] ?? '<none>',
        serviceExternalIP(svc, wide),
        servicePorts(svc) || '<none>',
        age(svc.metadata.creationTimestamp, now),
      ];
      if (wide) cells.push(formatLabels(svc.spec.selector));
      return cells;
    },
  },
  Endpoints: {
    headers: ['NAME', 'ENDPOINTS', 'AGE'],
    wide: [],
    row(obj, now) {
      const ep = obj as Endpoints;
      return [ep.metadata.name, formatEndpoints(ep), age(ep.metadata.creationTimestamp, now)];
    },
  },
  EndpointSlice: {
    headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    wide: [],
    row(obj, now) {
      const slice = obj as EndpointSlice;
      return [
        slice.metadata.name,
        slice.addressType,
        formatDiscoveryPorts(slice),
        formatDiscoveryEndpoints(slice),
        age(slice.metadata.creationTimestamp, now),
      ];
    },
  },
};
