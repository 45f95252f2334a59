import { formatSelector, type KubeObject } from '../../engine';
import type {
  IngressClass,
  IPAddressPool,
  L2Advertisement,
  NetworkPolicy,
} from '../../engine/network/types';
import { age } from './age';

/**
 * Columns of the network kinds: NetworkPolicy (printers.go printNetworkPolicy) and MetalLB's
 * custom resources, whose CRDs' additionalPrinterColumns replace the default AGE column.
 */

interface Printer {
  headers: string[];
  wide: string[];
  row(obj: KubeObject, now: number, wide: boolean): string[];
}

/** jsonCell prints a CRD column's value as the API server's table convertor does: JSON for lists, <none> when absent. */
function jsonCell(value: unknown): string {
  if (value === undefined || value === null) return '<none>';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export const NETWORK_PRINTERS: Record<string, Printer> = {
  CustomResourceDefinition: {
    headers: ['NAME', 'CREATED AT'],
    wide: [],
    row: (obj) => [obj.metadata.name, obj.metadata.creationTimestamp ?? ''],
  },
  ValidatingWebhookConfiguration: {
    headers: ['NAME', 'WEBHOOKS', 'AGE'],
    wide: [],
    row: (obj, now) => [
      obj.metadata.name,
      String(((obj as KubeObject & { webhooks?: unknown[] }).webhooks ?? []).length),
      age(obj.metadata.creationTimestamp, now),
    ],
  },
  IngressClass: {
    headers: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
    wide: [],
    row(obj, now) {
      const ic = obj as IngressClass;
      const p = ic.spec.parameters;
      const parameters = p
        ? `${p.apiGroup ? `${p.kind}.${p.apiGroup}` : p.kind}/${p.name}`
        : '<none>';
      return [
        ic.metadata.name,
        ic.spec.controller ?? '',
        parameters,
        age(ic.metadata.creationTimestamp, now),
      ];
    },
  },
  NetworkPolicy: {
    headers: ['NAME', 'POD-SELECTOR', 'AGE'],
    wide: [],
    row(obj, now) {
      const policy = obj as NetworkPolicy;
      return [
        policy.metadata.name,
        formatSelector(policy.spec.podSelector),
        age(policy.metadata.creationTimestamp, now),
      ];
    },
  },
  IPAddressPool: {
    headers: ['NAME', 'AUTO ASSIGN', 'AVOID BUGGY IPS', 'ADDRESSES'],
    wide: [],
    row(obj) {
      const pool = obj as IPAddressPool;
      return [
        pool.metadata.name,
        jsonCell(pool.spec.autoAssign),
        jsonCell(pool.spec.avoidBuggyIPs),
        jsonCell(pool.spec.addresses),
      ];
    },
  },
  L2Advertisement: {
    headers: ['NAME', 'IPADDRESSPOOLS', 'IPADDRESSPOOL SELECTORS', 'INTERFACES'],
    wide: ['NODE SELECTORS'],
    row(obj, _now, wide) {
      const ad = obj as L2Advertisement;
      const cells = [
        ad.metadata.name,
        jsonCell(ad.spec?.ipAddressPools),
        jsonCell(ad.spec?.ipAddressPoolSelectors),
        jsonCell(ad.spec?.interfaces),
      ];
      if (wide) cells.push(jsonCell(ad.spec?.nodeSelectors));
      return cells;
    },
  },
};
