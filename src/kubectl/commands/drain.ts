import type { Node, Pod } from '../../engine';
import { request, sleep, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { timeoutFlag } from './rollout';

/** How long drain waits between eviction attempts a disruption budget refused. */
const EVICTION_RETRY_MS = 5000;
/**
 * kubectl drain waits forever by default (--timeout=0); a learner's terminal must come back, so
 * without --timeout we stop after this long, with kubectl's own timeout error.
 */
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

type PodFilter = { name: string; message: string; flag: string; allowed: boolean; warning: string };

/**
 * drain cordons a node, then evicts its pods through the eviction API (so disruption budgets
 * are honoured) and waits for them to go, refusing as kubectl does when DaemonSet-managed,
 * unmanaged or emptyDir pods are on the node without the flag that allows them.
 */
function* drainCommand(ctx: Context): Task {
  const [nodeName] = ctx.flags.args;
  if (!nodeName)
    throw new KubectlError(
      "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples",
    );
  const got = yield* request({ verb: 'get', resource: 'nodes', name: nodeName });
  if (!got.ok) {
    ctx.err.push(formatStatusError(got.error));
    ctx.exitCode = 1;
    return;
  }
  const node = got.result.object as Node;
  if (node.spec.unschedulable) {
    ctx.out.push(`node/${nodeName} already cordoned\n`);
  } else {
    const cordoned = yield* request({
      verb: 'patch',
      resource: 'nodes',
      name: nodeName,
      patchType: 'strategic',
      patch: { spec: { unschedulable: true } },
    });
    if (!cordoned.ok) {
      ctx.err.push(formatStatusError(cordoned.error));
      ctx.exitCode = 1;
      return;
    }
    ctx.out.push(`node/${nodeName} cordoned\n`);
  }
  const listed = yield* request({
    verb: 'list',
    resource: 'pods',
    fieldSelector: [{ path: 'spec.nodeName', op: '=', value: nodeName }],
  });
  if (!listed.ok) {
    ctx.err.push(formatStatusError(listed.error));
    ctx.exitCode = 1;
    return;
  }
  const pods = (listed.result.items ?? []) as Pod[];
  const filters: PodFilter[] = [
    {
      name: 'daemonset',
      flag: 'ignore-daemonsets',
      allowed: ctx.flags.bool('ignore-daemonsets'),
      message: 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)',
      warning: 'ignoring DaemonSet-managed Pods',
    },
    {
      name: 'unmanaged',
      flag: 'force',
      allowed: ctx.flags.bool('force'),
      message: 'cannot delete Pods that declare no controller (use --force to override)',
      warning: 'deleting Pods that declare no controller',
    },
    {
      name: 'emptydir',
      flag: 'delete-emptydir-data',
      allowed: ctx.flags.bool('delete-emptydir-data'),
      message: 'cannot delete Pods with local storage (use --delete-emptydir-data to override)',
      warning: 'deleting Pods with local storage',
    },
  ];
  const hits = new Map<string, string[]>();
  const toEvict: Pod[] = [];
  for (const pod of pods) {
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') {
      toEvict.push(pod);
      continue;
    }
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
    const category =
      owner?.kind === 'DaemonSet'
        ? 'daemonset'
        : !owner
          ? 'unmanaged'
          : (pod.spec.volumes ?? []).some((v) => v.emptyDir)
            ? 'emptydir'
            : undefined;
    if (category)
      hits.set(category, [
        ...(hits.get(category) ?? []),
        `${pod.metadata.namespace}/${pod.metadata.name}`,
      ]);
    if (category !== 'daemonset') toEvict.push(pod);
  }
  const blocking = filters.filter((f) => !f.allowed && hits.has(f.name));
  if (blocking.length > 0) {
    const reasons = blocking.map((f) => `${f.message}: ${hits.get(f.name)!.join(', ')}`);
    const joined = reasons.length === 1 ? reasons[0]! : `[${reasons.join(', ')}]`;
    ctx.err.push(
      `error: unable to drain node "${nodeName}" due to error:${joined}, continuing command...`,
    );
    ctx.err.push('There are pending nodes to be drained:');
    ctx.err.push(` ${nodeName}`);
    ctx.err.push(...reasons);
    ctx.exitCode = 1;
    return;
  }
  for (const f of filters) {
    if (f.allowed && hits.has(f.name))
      ctx.err.push(`Warning: ${f.warning}: ${hits.get(f.name)!.join(', ')}`);
  }
  const timeout = ctx.flags.has('timeout')
    ? timeoutFlag(ctx.flags.string('timeout'))
    : DEFAULT_TIMEOUT_MS;
  let waited = 0;
  let pending = toEvict;
  while (pending.length > 0) {
    const refused: Pod[] = [];
    for (const pod of pending) {
      const where = `${pod.metadata.namespace}/${pod.metadata.name}`;
      ctx.out.push(`evicting pod ${where}\n`);
      const evicted = yield* request({
        verb: 'evict',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
      });
      if (evicted.ok || evicted.error.status.reason === 'NotFound') continue;
      if (evicted.error.status.reason !== 'TooManyRequests') {
        ctx.err.push(
          `error: unable to drain node "${nodeName}" due to error: ${evicted.error.message}, continuing command...`,
        );
        ctx.exitCode = 1;
        return;
      }
      ctx.err.push(
        `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after 5s): ${evicted.error.message}`,
      );
      refused.push(pod);
    }
    if (refused.length === 0) break;
    if (timeout > 0 && waited + EVICTION_RETRY_MS > timeout) {
      const pod = refused[0]!;
      ctx.err.push(
        `error: unable to drain node "${nodeName}" due to error: error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}": global timeout reached: ${formatMinutes(timeout)}, continuing command...`,
      );
      ctx.err.push('There are pending nodes to be drained:');
      ctx.err.push(` ${nodeName}`);
      ctx.err.push(
        `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}": global timeout reached: ${formatMinutes(timeout)}`,
      );
      ctx.exitCode = 1;
      return;
    }
    yield* sleep(EVICTION_RETRY_MS);
    waited += EVICTION_RETRY_MS;
    pending = refused;
  }
  // kubectl waits for every evicted pod to be gone before saying so.
  for (const pod of toEvict) {
    for (;;) {
      const left = yield* request({
        verb: 'get',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
      });
      if (!left.ok || (left.result.object as Pod).metadata.uid !== pod.metadata.uid) break;
      yield* sleep(1000);
    }
    ctx.out.push(`pod/${pod.metadata.name} evicted\n`);
  }
  ctx.out.push(`node/${nodeName} drained\n`);
}

/** formatMinutes prints a duration as Go does: 10m0s, 30s. */
function formatMinutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${s % 60}s` : `${s}s`;
}

/** drain evicts a node's pods for maintenance: `kubectl drain w1-k8s --ignore-daemonsets`. */
export const drain: Command = {
  name: 'drain',
  flags: [
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'timeout', type: 'duration' },
    { name: 'grace-period', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run: drainCommand,
};
