import {
  isPodReady,
  type ApiResponse,
  type KubeObject,
  type LabelSelector,
  type Pod,
} from '../../engine';
import { request, sleep, type Context, type Op } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { requireResource } from '../resources';

/** POD_RUNNING_TIMEOUT_MS is --pod-running-timeout's default: how long kubectl waits for a pod. */
const POD_RUNNING_TIMEOUT_MS = 60_000;

/** goType names objects as kubectl's %T does in "cannot attach to *v1.Deployment". */
const goType = (obj: KubeObject) => `*v1.${obj.kind}`;

/** selectorOf is polymorphichelpers.SelectorsForObject: the label query that finds the pods. */
function selectorOf(obj: KubeObject, order: PodOrder): LabelSelector {
  // logsForObject and attachablePodForObject wrap the same error differently.
  const cannot = order === 'logs' ? 'cannot get the logs from' : 'cannot attach to';
  const spec = (obj as { spec?: { selector?: unknown } }).spec;
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return (spec?.selector as LabelSelector | undefined) ?? {};
    case 'ReplicationController':
      return { matchLabels: (spec?.selector as Record<string, string> | undefined) ?? {} };
    case 'Service': {
      const labels = spec?.selector as Record<string, string> | undefined;
      if (!labels || Object.keys(labels).length === 0) {
        throw new KubectlError(
          `error: ${cannot} ${goType(obj)}: invalid service '${obj.metadata.name}': Service is defined without a selector`,
        );
      }
      return { matchLabels: labels };
    }
    default:
      throw new KubectlError(
        `error: ${cannot} ${goType(obj)}: selector for ${goType(obj)} not implemented`,
      );
  }
}

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

const readySince = (pod: Pod) =>
  pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime ?? '';

const maxRestarts = (pod: Pod) =>
  Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount));

/**
 * activePodsLess is podutils.ActivePods.Less: unassigned, pending, not ready, recently ready,
 * often restarted and new pods sort first. kubectl attaches to the last one (sort.Reverse).
 */
function activePodsLess(a: Pod, b: Pod): boolean {
  const nodeA = a.spec.nodeName ?? '';
  const nodeB = b.spec.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '';
  const phaseA = PHASE_ORDER[a.status?.phase ?? ''] ?? 0;
  const phaseB = PHASE_ORDER[b.status?.phase ?? ''] ?? 0;
  if (phaseA !== phaseB) return phaseA < phaseB;
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  if (isPodReady(a) && isPodReady(b) && readySince(a) !== readySince(b)) {
    return afterOrZero(readySince(a), readySince(b));
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const createdA = a.metadata.creationTimestamp ?? '';
  const createdB = b.metadata.creationTimestamp ?? '';
  if (createdA !== createdB) return afterOrZero(createdA, createdB);
  return false;
}

/** afterOrZero: an unset time counts as the latest (RFC 3339 in UTC compares as text). */
function afterOrZero(t1: string, t2: string): boolean {
  if (t1 === '' || t2 === '') return t1 === '';
  return t1 > t2;
}

/**
 * byLoggingLess is podutils.ByLogging, the order `kubectl logs` picks by: assigned, running,
 * ready, long ready, often restarted (the pod most worth reading) and old pods first.
 */
function byLoggingLess(a: Pod, b: Pod): boolean {
  const nodeA = a.spec.nodeName ?? '';
  const nodeB = b.spec.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA !== '';
  if ((a.status?.phase ?? '') !== (b.status?.phase ?? '')) {
    return (PHASE_ORDER[a.status?.phase ?? ''] ?? 0) > (PHASE_ORDER[b.status?.phase ?? ''] ?? 0);
  }
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a);
  if (isPodReady(a) && isPodReady(b) && readySince(a) !== readySince(b)) {
    return afterOrZero(readySince(b), readySince(a));
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const createdA = a.metadata.creationTimestamp ?? '';
  const createdB = b.metadata.creationTimestamp ?? '';
  if (createdA !== createdB) return afterOrZero(createdB, createdA);
  return false;
}

/** PodOrder is which pod a command takes: exec and attach the most active, logs ByLogging's first. */
export type PodOrder = 'attach' | 'logs';

/**
 * firstPod is GetFirstPod's pick after Go's sort.Sort (an insertion sort, so stable, for the
 * few pods a lesson has): for exec the greatest under ActivePods (sort.Reverse), for logs the
 * least under ByLogging.
 */
export function firstPod(pods: Pod[], order: PodOrder = 'attach'): Pod | undefined {
  const less = order === 'logs' ? byLoggingLess : (a: Pod, b: Pod) => activePodsLess(b, a);
  const sorted = [...pods];
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0 && less(sorted[j]!, sorted[j - 1]!); j--) {
      [sorted[j - 1], sorted[j]] = [sorted[j]!, sorted[j - 1]!];
    }
  }
  return sorted[0];
}

/**
 * podForObject resolves `pod/NAME`, `NAME`, or a controller (`deploy/web`, `svc/web`, `rs/...`)
 * to one pod the way attachablePodForObject and logsForObject do: a controller's pods by its
 * selector, waiting up to --pod-running-timeout for one to appear. It returns the pod and how
 * many matched (logs reports "Found N pods").
 */
export function* podForObject(
  ctx: Context,
  target: string,
  order: PodOrder,
): Generator<Op, { pod: Pod; matched: number } | undefined, ApiResponse | undefined> {
  const slash = target.indexOf('/');
  const info = slash < 0 ? requireResource('pods') : requireResource(target.slice(0, slash));
  const name = slash < 0 ? target : target.slice(slash + 1);
  const res = yield* request({
    verb: 'get',
    resource: info.resource,
    namespace: ctx.namespace,
    name,
  });
  if (!res.ok) {
    ctx.err.push(formatStatusError(res.error));
    ctx.exitCode = 1;
    return undefined;
  }
  const obj = res.result.object!;
  if (obj.kind === 'Pod') return { pod: obj as Pod, matched: 1 };
  const selector = selectorOf(obj, order);
  for (let waited = 0; ; waited += 1000) {
    const list = yield* request({
      verb: 'list',
      resource: 'pods',
      namespace: ctx.namespace,
      labelSelector: selector,
    });
    if (!list.ok) {
      ctx.err.push(formatStatusError(list.error));
      ctx.exitCode = 1;
      return undefined;
    }
    const pods = (list.result.items ?? []) as Pod[];
    const pod = firstPod(pods, order);
    if (pod) return { pod, matched: pods.length };
    if (waited >= POD_RUNNING_TIMEOUT_MS) {
      throw new KubectlError('error: timed out waiting for the condition');
    }
    yield* sleep(1000);
  }
}
