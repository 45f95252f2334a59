import type { KubeObject, Service } from '../api/types';
import type { Random } from '../clock';
import { GoLiteral, type FieldError } from './errors';

/**
 * The service registry's allocators (pkg/registry/core/service/ipallocator, portallocator):
 * cluster IPs from the service CIDR and node ports from the node-port range. What is allocated
 * is read from the stored Services themselves, so deleting a Service frees its IP and ports.
 */

/** SERVICE_CIDR is kubeadm's default --service-cluster-ip-range. */
export const SERVICE_CIDR = '10.96.0.0/12';
/** NODE_PORT_RANGE is the default --service-node-port-range. */
export const NODE_PORT_RANGE = { base: 30000, size: 2768 };

const CIDR_BASE = ipToNumber('10.96.0.0');
const CIDR_SIZE = 1 << 20;
/** usable addresses: the network and broadcast addresses are never handed out */
const IP_MAX = CIDR_SIZE - 2;

/**
 * rangeOffset is calculateRangeOffset: the low part of a range (256 IPs of a /12, 86 node ports)
 * is left to static (requested) values, and random picks come from above it first.
 */
function rangeOffset(size: number, min: number, max: number, step: number): number {
  return Math.min(Math.max(min, Math.floor(size / step)), max);
}
const IP_OFFSET = rangeOffset(IP_MAX, 16, 256, 16);
const PORT_OFFSET = rangeOffset(NODE_PORT_RANGE.size, 16, 128, 32);

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** randomScan is randomScanStrategyWithOffset.AllocateBit: a random free slot above offset, else below. */
function randomScan(
  used: Set<number>,
  max: number,
  offset: number,
  rng: Random,
): number | undefined {
  const upper = max - offset;
  let start = rng.int(upper);
  for (let i = 0; i < upper; i++) {
    const at = offset + ((start + i) % upper);
    if (!used.has(at)) return at;
  }
  start = rng.int(offset);
  for (let i = 0; i < offset; i++) {
    const at = (start + i) % offset;
    if (!used.has(at)) return at;
  }
  return undefined;
}

function needsNodePorts(svc: Service): boolean {
  return (
    svc.spec.type === 'NodePort' ||
    (svc.spec.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false)
  );
}

function hasClusterIP(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName';
}

/**
 * allocateService fills spec.clusterIP(s), ipFamilies, ipFamilyPolicy and node ports of a Service
 * being created (old undefined) or updated, given every other stored Service. It returns the
 * allocation errors the registry reports (as Invalid), or none.
 */
export function allocateService(
  obj: KubeObject,
  oldObj: KubeObject | undefined,
  others: KubeObject[],
  rng: Random,
): FieldError[] {
  const svc = obj as Service;
  const old = oldObj as Service | undefined;
  if (!svc.spec) return [];
  const spec = svc.spec;
  const stored = others as Service[];
  if (old) patchAllocatedValues(svc, old);

  if (hasClusterIP(svc)) {
    if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
      const selectorless = Object.keys(spec.selector ?? {}).length === 0;
      spec.ipFamilyPolicy ??= selectorless ? 'RequireDualStack' : 'SingleStack';
      spec.ipFamilies ??= spec.ipFamilyPolicy === 'SingleStack' ? ['IPv4'] : ['IPv4', 'IPv6'];
    } else {
      spec.ipFamilyPolicy ??= 'SingleStack';
      spec.ipFamilies ??= ['IPv4'];
      const usedIPs = new Set<number>();
      for (const o of stored) {
        const ip = o.spec?.clusterIP;
        if (ip && ip !== 'None' && IPV4.test(ip)) usedIPs.add(ipToNumber(ip) - CIDR_BASE - 1);
      }
      const requested = spec.clusterIP || spec.clusterIPs?.[0];
      if (!requested) {
        const at = randomScan(usedIPs, IP_MAX, IP_OFFSET, rng);
        if (at === undefined) return [];
        spec.clusterIP = numberToIp(CIDR_BASE + 1 + at);
        spec.clusterIPs = [spec.clusterIP];
      } else if (!old || old.spec.clusterIP !== requested) {
        const problem = ipProblem(requested, usedIPs);
        const ips = spec.clusterIPs ?? [requested];
        if (problem) {
          return [
            {
              type: 'Invalid',
              field: 'spec.clusterIPs',
              value: goStrings(ips),
              detail: `failed to allocate IP ${requested}: ${problem}`,
            },
          ];
        }
        spec.clusterIP = requested;
        spec.clusterIPs = ips;
      } else {
        spec.clusterIPs ??= [requested];
      }
    }
  }

  const usedPorts = new Set<number>();
  for (const o of stored) {
    for (const p of o.spec?.ports ?? []) if (p.nodePort) usedPorts.add(p.nodePort);
  }
  const oldPorts = new Set((old?.spec.ports ?? []).map((p) => p.nodePort).filter(Boolean));
  if (needsNodePorts(svc)) {
    const errors: FieldError[] = [];
    (spec.ports ?? []).forEach((port, i) => {
      if (port.nodePort) {
        if (oldPorts.has(port.nodePort) && !usedPorts.has(port.nodePort)) {
          usedPorts.add(port.nodePort);
          return;
        }
        const n = port.nodePort;
        const field = `spec.ports[${i}].nodePort`;
        if (n < NODE_PORT_RANGE.base || n >= NODE_PORT_RANGE.base + NODE_PORT_RANGE.size) {
          errors.push({
            type: 'Invalid',
            field,
            value: n,
            detail: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.base}-${NODE_PORT_RANGE.base + NODE_PORT_RANGE.size - 1}`,
          });
        } else if (usedPorts.has(n)) {
          errors.push({
            type: 'Invalid',
            field,
            value: n,
            detail: 'provided port is already allocated',
          });
        } else {
          usedPorts.add(n);
        }
        return;
      }
      const taken = new Set([...usedPorts].map((p) => p - NODE_PORT_RANGE.base));
      const at = randomScan(taken, NODE_PORT_RANGE.size, PORT_OFFSET, rng);
      if (at === undefined) return;
      port.nodePort = NODE_PORT_RANGE.base + at;
      usedPorts.add(port.nodePort);
    });
    return errors;
  }
  // A Service that no longer needs node ports gives back the ones it had (dropTypeDependentFields).
  for (const port of spec.ports ?? []) {
    if (port.nodePort && oldPorts.has(port.nodePort)) delete port.nodePort;
  }
  return [];
}

/** patchAllocatedValues keeps an update from dropping what was allocated (clusterIP, node ports). */
function patchAllocatedValues(svc: Service, old: Service): void {
  const spec = svc.spec;
  if (hasClusterIP(svc) && hasClusterIP(old)) {
    if (!spec.clusterIP && old.spec.clusterIP) {
      spec.clusterIP = old.spec.clusterIP;
      spec.clusterIPs ??= old.spec.clusterIPs;
    }
    spec.ipFamilies ??= old.spec.ipFamilies;
    spec.ipFamilyPolicy ??= old.spec.ipFamilyPolicy;
  }
  if (needsNodePorts(svc) && needsNodePorts(old)) {
    const byName = new Map((old.spec.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    const kept = new Set((spec.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    for (const port of spec.ports ?? []) {
      const n = byName.get(port.name ?? '');
      if (!port.nodePort && n && !kept.has(n)) port.nodePort = n;
    }
  }
}

function ipProblem(ip: string, used: Set<number>): string | undefined {
  const n = IPV4.test(ip) ? ipToNumber(ip) : NaN;
  const at = n - CIDR_BASE - 1;
  if (!(at >= 0 && at < IP_MAX)) {
    return `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
  }
  return used.has(at) ? 'provided IP is already allocated' : undefined;
}

/** goStrings prints a []string as Go's %#v does, for the rejected value of spec.clusterIPs. */
function goStrings(values: string[]): GoLiteral {
  return new GoLiteral(`[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`);
}
