import type {
  Container,
  ContainerState,
  ContainerStatus,
  EnvFromSource,
  Event,
  Pod,
  Toleration,
  Volume,
} from '../../engine';
import { bytes, milliCores, qosClass } from '../../engine';
import { age } from './age';
import { tabwrite } from './tabwriter';

/**
 * describePod lays a pod out as kubectl describe (describe.go describePod): one tabwriter with
 * padding 2 over "Label:\tvalue" lines, flushed before the events table so it aligns alone.
 */
export function describePod(pod: Pod, events: Event[], now: number): string {
  const w: string[] = [];
  const spec = pod.spec;
  const status = pod.status ?? { phase: 'Pending' };
  w.push(`Name:\t${pod.metadata.name}`);
  w.push(`Namespace:\t${pod.metadata.namespace ?? ''}`);
  if (spec.priority !== undefined) w.push(`Priority:\t${spec.priority}`);
  if (spec.priorityClassName) w.push(`Priority Class Name:\t${spec.priorityClassName}`);
  if (spec.serviceAccountName) w.push(`Service Account:\t${spec.serviceAccountName}`);
  w.push(spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}` : 'Node:\t<none>');
  if (status.startTime) w.push(`Start Time:\t${rfc1123z(status.startTime)}`);
  w.push(...multiline('Labels', pod.metadata.labels, (k, v) => `${k}=${v}`));
  w.push(...annotationLines(pod.metadata.annotations));
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.push(`Status:\tTerminating (lasts ${age(pod.metadata.deletionTimestamp, now)})`);
    w.push(`Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s`);
  } else {
    w.push(`Status:\t${status.phase}`);
  }
  if (status.reason) w.push(`Reason:\t${status.reason}`);
  if (status.message) w.push(`Message:\t${status.message}`);
  w.push(`IP:\t${status.podIP ?? ''}`);
  if (!status.podIPs || status.podIPs.length === 0) w.push('IPs:\t<none>');
  else w.push('IPs:', ...status.podIPs.map((ip) => `  IP:\t${ip.ip}`));
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) w.push(`Controlled By:\t${owner.kind}/${owner.name}`);
  if (status.nominatedNodeName) w.push(`NominatedNodeName:\t${status.nominatedNodeName}`);
  if ((spec.initContainers ?? []).length > 0)
    w.push(
      ...containers('Init Containers', spec.initContainers!, status.initContainerStatuses, '', pod),
    );
  w.push(...containers('Containers', spec.containers, status.containerStatuses, '', pod));
  if ((status.conditions ?? []).length > 0) {
    w.push('Conditions:', '  Type\tStatus');
    for (const c of status.conditions!) w.push(`  ${c.type} \t${c.status} `);
  }
  w.push(...volumes(spec.volumes));
  w.push(`QoS Class:\t${status.qosClass ?? qosClass(spec)}`);
  w.push(...multiline('Node-Selectors', spec.nodeSelector, (k, v) => `${k}=${v}`));
  w.push(...tolerations(spec.tolerations));
  return finish(w, events, now);
}

/** finish writes the body, then the events table (DescribeEvents flushes the writer first). */
export function finish(lines: string[], events: Event[], now: number): string {
  if (events.length === 0) return `${tabwrite([...lines, 'Events:\t<none>'].join('\n'), 0, 2)}\n`;
  const sorted = [...events].sort(
    (a, b) => Date.parse(a.lastTimestamp) - Date.parse(b.lastTimestamp),
  );
  const table = [
    'Events:',
    '  Type\tReason\tAge\tFrom\tMessage',
    '  ----\t------\t----\t----\t-------',
  ];
  for (const e of sorted) {
    const first = age(e.firstTimestamp || e.eventTime, now);
    const interval =
      e.count > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const from = e.source?.component || e.reportingComponent;
    table.push(`  ${e.type}\t${e.reason}\t${interval}\t${from}\t${e.message.trim()}`);
  }
  return `${tabwrite(lines.join('\n'), 0, 2)}\n${tabwrite(table.join('\n'), 0, 2)}\n`;
}

/** rfc1123z formats like Go's time.RFC1123Z: Mon, 05 Jan 2026 09:00:05 +0000. */
export function rfc1123z(timestamp: string): string {
  const d = new Date(Date.parse(timestamp));
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

export function multiline(
  title: string,
  map: Record<string, string> | undefined,
  fmt: (k: string, v: string) => string,
): string[] {
  const keys = Object.keys(map ?? {}).sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${fmt(k, map![k]!)}`);
}

const MAX_ANNOTATION_LEN = 140;

export function annotationLines(annotations: Record<string, string> | undefined): string[] {
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (keys.length === 0) return ['Annotations:\t<none>'];
  const lines: string[] = [];
  keys.forEach((key, i) => {
    const lead = i === 0 ? 'Annotations:\t' : '\t';
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      lines.push(`${lead}${key}:`);
      for (const s of value.split('\n')) {
        lines.push(
          `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 5)}...` : s}`,
        );
      }
    } else {
      lines.push(`${lead}${key}: ${value}`);
    }
  });
  return lines;
}

function stateLines(name: string, state: ContainerState): string[] {
  if (state.running)
    return [`    ${name}:\tRunning`, `      Started:\t${rfc1123z(state.running.startedAt)}`];
  if (state.terminated) {
    const t = state.terminated;
    const lines = [`    ${name}:\tTerminated`];
    if (t.reason) lines.push(`      Reason:\t${t.reason}`);
    if (t.message) lines.push(`      Message:\t${t.message}`);
    lines.push(`      Exit Code:\t${t.exitCode}`);
    lines.push(
      `      Started:\t${t.startedAt ? rfc1123z(t.startedAt) : 'Mon, 01 Jan 0001 00:00:00 +0000'}`,
    );
    lines.push(
      `      Finished:\t${t.finishedAt ? rfc1123z(t.finishedAt) : 'Mon, 01 Jan 0001 00:00:00 +0000'}`,
    );
    return lines;
  }
  const lines = [`    ${name}:\tWaiting`];
  if (state.waiting?.reason) lines.push(`      Reason:\t${state.waiting.reason}`);
  return lines;
}

/**
 * containers lists containers as describeContainers does; in a pod template (`indent` "  ") the
 * section is indented and the names sit one column further in.
 */
export function containers(
  label: string,
  list: Container[],
  statuses: ContainerStatus[] | undefined,
  indent = '',
  pod?: Pod,
): string[] {
  if (list.length === 0) return [`${indent}${label}: <none>`];
  const w = [`${indent}${label}:`];
  for (const c of list) {
    const st = statuses?.find((s) => s.name === c.name);
    w.push(`${indent ? '   ' : '  '}${c.name}:`);
    if (st) w.push(`    Container ID:\t${st.containerID ?? ''}`);
    w.push(`    Image:\t${c.image}`);
    if (st) w.push(`    Image ID:\t${st.imageID}`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol}`).join(',');
    w.push(ports.includes(',') ? `    Ports:\t${ports}` : `    Port:\t${ports || '<none>'}`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol}`).join(',');
    w.push(
      hostPorts.includes(',')
        ? `    Host Ports:\t${hostPorts}`
        : `    Host Port:\t${hostPorts || '<none>'}`,
    );
    if ((c.command ?? []).length > 0)
      w.push('    Command:', ...c.command!.flatMap((s) => s.split('\n')).map((s) => `      ${s}`));
    if ((c.args ?? []).length > 0)
      w.push('    Args:', ...c.args!.flatMap((s) => s.split('\n')).map((s) => `      ${s}`));
    if (st) {
      w.push(...stateLines('State', st.state));
      if (st.lastState?.terminated) w.push(...stateLines('Last State', st.lastState));
      w.push(
        `    Ready:\t${st.ready ? 'True' : 'False'}`,
        `    Restart Count:\t${st.restartCount}`,
      );
    }
    for (const kind of ['limits', 'requests'] as const) {
      const values = c.resources?.[kind] ?? {};
      const names = Object.keys(values).sort();
      if (names.length === 0) continue;
      w.push(
        `    ${kind === 'limits' ? 'Limits' : 'Requests'}:`,
        ...names.map((n) => `      ${n}:\t${values[n]}`),
      );
    }
    if ((c.envFrom ?? []).length > 0) w.push(...envFromLines(c.envFrom!));
    w.push(...envLines(c, pod));
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
    w.push(mounts.length === 0 ? '    Mounts:\t<none>' : '    Mounts:');
    for (const m of mounts)
      w.push(`      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`);
  }
  return w;
}

/** envFromLines is describeContainerEnvFrom: each imported ConfigMap or Secret. */
function envFromLines(list: EnvFromSource[]): string[] {
  return [
    '    Environment Variables from:',
    ...list.map((e) => {
      const [name, from, optional] = e.configMapRef
        ? [e.configMapRef.name, 'ConfigMap', e.configMapRef.optional]
        : [e.secretRef?.name ?? '', 'Secret', e.secretRef?.optional];
      const source = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
      return `      ${name}\t${source}\tOptional: ${optional === true}`;
    }),
  ];
}

/**
 * resourceFieldValue is ExtractContainerResourceValue: the container's request or limit divided
 * by the divisor (1 when unset), rounded up; "" for a resource kubectl cannot read.
 */
function resourceFieldValue(
  container: Container,
  ref: { resource: string; divisor?: string },
): string {
  const [kind, name] = ref.resource.split('.') as ['limits' | 'requests', string];
  const quantity = container.resources?.[kind]?.[name];
  if (name === 'cpu') {
    const divisor = milliCores(ref.divisor ?? '1') || 1000;
    return String(Math.ceil(milliCores(quantity) / divisor));
  }
  if (name === 'memory' || name === 'ephemeral-storage') {
    const divisor = bytes(ref.divisor ?? '1') || 1;
    return String(Math.ceil(bytes(quantity) / divisor));
  }
  return '';
}

/**
 * envLines is describeContainerEnvVars: values as written, references to Secrets and ConfigMaps
 * as such (never their content). kubectl resolves only metadata.name and metadata.namespace
 * field references, and only for a pod.
 */
function envLines(container: Container, pod: Pod | undefined): string[] {
  const env = container.env ?? [];
  const w = [env.length === 0 ? '    Environment:\t<none>' : '    Environment:'];
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      const [first, ...rest] = (e.value ?? '').split('\n');
      w.push(`      ${e.name}:\t${first}`, ...rest.map((line) => `      \t${line}`));
    } else if (from.fieldRef) {
      const { fieldPath, apiVersion = 'v1' } = from.fieldRef;
      const value =
        fieldPath === 'metadata.name'
          ? (pod?.metadata.name ?? '')
          : fieldPath === 'metadata.namespace'
            ? (pod?.metadata.namespace ?? '')
            : '';
      w.push(`      ${e.name}:\t${value} (${apiVersion}:${fieldPath})`);
    } else if (from.resourceFieldRef) {
      const { resource } = from.resourceFieldRef;
      let value = resourceFieldValue(container, from.resourceFieldRef);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory'))
        value = 'node allocatable';
      w.push(`      ${e.name}:\t${value} (${resource})`);
    } else if (from.secretKeyRef) {
      const { key, name, optional } = from.secretKeyRef;
      w.push(
        `      ${e.name}:\t<set to the key '${key}' in secret '${name}'>\tOptional: ${optional === true}`,
      );
    } else if (from.configMapKeyRef) {
      const { key, name, optional } = from.configMapKeyRef;
      w.push(
        `      ${e.name}:\t<set to the key '${key}' of config map '${name}'>\tOptional: ${optional === true}`,
      );
    }
  }
  return w;
}

export function volumes(list: Volume[] | undefined, indent = ''): string[] {
  if (!list || list.length === 0) return [`${indent}Volumes:\t<none>`];
  const w = [`${indent}Volumes:`];
  for (const v of list) {
    w.push(`${indent}  ${v.name}:`);
    if (v.emptyDir) {
      w.push(
        "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:\t',
        '    SizeLimit:\t<unset>',
      );
    } else if (v.hostPath) {
      w.push(
        '    Type:\tHostPath (bare host directory volume)',
        `    Path:\t${v.hostPath.path}`,
        `    HostPathType:\t${v.hostPath.type ?? ''}`,
      );
    } else if (v.configMap) {
      w.push(
        '    Type:\tConfigMap (a volume populated by a ConfigMap)',
        `    Name:\t${v.configMap.name}`,
        `    Optional:\t${v.configMap.optional === true}`,
      );
    } else if (v.secret) {
      w.push(
        '    Type:\tSecret (a volume populated by a Secret)',
        `    SecretName:\t${v.secret.secretName}`,
        `    Optional:\t${v.secret.optional === true}`,
      );
    } else if (v.persistentVolumeClaim) {
      w.push(
        '    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
        `    ClaimName:\t${v.persistentVolumeClaim.claimName}`,
        `    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}`,
      );
    } else if (v.nfs) {
      w.push(
        '    Type:\tNFS (an NFS mount that lasts the lifetime of a pod)',
        `    Server:\t${v.nfs.server}`,
        `    Path:\t${v.nfs.path}`,
        `    ReadOnly:\t${v.nfs.readOnly === true}`,
      );
    } else if (v.projected) {
      w.push('    Type:\tProjected (a volume that contains injected data from multiple sources)');
      for (const source of v.projected.sources as Record<
        string,
        { expirationSeconds?: number; name?: string; optional?: boolean }
      >[]) {
        if (source.serviceAccountToken)
          w.push(`    TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds}`);
        else if (source.configMap) {
          w.push(
            `    ConfigMapName:\t${source.configMap.name}`,
            `    ConfigMapOptional:\t${source.configMap.optional ?? '<nil>'}`,
          );
        } else if (source.downwardAPI) w.push('    DownwardAPI:\ttrue');
      }
    }
  }
  return w;
}

export function tolerations(list: Toleration[] | undefined, indent = ''): string[] {
  if (!list || list.length === 0) return [`${indent}Tolerations:\t<none>`];
  const sorted = [...list].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  return sorted.map((t, i) => {
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    return `${i === 0 ? `${indent}Tolerations:` : ''}\t${s}`;
  });
}
