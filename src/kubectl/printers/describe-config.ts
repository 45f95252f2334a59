import type {
  ConfigMap,
  EndpointSlice,
  Endpoints,
  Event,
  Ingress,
  IngressBackend,
  KubeObject,
  LimitRange,
  Namespace,
  PolicyRule,
  PriorityClass,
  ResourceQuota,
  Role,
  RoleBinding,
  Secret,
  Service,
  ServiceAccount,
} from '../../engine';
import { formatLabels } from '../../engine';
import { annotationLines, finish, multiline } from './describe';
import { formatEndpointSlices } from './describe-service';
import { tabwrite } from './tabwriter';

export const labelLine = (k: string, v: string) => `${k}=${v}`;

/** meta is the Name/Namespace/Labels/Annotations head most describers open with. */
function meta(obj: ConfigMap | Secret | ServiceAccount | Endpoints, namespaced = true): string[] {
  return [
    `Name:\t${obj.metadata.name}`,
    ...(namespaced ? [`Namespace:\t${obj.metadata.namespace ?? ''}`] : []),
    ...multiline('Labels', obj.metadata.labels, labelLine),
    ...annotationLines(obj.metadata.annotations),
  ];
}

/** plain is a describer without an Events section: the whole text through one tabwriter. */
export function plain(lines: string[]): string {
  return `${tabwrite(lines.join('\n'), 0, 2)}\n`;
}

/** byteLength is the length of a base64 value once decoded, as `N bytes` counts it. */
function byteLength(base64: string): number {
  const clean = base64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/**
 * describeConfigMap is ConfigMapDescriber: each key, a dashed rule, the value and a blank line;
 * binary keys by size. Go ranges the map at random; sorted keys keep transcripts stable.
 */
export function describeConfigMap(cm: ConfigMap, events: Event[], now: number): string {
  const w = [...meta(cm), '', 'Data', '===='];
  for (const key of Object.keys(cm.data ?? {}).sort())
    w.push(`${key}:`, '----', cm.data![key]!, '');
  w.push('', 'BinaryData', '====');
  for (const key of Object.keys(cm.binaryData ?? {}).sort())
    w.push(`${key}: ${byteLength(cm.binaryData![key]!)} bytes`);
  w.push('');
  return finish(w, events, now);
}

/** describeSecret is describeSecret: values hidden behind their size (no Events section). */
export function describeSecret(secret: Secret): string {
  const w = [...meta(secret), '', `Type:\t${secret.type ?? 'Opaque'}`, '', 'Data', '===='];
  for (const key of Object.keys(secret.data ?? {}).sort()) {
    const value = secret.data![key]!;
    w.push(
      key === 'token' && secret.type === 'kubernetes.io/service-account-token'
        ? `${key}:\t${atob(value)}`
        : `${key}:\t${byteLength(value)} bytes`,
    );
  }
  return plain(w);
}

const byName = (a: KubeObject, b: KubeObject) =>
  a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;

/** resourceQuotas is DescribeResourceQuotas: each quota's used and hard amounts, by resource. */
function resourceQuotas(quotas: ResourceQuota[]): string[] {
  if (quotas.length === 0) return ['No resource quota.'];
  const w = ['Resource Quotas'];
  for (const q of [...quotas].sort(byName)) {
    w.push(`  Name:\t${q.metadata.name}`);
    const scopes = [...(q.spec.scopes ?? [])].sort();
    if (scopes.length > 0) w.push(`  Scopes:\t${scopes.join(', ')}`);
    w.push('  Resource\tUsed\tHard', '  --------\t---\t---');
    const hard = q.status?.hard ?? {};
    for (const resource of Object.keys(hard).sort())
      w.push(`  ${resource}\t${q.status?.used?.[resource] ?? '0'}\t${hard[resource]}`);
  }
  return w;
}

/**
 * limitRangeRows is describeLimitRangeSpec: one row per limit type and resource, `-` where
 * unset. Go ranges the resource set at random; sorted names keep transcripts stable.
 */
export function limitRangeRows(range: LimitRange, prefix: string): string[] {
  const rows: string[] = [];
  for (const item of range.spec.limits) {
    const columns = [
      item.min,
      item.max,
      item.defaultRequest,
      item.default,
      item.maxLimitRequestRatio,
    ];
    const resources = new Set(columns.flatMap((c) => Object.keys(c ?? {})));
    for (const resource of [...resources].sort())
      rows.push(
        `${prefix}${item.type}\t${resource}\t${columns.map((c) => c?.[resource] ?? '-').join('\t')}`,
      );
  }
  return rows;
}

/** limitRanges is DescribeLimitRanges: one row per limit type and resource, `-` where unset. */
function limitRanges(ranges: LimitRange[]): string[] {
  if (ranges.length === 0) return ['No LimitRange resource.'];
  const w = [
    'Resource Limits',
    ' Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio',
    ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------',
  ];
  for (const range of ranges) w.push(...limitRangeRows(range, ' '));
  return w;
}

/** describeNamespace is describeNamespace: no Events; the namespace's quotas and limit ranges. */
export function describeNamespace(
  ns: Namespace,
  quotas: ResourceQuota[],
  ranges: LimitRange[],
): string {
  return plain([
    `Name:\t${ns.metadata.name}`,
    ...multiline('Labels', ns.metadata.labels, labelLine),
    ...annotationLines(ns.metadata.annotations),
    `Status:\t${ns.status?.phase ?? 'Active'}`,
    '',
    ...resourceQuotas(quotas),
    '',
    ...limitRanges(ranges),
  ]);
}

/** describeServiceAccount lists pull secrets, mountable secrets and legacy token secrets. */
export function describeServiceAccount(
  sa: ServiceAccount,
  tokens: Secret[],
  existing: Set<string>,
  events: Event[],
  now: number,
): string {
  const sections: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name)],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
    ['Tokens:            ', tokens.map((s) => s.metadata.name)],
  ];
  const w = meta(sa);
  for (const [header, names] of sections) {
    if (names.length === 0) w.push(`${header}\t<none>`);
    names.forEach((name, i) => {
      const lead = i === 0 ? header : ' '.repeat(header.length);
      w.push(`${lead}\t${name}${existing.has(name) ? '' : ' (not found)'}`);
    });
  }
  return finish(w, events, now);
}

const goList = (items: string[] | undefined) => `[${(items ?? []).join(' ')}]`;

/** ruleKey is PolicyRule's generated String(), which kubectl sorts compacted rules by. */
function ruleKey(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/**
 * compactRules is rbac.BreakdownRule then rbac.CompactRules: one rule per group, resource and
 * name, then the rules for one group and resource without names merged, their verbs in order.
 */
function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const broken: PolicyRule[] = [];
  for (const rule of rules) {
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        if ((rule.resourceNames ?? []).length === 0)
          broken.push({
            apiGroups: [group],
            resources: [resource],
            verbs: [...(rule.verbs ?? [])],
          });
        for (const name of rule.resourceNames ?? [])
          broken.push({
            apiGroups: [group],
            resources: [resource],
            resourceNames: [name],
            verbs: [...(rule.verbs ?? [])],
          });
      }
    }
    for (const url of rule.nonResourceURLs ?? [])
      broken.push({ nonResourceURLs: [url], verbs: [...(rule.verbs ?? [])] });
  }
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of broken) {
    if (!rule.resources || rule.resourceNames) {
      compacted.push(rule);
      continue;
    }
    const key = `${rule.apiGroups![0]}/${rule.resources[0]}`;
    const seen = simple.get(key);
    if (seen) seen.verbs!.push(...rule.verbs!.filter((v) => !seen.verbs!.includes(v)));
    else {
      simple.set(key, rule);
      compacted.push(rule);
    }
  }
  return compacted.sort((a, b) => (ruleKey(a) < ruleKey(b) ? -1 : ruleKey(a) > ruleKey(b) ? 1 : 0));
}

/** combineResourceGroup is CombineResourceGroup: "deployments.apps", "pods/log". */
function combineResourceGroup(
  resources: string[] | undefined,
  groups: string[] | undefined,
): string {
  if (!resources || resources.length === 0) return '';
  const [name, sub] = resources[0]!.split('/', 2) as [string, string | undefined];
  const group = groups?.[0] ? `.${groups[0]}` : '';
  return `${name}${group}${sub !== undefined ? `/${sub}` : ''}`;
}

/** describeRole serves Role and ClusterRole alike: no namespace line, no Events. */
export function describeRole(role: Role): string {
  const w = [
    `Name:\t${role.metadata.name}`,
    ...multiline('Labels', role.metadata.labels, labelLine),
    ...annotationLines(role.metadata.annotations),
    'PolicyRule:',
    '  Resources\tNon-Resource URLs\tResource Names\tVerbs',
    '  ---------\t-----------------\t--------------\t-----',
  ];
  for (const r of compactRules(role.rules ?? []))
    w.push(
      `  ${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}`,
    );
  return plain(w);
}

/** describeRoleBinding serves RoleBinding and ClusterRoleBinding alike. */
export function describeRoleBinding(binding: RoleBinding): string {
  const w = [
    `Name:\t${binding.metadata.name}`,
    ...multiline('Labels', binding.metadata.labels, labelLine),
    ...annotationLines(binding.metadata.annotations),
    'Role:',
    `  Kind:\t${binding.roleRef.kind}`,
    `  Name:\t${binding.roleRef.name}`,
    'Subjects:',
    '  Kind\tName\tNamespace',
    '  ----\t----\t---------',
  ];
  for (const s of binding.subjects ?? []) w.push(`  ${s.kind}\t${s.name}\t${s.namespace ?? ''}`);
  return plain(w);
}

/** IngressBackends are the Services (and their slices) an Ingress's backends name. */
export interface IngressBackends {
  services: Map<string, Service>;
  slices: EndpointSlice[];
}

/** describeBackend is describeBackendV1: `svc:port (endpoints)` or the lookup error. */
function describeBackend(ns: string, backend: IngressBackend, found: IngressBackends): string {
  if (backend.service) {
    const { name, port } = backend.service;
    const label = `${name}:${port?.number ? port.number : (port?.name ?? '')}`;
    const svc = found.services.get(name);
    if (!svc) return `${label} (<error: services "${name}" not found>)`;
    let portName = '';
    for (const sp of svc.spec.ports ?? []) {
      if (port?.number && port.number === sp.port) portName = sp.name ?? '';
      else if (port?.name && port.name === sp.name) portName = sp.name;
    }
    const slices = found.slices.filter(
      (s) =>
        s.metadata.namespace === ns && s.metadata.labels?.['kubernetes.io/service-name'] === name,
    );
    return `${label} (${formatEndpointSlices(slices, portName)})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

/** describeIngress is describeIngressV1: address, class, default backend, TLS, rules. */
export function describeIngress(
  ing: Ingress,
  found: IngressBackends,
  events: Event[],
  now: number,
): string {
  const ns = ing.metadata.namespace ?? '';
  const address = (ing.status?.loadBalancer?.ingress ?? [])
    .map((i) => i.ip || i.hostname || '')
    .join(',');
  const defaultBackend = ing.spec.defaultBackend
    ? describeBackend(ns, ing.spec.defaultBackend, found)
    : '<default>';
  const w = [
    `Name:\t${ing.metadata.name}`,
    ...multiline('Labels', ing.metadata.labels, labelLine),
    `Namespace:\t${ns}`,
    `Address:\t${address}`,
    `Ingress Class:\t${ing.spec.ingressClassName ?? '<none>'}`,
    `Default backend:\t${defaultBackend}`,
  ];
  if ((ing.spec.tls ?? []).length > 0) {
    w.push('TLS:');
    for (const t of ing.spec.tls!) {
      const hosts = (t.hosts ?? []).join(',');
      w.push(t.secretName ? `  ${t.secretName} terminates ${hosts}` : `  SNI routes ${hosts}`);
    }
  }
  w.push('Rules:', '  Host\tPath\tBackends', '  ----\t----\t--------');
  const rules = (ing.spec.rules ?? []).filter((r) => r.http);
  for (const rule of rules) {
    w.push(`  ${rule.host || '*'}\t`);
    for (const path of rule.http!.paths)
      w.push(`    \t${path.path ?? ''} \t${describeBackend(ns, path.backend, found)}`);
  }
  if (rules.length === 0) w.push(`  *\t*\t${defaultBackend}`);
  w.push(...annotationLines(ing.metadata.annotations));
  return finish(w, events, now);
}

/** describeEndpoints is describeEndpoints: each subset's ready and not-ready addresses, ports. */
export function describeEndpoints(ep: Endpoints, events: Event[], now: number): string {
  const w = [...meta(ep), 'Subsets:'];
  for (const subset of ep.subsets ?? []) {
    const ready = (subset.addresses ?? []).map((a) => a.ip).join(',');
    const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',');
    w.push(`  Addresses:\t${ready || '<none>'}`, `  NotReadyAddresses:\t${notReady || '<none>'}`);
    if ((subset.ports ?? []).length > 0) {
      w.push('  Ports:', '    Name\tPort\tProtocol', '    ----\t----\t--------');
      for (const p of subset.ports!) w.push(`    ${p.name || '<unset>'}\t${p.port}\t${p.protocol}`);
    }
    w.push('');
  }
  return finish(w, events, now);
}

/** describePriorityClass is describePriorityClass (annotations on one line, as labels print). */
export function describePriorityClass(pc: PriorityClass, events: Event[], now: number): string {
  return finish(
    [
      `Name:\t${pc.metadata.name}`,
      `Value:\t${pc.value}`,
      `GlobalDefault:\t${pc.globalDefault ?? false}`,
      `PreemptionPolicy:\t${pc.preemptionPolicy ?? 'PreemptLowerPriority'}`,
      `Description:\t${pc.description ?? ''}`,
      `Annotations:\t${formatLabels(pc.metadata.annotations)}`,
    ],
    events,
    now,
  );
}
