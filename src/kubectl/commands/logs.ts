import type { ApiResponse, Pod } from '../../engine';
import { request, type Command, type Context, type Op, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { parseDuration } from '../duration';
import { podForObject, type PodOrder } from './pod-for-object';

/** podAndContainer finds the pod, then picks the container as kubectl does (the first, with a note). */
function* podAndContainer(
  ctx: Context,
  target: string,
  named: string | undefined,
  order: PodOrder,
): Generator<
  Op,
  { pod: Pod; container: string; matched: number } | undefined,
  ApiResponse | undefined
> {
  const found = yield* podForObject(ctx, target, order);
  if (!found) return undefined;
  const { pod, matched } = found;
  const names = pod.spec.containers.map((c) => c.name);
  const inits = (pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`);
  const chosen = ctx.flags.string('container') || named;
  if (chosen) return { pod, container: chosen, matched };
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (names.length + inits.length > 1 && !annotated) {
    ctx.err.push(`Defaulted container "${names[0]}" out of: ${[...names, ...inits].join(', ')}`);
  }
  return { pod, container: annotated ?? names[0]!, matched };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** parseSinceTime reads --since-time as RFC 3339, as kubectl does before it asks for anything. */
function parseSinceTime(text: string): number | undefined {
  if (text === '') return undefined;
  if (!RFC3339.test(text))
    throw new KubectlError(
      `error: parsing time ${JSON.stringify(text)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(text)} as "2006"`,
    );
  // metav1.Time keeps whole seconds.
  return Math.floor(Date.parse(text) / 1000) * 1000;
}

function* logsCommand(ctx: Context): Task {
  const [target, extra] = ctx.flags.args;
  if (!target) {
    throw new KubectlError(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
    );
  }
  const sinceTime = parseSinceTime(ctx.flags.string('since-time'));
  const found = yield* podAndContainer(ctx, target, extra, 'logs');
  if (!found) return;
  const since = ctx.flags.has('since') ? parseDuration(ctx.flags.string('since')) : 0;
  // LogsOptions.Validate, which runs once the pod is found.
  if (sinceTime !== undefined && since !== 0)
    throw new KubectlError('error: at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (since < 0) throw new KubectlError('error: --since must be greater than 0');
  if (Number(ctx.flags.string('tail', '-1')) < -1)
    throw new KubectlError('error: --tail must be greater than or equal to -1');
  const podName = found.pod.metadata.name;
  if (found.matched > 1) ctx.err.push(`Found ${found.matched} pods, using pod/${podName}`);
  const res = yield* request({
    verb: 'logs',
    resource: 'pods',
    namespace: ctx.namespace,
    name: podName,
    container: found.container,
    previous: ctx.flags.bool('previous'),
    // kubectl rounds --since to whole seconds (sinceSeconds).
    sinceSeconds: since !== 0 ? Math.round(since / 1000) : undefined,
    sinceTime,
    timestamps: ctx.flags.bool('timestamps'),
  });
  if (!res.ok) {
    ctx.err.push(formatStatusError(res.error));
    ctx.exitCode = 1;
    return;
  }
  let lines = res.result.lines ?? [];
  const tail = Number(ctx.flags.string('tail', '-1'));
  if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  ctx.out.push(...lines.map((line) => `${line}\n`));
}

/** logs prints a container's log: `kubectl logs nginx`, `-c`, `--previous`, `--tail`. */
export const logs: Command = {
  name: 'logs',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'tail', type: 'int', default: '-1' },
    { name: 'timestamps', type: 'bool' },
    { name: 'since', type: 'duration' },
    { name: 'since-time', type: 'string' },
  ],
  run: logsCommand,
};

function* execCommand(ctx: Context): Task {
  const [podName] = ctx.flags.args;
  const command = ctx.flags.dashArgs;
  if (!podName) throw new KubectlError('error: pod, type/name or --filename must be specified');
  if (!command || command.length === 0) {
    throw new KubectlError('error: you must specify at least one command for the container');
  }
  // kubectl without a terminal on stdin (a script, or this simulated terminal) says so and runs on.
  if (ctx.flags.bool('tty'))
    ctx.err.push('Unable to use a TTY - input is not a terminal or the right kind of file');
  const found = yield* podAndContainer(ctx, podName, undefined, 'attach');
  if (!found) return;
  const name = found.pod.metadata.name;
  const res = yield* request({
    verb: 'exec',
    resource: 'pods',
    namespace: ctx.namespace,
    name,
    container: found.container,
    command,
  });
  if (!res.ok) {
    // An exec that fails to start comes back on the stream's error channel, printed plainly.
    ctx.err.push(
      res.error.status.reason === 'InternalError'
        ? `error: ${res.error.message}`
        : formatStatusError(res.error),
    );
    ctx.exitCode = 1;
    return;
  }
  ctx.out.push(...(res.result.lines ?? []).map((line) => `${line}\n`));
  const code = res.result.exitCode ?? 0;
  if (code !== 0) {
    ctx.err.push(`command terminated with exit code ${code}`);
    ctx.exitCode = code;
  }
}

/** exec runs a command in a container: `kubectl exec nginx -- cat /etc/hostname`. */
export const exec: Command = {
  name: 'exec',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
  ],
  run: execCommand,
};
