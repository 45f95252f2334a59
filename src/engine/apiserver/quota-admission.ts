import { parseQuantity } from '../api/quantity';
import { COMPUTE_NAMES, containerUsage, prettyPrint, usageOf } from '../api/quota';
import type { ResourceQuota } from '../api/storage-types';
import type { KubeObject, Pod } from '../api/types';
import type { AdmissionReader } from './admission';
import { forbidden } from './errors';
import { etcdKey, RESOURCES, type ResourceInfo } from './resources';

/** An admitted create on its way to etcd: its usage already counts against its namespace's quotas. */
interface InFlightCreate {
  info: ResourceInfo;
  obj: KubeObject;
}

/**
 * InFlightCreates stands for the quota admission's write to the quota's status.used: the real
 * plugin charges an admitted object to the quota (a compare-and-swap update) before the object
 * itself is stored, so creates racing each other are serialised through the quota. Here an
 * admitted create counts from admission until its etcd write lands or fails.
 */
export class InFlightCreates {
  private readonly creates = new Set<InFlightCreate>();

  /** charge records an admitted create; settle it once its write is done, however it ended. */
  charge(info: ResourceInfo, obj: KubeObject): () => void {
    const entry = { info, obj };
    this.creates.add(entry);
    return () => this.creates.delete(entry);
  }

  inNamespace(namespace: string): InFlightCreate[] {
    return [...this.creates].filter((c) => c.obj.metadata.namespace === namespace);
  }
}

/**
 * admitQuota is the ResourceQuota validating admission plugin: a new object whose usage would
 * take any of its namespace's quotas past their hard limits is refused, naming the quota and
 * what was requested, used and limited. A pod must also state every compute resource a quota
 * tracks (requests.cpu, limits.memory ...). Usage is what the namespace holds now plus the
 * admitted creates still on their way to etcd.
 */
export function admitQuota(
  info: ResourceInfo,
  obj: KubeObject,
  store: AdmissionReader,
  inFlight?: InFlightCreates,
): void {
  const namespace = obj.metadata.namespace;
  if (!info.namespaced || !namespace) return;
  const stored = store.range(`/registry/resourcequotas/${namespace}/`);
  if (stored.length === 0) return;
  const quotas = stored
    .map((kv) => kv.value as ResourceQuota)
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const requested = usageOf(info.resource, info.group, obj);
  const name = obj.metadata.name;
  const refuse = (why: string) =>
    forbidden(
      `${info.group ? `${info.resource}.${info.group}` : info.resource} "${name}" is forbidden: ${why}`,
    );
  for (const quota of quotas) {
    const hard = quota.spec?.hard ?? {};
    const tracked = Object.keys(hard);
    if (info.resource === 'pods') {
      const missing = missingCompute(obj as Pod, tracked);
      if (missing) throw refuse(`failed quota: ${quota.metadata.name}: ${missing}`);
    }
    const constrained = tracked.filter((k) => requested.has(k));
    if (constrained.length === 0) continue;
    const used = namespaceUsage(store, namespace, constrained, info, obj);
    for (const pending of inFlight?.inNamespace(namespace) ?? [])
      for (const [k, v] of usageOf(pending.info.resource, pending.info.group, pending.obj))
        if (used.has(k)) used.set(k, used.get(k)! + v);
    const failed = constrained.filter(
      (k) => (used.get(k) ?? 0) + requested.get(k)! > (parseQuantity(hard[k]!) ?? 0),
    );
    if (failed.length === 0) continue;
    const pick = (from: Map<string, number>) => new Map(failed.map((k) => [k, from.get(k) ?? 0]));
    const limited = new Map(failed.map((k) => [k, parseQuantity(hard[k]!) ?? 0]));
    throw refuse(
      `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(pick(requested))}, used: ${prettyPrint(pick(used))}, limited: ${prettyPrint(limited)}`,
    );
  }
}

/** missingCompute is the pod evaluator's Constraints: every container states every tracked compute resource. */
function missingCompute(pod: Pod, tracked: string[]): string | undefined {
  const required = tracked.filter((k) => COMPUTE_NAMES.includes(k));
  if (required.length === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    const has = containerUsage(c);
    for (const k of required) {
      if (!has.has(k)) {
        if (!missing.has(k)) missing.set(k, new Set());
        missing.get(k)!.add(c.name);
      }
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()]
    .sort()
    .map((k) => `${k} for: ${[...missing.get(k)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

/** namespaceUsage sums what a namespace's stored objects use of the named resources. */
export function namespaceUsage(
  store: AdmissionReader,
  namespace: string,
  names: string[],
  skip?: ResourceInfo,
  skipObject?: KubeObject,
): Map<string, number> {
  const used = new Map<string, number>(names.map((k) => [k, 0]));
  for (const info of RESOURCES) {
    if (!info.namespaced) continue;
    for (const { value } of store.range(`${info.etcdPrefix}${namespace}/`)) {
      if (
        info === skip &&
        skipObject &&
        etcdKey(info, namespace, value.metadata.name) ===
          etcdKey(info, namespace, skipObject.metadata.name)
      )
        continue;
      for (const [k, v] of usageOf(info.resource, info.group, value))
        if (used.has(k)) used.set(k, used.get(k)! + v);
    }
  }
  return used;
}
