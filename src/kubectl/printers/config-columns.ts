import type {
  ConfigMap,
  Ingress,
  KubeObject,
  RoleBinding,
  Secret,
  ServiceAccount,
} from '../../engine';
import { age } from './age';

/**
 * The printers.go handlers of configuration and access kinds: ConfigMap, Secret,
 * ServiceAccount, the RBAC kinds and Ingress.
 */

interface Printer {
  headers: string[];
  wide: string[];
  row(obj: KubeObject, now: number, wide: boolean): string[];
}

const count = (map: Record<string, unknown> | undefined) => Object.keys(map ?? {}).length;

/** createdAt is the CREATED AT cell of roles: the creation time in RFC 3339, UTC. */
const createdAt = (obj: KubeObject) => obj.metadata.creationTimestamp;

const rolePrinter: Printer = {
  headers: ['NAME', 'CREATED AT'],
  wide: [],
  row: (obj) => [obj.metadata.name, createdAt(obj)],
};

/** bindingPrinter is printRoleBinding / printClusterRoleBinding, with SubjectsStrings when wide. */
const bindingPrinter: Printer = {
  headers: ['NAME', 'ROLE', 'AGE'],
  wide: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
  row(obj, now, wide) {
    const b = obj as RoleBinding;
    const cells = [
      b.metadata.name,
      `${b.roleRef.kind}/${b.roleRef.name}`,
      age(b.metadata.creationTimestamp, now),
    ];
    if (wide) {
      const of = (kind: string) => (b.subjects ?? []).filter((s) => s.kind === kind);
      cells.push(
        of('User')
          .map((s) => s.name)
          .join(', '),
        of('Group')
          .map((s) => s.name)
          .join(', '),
        of('ServiceAccount')
          .map((s) => `${s.namespace ?? ''}/${s.name}`)
          .join(', '),
      );
    }
    return cells;
  },
};

/** ingressHosts is formatHosts: up to three hosts, `*` for none, then ` + N more...`. */
function ingressHosts(ingress: Ingress): string {
  const rules = ingress.spec.rules ?? [];
  const max = 3;
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === max) more = true;
    if (!more && rule.host) hosts.push(rule.host);
  }
  if (hosts.length === 0) return '*';
  const list = hosts.join(',');
  return more ? `${list} + ${rules.length - max} more...` : list;
}

/** ingressAddress is ingressLoadBalancerStatusStringer: truncated past 16 characters unless wide. */
function ingressAddress(ingress: Ingress, wide: boolean): string {
  const text = (ingress.status?.loadBalancer?.ingress ?? [])
    .map((i) => i.ip || i.hostname || '')
    .filter((s) => s !== '')
    .join(',');
  return !wide && text.length > 16 ? `${text.slice(0, 13)}...` : text;
}

export const CONFIG_PRINTERS: Record<string, Printer> = {
  ConfigMap: {
    headers: ['NAME', 'DATA', 'AGE'],
    wide: [],
    row(obj, now) {
      const cm = obj as ConfigMap;
      return [
        cm.metadata.name,
        String(count(cm.data) + count(cm.binaryData)),
        age(cm.metadata.creationTimestamp, now),
      ];
    },
  },
  Secret: {
    headers: ['NAME', 'TYPE', 'DATA', 'AGE'],
    wide: [],
    row(obj, now) {
      const s = obj as Secret;
      return [
        s.metadata.name,
        s.type ?? '',
        String(count(s.data)),
        age(s.metadata.creationTimestamp, now),
      ];
    },
  },
  ServiceAccount: {
    headers: ['NAME', 'SECRETS', 'AGE'],
    wide: [],
    row(obj, now) {
      const sa = obj as ServiceAccount;
      return [
        sa.metadata.name,
        String((sa.secrets ?? []).length),
        age(sa.metadata.creationTimestamp, now),
      ];
    },
  },
  Role: rolePrinter,
  ClusterRole: rolePrinter,
  RoleBinding: bindingPrinter,
  ClusterRoleBinding: bindingPrinter,
  Ingress: {
    headers: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    wide: [],
    row(obj, now, wide) {
      const ing = obj as Ingress;
      return [
        ing.metadata.name,
        ing.spec.ingressClassName ?? '<none>',
        ingressHosts(ing),
        ingressAddress(ing, wide),
        (ing.spec.tls ?? []).length > 0 ? '80, 443' : '80',
        age(ing.metadata.creationTimestamp, now),
      ];
    },
  },
};
