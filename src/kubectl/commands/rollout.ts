import { toTimestamp, type KubeObject, type ResourceInfo } from '../../engine';
import { request, sleep, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { rolloutHistory, rolloutPause, rolloutUndo } from './rollout-history';
import { subcommandOf } from './set';
import { parseDuration } from '../duration';

/** timeoutFlag reads --timeout, which the flag parser has checked (absent means none). */
export function timeoutFlag(text: string): number {
  return text === '' ? 0 : parseDuration(text);
}
import { named, namespaceOf, resourceTargets } from './targets';

/** STATUS_POLL_MS is how often `rollout status` re-reads the object (real kubectl watches it). */
const STATUS_POLL_MS = 500;
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

interface Workload {
  metadata: KubeObject['metadata'];
  kind: string;
  spec: Record<string, unknown> & {
    replicas?: number;
    paused?: boolean;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
  };
  status?: Record<string, unknown> & {
    conditions?: { type: string; reason?: string }[];
  };
}

interface Viewed {
  message: string;
  done: boolean;
  error?: string;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** statusOf is the status viewer of rollout_status.go for one object. */
export function statusOf(obj: Workload): Viewed {
  const name = obj.metadata.name;
  const generation = obj.metadata.generation ?? 0;
  const s = obj.status ?? {};
  const observed = num(s.observedGeneration);
  const wait = (message: string): Viewed => ({ message, done: false });
  switch (obj.kind) {
    case 'Deployment': {
      if (generation > observed)
        return wait('Waiting for deployment spec update to be observed...');
      const progressing = s.conditions?.find((c) => c.type === 'Progressing');
      if (progressing?.reason === 'ProgressDeadlineExceeded') {
        return {
          message: '',
          done: true,
          error: `deployment "${name}" exceeded its progress deadline`,
        };
      }
      const replicas = obj.spec.replicas ?? 1;
      const updated = num(s.updatedReplicas);
      if (updated < replicas) {
        return wait(
          `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`,
        );
      }
      if (num(s.replicas) > updated) {
        return wait(
          `Waiting for deployment "${name}" rollout to finish: ${num(s.replicas) - updated} old replicas are pending termination...`,
        );
      }
      if (num(s.availableReplicas) < updated) {
        return wait(
          `Waiting for deployment "${name}" rollout to finish: ${num(s.availableReplicas)} of ${updated} updated replicas are available...`,
        );
      }
      return { message: `deployment "${name}" successfully rolled out`, done: true };
    }
    case 'DaemonSet': {
      if ((obj.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
        return {
          message: '',
          done: true,
          error: 'rollout status is only available for RollingUpdate strategy type',
        };
      }
      if (generation > observed)
        return wait('Waiting for daemon set spec update to be observed...');
      const desired = num(s.desiredNumberScheduled);
      if (num(s.updatedNumberScheduled) < desired) {
        return wait(
          `Waiting for daemon set "${name}" rollout to finish: ${num(s.updatedNumberScheduled)} out of ${desired} new pods have been updated...`,
        );
      }
      if (num(s.numberAvailable) < desired) {
        return wait(
          `Waiting for daemon set "${name}" rollout to finish: ${num(s.numberAvailable)} of ${desired} updated pods are available...`,
        );
      }
      return { message: `daemon set "${name}" successfully rolled out`, done: true };
    }
    case 'StatefulSet': {
      const strategy = obj.spec.updateStrategy;
      if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
        return {
          message: '',
          done: true,
          error: 'rollout status is only available for RollingUpdate strategy type',
        };
      }
      if (observed === 0 || generation > observed) {
        return wait('Waiting for statefulset spec update to be observed...');
      }
      const replicas = obj.spec.replicas ?? 1;
      if (num(s.readyReplicas) < replicas) {
        return wait(`Waiting for ${replicas - num(s.readyReplicas)} pods to be ready...`);
      }
      if (strategy?.rollingUpdate) {
        const want = replicas - (strategy.rollingUpdate.partition ?? 0);
        if (num(s.updatedReplicas) < want) {
          return wait(
            `Waiting for partitioned roll out to finish: ${num(s.updatedReplicas)} out of ${want} new pods have been updated...`,
          );
        }
        return {
          message: `partitioned roll out complete: ${num(s.updatedReplicas)} new pods have been updated...`,
          done: true,
        };
      }
      if (s.updateRevision !== s.currentRevision) {
        return wait(
          `waiting for statefulset rolling update to complete ${num(s.updatedReplicas)} pods at revision ${String(s.updateRevision)}...`,
        );
      }
      return {
        message: `statefulset rolling update complete ${num(s.currentReplicas)} pods at revision ${String(s.currentRevision)}...`,
        done: true,
      };
    }
  }
  return {
    message: '',
    done: true,
    error: `no status viewer has been implemented for ${obj.kind}`,
  };
}

const groupKind = (info: ResourceInfo) => (info.group ? `${info.kind}.${info.group}` : info.kind);
const VIEWABLE = ['Deployment', 'DaemonSet', 'StatefulSet'];

function* rolloutStatus(ctx: Context, args: string[]): Task {
  const targets = resourceTargets(ctx, args, 'error: required resource not specified');
  const { info, names } = targets[0]!;
  if (names.length === 0) throw new KubectlError('error: required resource not specified');
  if (!VIEWABLE.includes(info.kind)) {
    throw new KubectlError(`error: no status viewer has been implemented for ${groupKind(info)}`);
  }
  const watch = ctx.flags.bool('watch', true);
  const timeout = timeoutFlag(ctx.flags.string('timeout'));
  const started = ctx.cluster.now;
  const name = names[0]!;
  let last = '';
  for (;;) {
    const res = yield* request({
      verb: 'get',
      resource: info.resource,
      namespace: namespaceOf(ctx, info),
      name,
    });
    if (!res.ok) throw new KubectlError(formatStatusError(res.error));
    const viewed = statusOf(res.result.object as unknown as Workload);
    if (viewed.error) throw new KubectlError(`error: ${viewed.error}`);
    // Each watch event prints the status; polling prints it when it changes.
    if (viewed.message !== last) ctx.out.push(`${viewed.message}\n`);
    last = viewed.message;
    if (viewed.done || !watch) return;
    if (timeout > 0 && ctx.cluster.now - started >= timeout) {
      throw new KubectlError('error: timed out waiting for the condition');
    }
    yield* sleep(STATUS_POLL_MS);
  }
}

function* rolloutRestart(ctx: Context, args: string[]): Task {
  const targets = resourceTargets(ctx, args, 'error: required resource not specified');
  for (const { info, names } of targets) {
    if (names.length === 0) throw new KubectlError('error: required resource not specified');
    for (const name of names) {
      const namespace = namespaceOf(ctx, info);
      const got = yield* request({ verb: 'get', resource: info.resource, namespace, name });
      if (!got.ok) {
        ctx.err.push(formatStatusError(got.error));
        ctx.exitCode = 1;
        continue;
      }
      const obj = got.result.object as unknown as Workload & {
        spec: { template?: { metadata?: { annotations?: Record<string, string> } } };
      };
      if (!VIEWABLE.includes(obj.kind)) {
        throw new KubectlError('error: restarting is not supported');
      }
      if (obj.kind === 'Deployment' && obj.spec.paused) {
        throw new KubectlError(
          `error: ${info.resource}.${info.group} "${name}" can't restart paused deployment (run rollout resume first)`,
        );
      }
      // Real kubectl writes time.Now() in RFC3339; Kubeloop writes the simulated time.
      const at = toTimestamp(ctx.cluster.now);
      if (obj.spec.template?.metadata?.annotations?.[RESTARTED_AT] === at) {
        throw new KubectlError(
          `error: failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
        );
      }
      const res = yield* request({
        verb: 'patch',
        resource: info.resource,
        namespace,
        name,
        patchType: 'strategic',
        patch: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: at } } } } },
      });
      if (!res.ok) {
        ctx.err.push(formatStatusError(res.error));
        ctx.exitCode = 1;
        continue;
      }
      ctx.out.push(named(info, name, 'restarted'));
    }
  }
}

function* rolloutCommand(ctx: Context): Task {
  const { sub, args } = subcommandOf(ctx, 'rollout');
  if (sub === 'status') return yield* rolloutStatus(ctx, args);
  if (sub === 'restart') return yield* rolloutRestart(ctx, args);
  if (sub === 'history') return yield* rolloutHistory(ctx, args);
  if (sub === 'undo') return yield* rolloutUndo(ctx, args);
  if (sub === 'pause' || sub === 'resume') return yield* rolloutPause(ctx, args, sub === 'pause');
  throw new KubectlError(`error: "kubectl rollout ${sub}" is not available in Kubeloop yet`);
}

/** rollout manages rollouts: `status` waits for one to finish, `restart` starts a new one. */
export const rollout: Command = {
  name: 'rollout',
  flags: [
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'timeout', type: 'duration' },
    { name: 'revision', type: 'int' },
    { name: 'to-revision', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run: rolloutCommand,
};
