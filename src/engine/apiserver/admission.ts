import type { Random } from '../clock';
import { formatAmount } from '../api/quota';
import { parseQuantity } from '../api/quantity';
import type { ServiceAccount } from '../api/config-types';
import type { LimitRange } from '../api/storage-types';
import { deepFreeze } from '../api/objects';
import type { Container, KubeObject, Pod, PriorityClass, Toleration, Volume } from '../api/types';
import { forbidden } from './errors';

/**
 * The admission plugins a kubeadm API server runs on every new pod that change it
 * (ServiceAccount, DefaultTolerationSeconds, Priority): they are why a pod read back has more
 * fields than the manifest that created it.
 */

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** randomSuffix draws n characters as apimachinery's rand.String does (no vowels, no 0/1/3). */
export function randomSuffix(rng: Random, n = 5): string {
  return rng.string(n, SUFFIX_ALPHABET);
}

/**
 * The DefaultTolerationSeconds plugin's tolerations, and below the ServiceAccount plugin's token
 * volume source: frozen, every pod holds these very objects (as stored objects share equal parts),
 * rather than fresh copies that storage would then find equal and drop.
 */
const DEFAULT_TOLERATIONS: readonly Toleration[] = deepFreeze([
  {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
  {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
]);

const API_ACCESS_SOURCE: NonNullable<Volume['projected']> = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    {
      downwardAPI: {
        items: [
          {
            fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
            path: 'namespace',
          },
        ],
      },
    },
  ],
});

/** What admission plugins may read from storage: one object by key, or all under a prefix. */
export interface AdmissionReader {
  get(key: string): { value: KubeObject } | undefined;
  range(prefix: string): { value: KubeObject }[];
}

const PRIORITY_CLASSES = '/registry/priorityclasses/';

/** defaultPriorityClass is the globalDefault class, the lowest-valued one if several raced in. */
export function defaultPriorityClass(store: AdmissionReader): PriorityClass | undefined {
  let found: PriorityClass | undefined;
  for (const { value } of store.range(PRIORITY_CLASSES)) {
    const pc = value as PriorityClass;
    if (pc.globalDefault && (!found || pc.value < found.value)) found = pc;
  }
  return found;
}

/**
 * admitPodPriority is the Priority admission plugin: it resolves spec.priorityClassName (or the
 * global default class) to spec.priority and spec.preemptionPolicy, and forbids unknown classes
 * and values that disagree with the class.
 */
function admitPodPriority(pod: Pod, store: AdmissionReader): void {
  const spec = pod.spec;
  const name = pod.metadata.generateName || pod.metadata.name;
  const refuse = (why: string) => forbidden(`pods "${name}" is forbidden: ${why}`);
  let priority = 0;
  let preemptionPolicy: PriorityClass['preemptionPolicy'] = 'PreemptLowerPriority';
  if (!spec.priorityClassName) {
    const pc = defaultPriorityClass(store);
    if (pc) {
      spec.priorityClassName = pc.metadata.name;
      priority = pc.value;
      preemptionPolicy = pc.preemptionPolicy;
    }
  } else {
    const pc = store.get(`${PRIORITY_CLASSES}${spec.priorityClassName}`)?.value as
      PriorityClass | undefined;
    if (!pc) throw refuse(`no PriorityClass with name ${spec.priorityClassName} was found`);
    priority = pc.value;
    preemptionPolicy = pc.preemptionPolicy;
  }
  if (spec.priority !== undefined && spec.priority !== priority)
    throw refuse(
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  spec.priority = priority;
  if (preemptionPolicy) {
    if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== preemptionPolicy)
      throw refuse(
        `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`,
      );
    spec.preemptionPolicy = preemptionPolicy;
  }
}

/** admitPriorityClass refuses a second globalDefault class (the Priority plugin's other half). */
export function admitPriorityClass(pc: PriorityClass, store: AdmissionReader): void {
  if (!pc.globalDefault) return;
  const current = defaultPriorityClass(store);
  if (current)
    throw forbidden(
      `priorityclasses.scheduling.k8s.io "${pc.metadata.name}" is forbidden: PriorityClass ${current.metadata.name} is already marked as default. Only one default can exist`,
    );
}

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/**
 * requireServiceAccount is the ServiceAccount plugin's existence check. The real plugin retries a
 * missing `default` account for about a second while the serviceaccount controller creates it, so
 * only other names are refused here.
 */
function requireServiceAccount(pod: Pod, store: AdmissionReader): ServiceAccount | undefined {
  const namespace = pod.metadata.namespace ?? 'default';
  const account = pod.spec.serviceAccountName!;
  const found = store.get(`/registry/serviceaccounts/${namespace}/${account}`)?.value;
  if (found || account === 'default') return found as ServiceAccount | undefined;
  const name = pod.metadata.generateName || pod.metadata.name;
  throw forbidden(
    `pods "${name}" is forbidden: error looking up service account ${namespace}/${account}: serviceaccount "${account}" not found`,
  );
}

/**
 * admitServiceAccount is the ServiceAccount plugin: it defaults the account, checks it exists and
 * mounts its API token as a projected volume. Mirror pods are left alone, as the real plugin does.
 */
function admitServiceAccount(pod: Pod, rng: Random, store: AdmissionReader): void {
  const spec = pod.spec;
  spec.serviceAccountName ||= 'default';
  (spec as { serviceAccount?: string }).serviceAccount ??= spec.serviceAccountName;
  const account = requireServiceAccount(pod, store);
  // The pod's own setting wins over its account's (shouldAutomount).
  const mountsToken =
    ((spec as { automountServiceAccountToken?: boolean }).automountServiceAccountToken ??
      account?.automountServiceAccountToken) !== false;
  const alreadyMounted = (spec.volumes ?? []).some((v) => v.name.startsWith('kube-api-access-'));
  if (mountsToken && !alreadyMounted) {
    const volumeName = `kube-api-access-${randomSuffix(rng)}`;
    spec.volumes = [...(spec.volumes ?? []), { name: volumeName, projected: API_ACCESS_SOURCE }];
    for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
      container.volumeMounts = [
        ...(container.volumeMounts ?? []),
        {
          name: volumeName,
          readOnly: true,
          mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
        },
      ];
    }
  }
}

/** admitPod mutates a new pod as the admission chain does. */
export function admitPod(pod: Pod, rng: Random, store: AdmissionReader): void {
  const spec = pod.spec;
  const isMirror = pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined;
  if (!isMirror) admitServiceAccount(pod, rng, store);
  const tolerations = spec.tolerations ?? [];
  for (const toleration of DEFAULT_TOLERATIONS) {
    const covered = tolerations.some(
      (t) =>
        (t.key === toleration.key || (t.key === undefined && t.operator === 'Exists')) &&
        (t.effect === undefined || t.effect === 'NoExecute'),
    );
    if (!covered) tolerations.push(toleration);
  }
  spec.tolerations = tolerations;
  admitPodPriority(pod, store);
  admitLimitRanger(pod, store);
}

/**
 * admitLimitRanger is the LimitRanger plugin for pods: containers without requests or limits get
 * their namespace's LimitRange defaults (noted in the kubernetes.io/limit-ranger annotation), then
 * every container must fall within each Container range's min and max.
 */
export function admitLimitRanger(pod: Pod, store: AdmissionReader): void {
  const namespace = pod.metadata.namespace ?? 'default';
  const ranges = store.range(`/registry/limitranges/${namespace}/`);
  if (ranges.length === 0) return;
  const items = ranges
    .flatMap((kv) => (kv.value as LimitRange).spec?.limits ?? [])
    .filter((item) => item.type === 'Container');
  if (items.length === 0) return;
  const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  const notes: string[] = [];
  const initNames = new Set((pod.spec.initContainers ?? []).map((c) => c.name));
  for (const item of items) {
    for (const c of containers) {
      const resources = (c.resources ??= {});
      const setLimits: string[] = [];
      const setRequests: string[] = [];
      const stated = { ...resources.limits };
      for (const [name, value] of Object.entries(item.default ?? {})) {
        if (resources.limits?.[name] !== undefined) continue;
        resources.limits = { ...resources.limits, [name]: value };
        setLimits.push(name);
      }
      for (const [name, value] of Object.entries(item.defaultRequest ?? {})) {
        if (resources.requests?.[name] !== undefined) continue;
        // A stated limit is its own request (API defaulting does that before admission).
        const limit = stated[name];
        resources.requests = { ...resources.requests, [name]: limit ?? value };
        if (limit === undefined) setRequests.push(name);
      }
      const what = `${initNames.has(c.name) ? 'init container' : 'container'} ${c.name}`;
      if (setRequests.length > 0)
        notes.push(`${setRequests.sort().join(', ')} request for ${what}`);
      if (setLimits.length > 0) notes.push(`${setLimits.sort().join(', ')} limit for ${what}`);
    }
  }
  if (notes.length > 0) {
    pod.metadata.annotations = {
      ...pod.metadata.annotations,
      'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${notes.join('; ')}`,
    };
  }
  const errors = items.flatMap((item) => containers.flatMap((c) => rangeErrors(item, c)));
  if (errors.length > 0) {
    const name = pod.metadata.name || pod.metadata.generateName;
    const joined = errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`;
    throw forbidden(`pods "${name}" is forbidden: ${joined}`);
  }
}

/** rangeErrors checks one container against a range's min (requests) and max (limits). */
function rangeErrors(item: LimitRange['spec']['limits'][number], c: Container): string[] {
  const errors: string[] = [];
  const show = (name: string, text: string) => formatAmount(name, parseQuantity(text) ?? 0);
  for (const [name, min] of Object.entries(item.min ?? {}).sort()) {
    const request = c.resources.requests?.[name];
    if (request === undefined)
      errors.push(
        `minimum ${name} usage per Container is ${show(name, min)}.  No request is specified`,
      );
    else if (parseQuantity(request)! < parseQuantity(min)!)
      errors.push(
        `minimum ${name} usage per Container is ${show(name, min)}, but request is ${show(name, request)}`,
      );
  }
  for (const [name, max] of Object.entries(item.max ?? {}).sort()) {
    const limit = c.resources.limits?.[name];
    if (limit === undefined)
      errors.push(
        `maximum ${name} usage per Container is ${show(name, max)}.  No limit is specified`,
      );
    else if (parseQuantity(limit)! > parseQuantity(max)!)
      errors.push(
        `maximum ${name} usage per Container is ${show(name, max)}, but limit is ${show(name, limit)}`,
      );
  }
  return errors;
}
