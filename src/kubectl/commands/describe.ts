import type {
  ApiResponse,
  ConfigMap,
  CronJob,
  DaemonSet,
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  Ingress,
  Job,
  KubeObject,
  Lease,
  LimitRange,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodDisruptionBudget,
  PriorityClass,
  ReplicaSet,
  ResourceQuota,
  Role,
  RoleBinding,
  Secret,
  Service,
  ServiceAccount,
  StatefulSet,
  StorageClass,
} from '../../engine';
import { request, type Command, type Context, type Op, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { describePod } from '../printers/describe';
import { describeNode } from '../printers/describe-node';
import { describeDeployment } from '../printers/describe-deployment';
import { describeService } from '../printers/describe-service';
import { describeNetworkPolicy, describePodDisruptionBudget } from '../printers/describe-network';
import type { NetworkPolicy } from '../../engine/network/types';
import {
  countPods,
  describeCronJob,
  describeDaemonSet,
  describeJob,
  describeReplicaSet,
  describeStatefulSet,
  type PodCounts,
} from '../printers/describe-workloads';
import {
  describeConfigMap,
  describeEndpoints,
  describeIngress,
  describeNamespace,
  describePriorityClass,
  describeRole,
  describeRoleBinding,
  describeSecret,
  describeServiceAccount,
} from '../printers/describe-config';
import {
  describeLimitRange,
  describePersistentVolume,
  describePersistentVolumeClaim,
  describeResourceQuota,
  describeStorageClass,
} from '../printers/describe-storage';
import { requireResource } from '../resources';

type Step<T> = Generator<Op, T, ApiResponse | undefined>;
type Describer = (obj: KubeObject, ctx: Context, events: Event[]) => Step<string>;
type PlainDescriber = (obj: KubeObject, ctx: Context, events: Event[]) => string;

function* list(resource: string, namespace: string | undefined): Step<KubeObject[]> {
  const res = yield* request({ verb: 'list', resource, namespace });
  return res.ok ? (res.result.items ?? []) : [];
}

/** ownPods counts the pods a controller owns (getPodStatusForController). */
function* ownPods(obj: KubeObject): Step<PodCounts> {
  const pods = (yield* list('pods', obj.metadata.namespace)) as Pod[];
  return countPods(pods, obj.metadata.uid);
}

/** DESCRIBERS lay out the kinds whose describers fetch more (owned pods, slices, secrets). */
const DESCRIBERS: Record<string, Describer> = {
  *services(obj, ctx, events) {
    const slices = yield* request({
      verb: 'list',
      resource: 'endpointslices',
      namespace: obj.metadata.namespace,
      labelSelector: { matchLabels: { 'kubernetes.io/service-name': obj.metadata.name } },
    });
    const items = slices.ok ? (slices.result.items as EndpointSlice[]) : [];
    return describeService(obj as Service, items, events, ctx.cluster.now);
  },
  *deployments(obj, ctx, events) {
    const d = obj as Deployment;
    const owned = ((yield* list('replicasets', d.metadata.namespace)) as ReplicaSet[]).filter(
      (rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid && r.controller),
    );
    const revision = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
    const newRS = owned.find(
      (rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === revision,
    );
    const oldRSs = owned.filter(
      (rs) => rs !== newRS && (rs.spec.replicas > 0 || (rs.status.replicas ?? 0) > 0),
    );
    return describeDeployment(d, newRS, oldRSs, events, ctx.cluster.now);
  },
  *nodes(obj, ctx, events) {
    const node = obj as Node;
    const lease = yield* request({
      verb: 'get',
      resource: 'leases',
      namespace: 'kube-node-lease',
      name: node.metadata.name,
    });
    const pods = yield* request({
      verb: 'list',
      resource: 'pods',
      fieldSelector: [{ path: 'spec.nodeName', op: '=', value: node.metadata.name }],
    });
    return describeNode(
      node,
      lease.ok ? (lease.result.object as Lease) : undefined,
      pods.ok ? (pods.result.items as Pod[]) : [],
      events,
      ctx.cluster.now,
    );
  },
  *replicasets(obj, ctx, events) {
    return describeReplicaSet(obj as ReplicaSet, yield* ownPods(obj), events, ctx.cluster.now);
  },
  *daemonsets(obj, ctx, events) {
    return describeDaemonSet(obj as DaemonSet, yield* ownPods(obj), events, ctx.cluster.now);
  },
  *statefulsets(obj, ctx, events) {
    return describeStatefulSet(obj as StatefulSet, yield* ownPods(obj), events, ctx.cluster.now);
  },
  *namespaces(obj) {
    const name = obj.metadata.name;
    const quotas = (yield* list('resourcequotas', name)) as ResourceQuota[];
    const ranges = (yield* list('limitranges', name)) as LimitRange[];
    return describeNamespace(obj as Namespace, quotas, ranges);
  },
  *serviceaccounts(obj, ctx, events) {
    const sa = obj as ServiceAccount;
    const secrets = (yield* list('secrets', sa.metadata.namespace)) as Secret[];
    const tokens = secrets.filter(
      (s) =>
        s.type === 'kubernetes.io/service-account-token' &&
        s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name &&
        s.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid,
    );
    const existing = new Set(secrets.map((s) => s.metadata.name));
    return describeServiceAccount(sa, tokens, existing, events, ctx.cluster.now);
  },
  *persistentvolumeclaims(obj, ctx, events) {
    const pods = (yield* list('pods', obj.metadata.namespace)) as Pod[];
    return describePersistentVolumeClaim(
      obj as PersistentVolumeClaim,
      pods,
      events,
      ctx.cluster.now,
    );
  },
  *ingresses(obj, ctx, events) {
    const ns = obj.metadata.namespace;
    const services = new Map(
      ((yield* list('services', ns)) as Service[]).map((s) => [s.metadata.name, s]),
    );
    const slices = (yield* list('endpointslices', ns)) as EndpointSlice[];
    return describeIngress(obj as Ingress, { services, slices }, events, ctx.cluster.now);
  },
};

/** Roles and ClusterRoles, RoleBindings and ClusterRoleBindings share their describers. */
const role: PlainDescriber = (obj) => describeRole(obj as Role);
const roleBinding: PlainDescriber = (obj) => describeRoleBinding(obj as RoleBinding);

/** PLAIN_DESCRIBERS lay out kinds from the object and its events alone. */
const PLAIN_DESCRIBERS: Record<string, PlainDescriber> = {
  pods(obj, ctx, events) {
    return describePod(obj as Pod, events, ctx.cluster.now);
  },
  jobs(obj, ctx, events) {
    return describeJob(obj as Job, events, ctx.cluster.now);
  },
  cronjobs(obj, ctx, events) {
    return describeCronJob(obj as CronJob, events, ctx.cluster.now);
  },
  configmaps(obj, ctx, events) {
    return describeConfigMap(obj as ConfigMap, events, ctx.cluster.now);
  },
  secrets(obj) {
    return describeSecret(obj as Secret);
  },
  networkpolicies(obj) {
    return describeNetworkPolicy(obj as NetworkPolicy);
  },
  poddisruptionbudgets(obj, ctx, events) {
    return describePodDisruptionBudget(obj as PodDisruptionBudget, events, ctx.cluster.now);
  },
  roles: role,
  clusterroles: role,
  rolebindings: roleBinding,
  clusterrolebindings: roleBinding,
  endpoints(obj, ctx, events) {
    return describeEndpoints(obj as Endpoints, events, ctx.cluster.now);
  },
  resourcequotas(obj) {
    return describeResourceQuota(obj as ResourceQuota);
  },
  limitranges(obj) {
    return describeLimitRange(obj as LimitRange);
  },
  persistentvolumes(obj, ctx, events) {
    return describePersistentVolume(obj as PersistentVolume, events, ctx.cluster.now);
  },
  storageclasses(obj, ctx, events) {
    return describeStorageClass(obj as StorageClass, events, ctx.cluster.now);
  },
  priorityclasses(obj, ctx, events) {
    return describePriorityClass(obj as PriorityClass, events, ctx.cluster.now);
  },
};

function* describeCommand(ctx: Context): Task {
  const [type, ...names] = ctx.flags.args;
  if (!type) {
    throw new KubectlError(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const info = requireResource(type.split('/')[0]!);
  if (type.includes('/')) names.unshift(type.split('/')[1]!);
  const describer = DESCRIBERS[info.resource];
  const plain = PLAIN_DESCRIBERS[info.resource];
  if (!describer && !plain)
    throw new KubectlError(`error: describe ${info.resource} is not supported yet in Kubeloop`);
  const resource = info.resource;
  const namespace = info.namespaced ? ctx.namespace : undefined;
  let objects: KubeObject[] = [];
  if (names.length === 0) {
    const res = yield* request({ verb: 'list', resource, namespace });
    if (!res.ok) throw new KubectlError(formatStatusError(res.error));
    objects = res.result.items ?? [];
    if (objects.length === 0)
      ctx.err.push(
        info.namespaced
          ? `No resources found in ${ctx.namespace} namespace.`
          : 'No resources found',
      );
  }
  for (const name of names) {
    const res = yield* request({ verb: 'get', resource, namespace, name });
    if (!res.ok) {
      ctx.err.push(formatStatusError(res.error));
      ctx.exitCode = 1;
      continue;
    }
    objects.push(res.result.object!);
  }
  const blocks: string[] = [];
  for (const obj of objects) {
    const res = yield* request({
      verb: 'list',
      resource: 'events',
      namespace: obj.metadata.namespace,
      fieldSelector: [
        { path: 'involvedObject.name', op: '=', value: obj.metadata.name },
        { path: 'involvedObject.namespace', op: '=', value: obj.metadata.namespace ?? '' },
        { path: 'involvedObject.uid', op: '=', value: obj.metadata.uid },
      ],
    });
    const events = res.ok ? (res.result.items as Event[]) : [];
    blocks.push(plain ? plain(obj, ctx, events) : yield* describer!(obj, ctx, events));
  }
  ctx.out.push(blocks.join('\n\n'));
}

export const describe: Command = {
  name: 'describe',
  flags: [{ name: 'selector', short: 'l', type: 'string' }],
  run: describeCommand,
};
