import type { ConfigMap, Secret } from '../api/config-types';
import type { Container, KubeObject, Pod } from '../api/types';

/** ObjectReader is how the kubelet reads the objects a pod refers to (its watch-based caches). */
export type ObjectReader = (
  resource: string,
  namespace: string | undefined,
  name: string,
) => KubeObject | undefined;

/** decodeBase64 turns a Secret's stored value back into the text the container sees. */
export function decodeBase64(value: string): string {
  const binary = atob(value);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * notFound is the kubelet's object-cache error: it names the kind in the singular
 * (`configmap "x" not found`), unlike the API server's plural.
 */
const notFound = (kind: 'configmap' | 'secret', name: string) => `${kind} "${name}" not found`;

type Source = { data: Readonly<Record<string, string>>; kind: 'ConfigMap' | 'Secret' };

/** readSource reads a ConfigMap's or Secret's data as text (Secret values decoded). */
export function readSource(
  read: ObjectReader,
  kind: 'configmap' | 'secret',
  namespace: string,
  name: string,
): Source | undefined {
  if (kind === 'configmap') {
    const cm = read('configmaps', namespace, name) as ConfigMap | undefined;
    if (!cm) return undefined;
    // The stored data itself when there is nothing to add: callers only read it.
    if (!cm.binaryData) return { kind: 'ConfigMap', data: cm.data ?? {} };
    const binary = Object.entries(cm.binaryData).map(([k, v]) => [k, decodeBase64(v)]);
    return { kind: 'ConfigMap', data: { ...cm.data, ...Object.fromEntries(binary) } };
  }
  const secret = read('secrets', namespace, name) as Secret | undefined;
  if (!secret) return undefined;
  const decoded = Object.entries(secret.data ?? {}).map(([k, v]) => [k, decodeBase64(v)]);
  return { kind: 'Secret', data: Object.fromEntries(decoded) };
}

/** fieldValue is the downward API's answer for a fieldRef path. */
export function fieldValue(pod: Pod, path: string): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.hostIP':
      return pod.status.hostIP ?? '';
    case 'status.podIP':
      return pod.status.podIP ?? '';
    default:
      return '';
  }
}

export type EnvResult = { ok: true; env: [string, string][] } | { ok: false; message: string };

/**
 * containerEnv is makeEnvironmentVariables: every key of each envFrom source (in order, with its
 * prefix), then env entries, later names replacing earlier ones. A missing ConfigMap, Secret or
 * key that is not optional fails the container with CreateContainerConfigError and this message.
 */
export function containerEnv(pod: Pod, container: Container, read: ObjectReader): EnvResult {
  const namespace = pod.metadata.namespace ?? 'default';
  const env = new Map<string, string>();
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const kind = from.configMapRef ? 'configmap' : 'secret';
    const source = readSource(read, kind, namespace, ref.name);
    if (!source) {
      if (ref.optional) continue;
      return { ok: false, message: notFound(kind, ref.name) };
    }
    for (const key of Object.keys(source.data).sort())
      env.set(`${from.prefix ?? ''}${key}`, source.data[key]!);
  }
  for (const v of container.env ?? []) {
    const keyRef = v.valueFrom?.configMapKeyRef ?? v.valueFrom?.secretKeyRef;
    if (keyRef) {
      const kind = v.valueFrom?.configMapKeyRef ? 'configmap' : 'secret';
      const source = readSource(read, kind, namespace, keyRef.name);
      if (!source) {
        if (keyRef.optional) continue;
        return { ok: false, message: notFound(kind, keyRef.name) };
      }
      const value = source.data[keyRef.key];
      if (value === undefined) {
        if (keyRef.optional) continue;
        return {
          ok: false,
          message: `couldn't find key ${keyRef.key} in ${source.kind} ${namespace}/${keyRef.name}`,
        };
      }
      env.set(v.name, value);
    } else if (v.valueFrom?.fieldRef) {
      env.set(v.name, fieldValue(pod, v.valueFrom.fieldRef.fieldPath));
    } else {
      env.set(v.name, v.value ?? '');
    }
  }
  return { ok: true, env: [...env] };
}
