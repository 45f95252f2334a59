import type { Event, Pod } from '../../engine';
import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { describePod } from '../printers/describe';
import { requireResource } from '../resources';

function* describeCommand(ctx: Context): Task {
  const [type, ...names] = ctx.flags.args;
  if (!type) {
    throw new KubectlError(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const info = requireResource(type.split('/')[0]!);
  if (type.includes('/')) names.unshift(type.split('/')[1]!);
  if (info.resource !== 'pods')
    throw new KubectlError(`error: describe ${info.resource} is not supported yet in Kubeloop`);
  let pods: Pod[] = [];
  if (names.length === 0) {
    const res = yield* request({ verb: 'list', resource: 'pods', namespace: ctx.namespace });
    if (!res.ok) throw new KubectlError(formatStatusError(res.error));
    pods = res.result.items as Pod[];
    if (pods.length === 0) ctx.err.push(`No resources found in ${ctx.namespace} namespace.`);
  }
  for (const name of names) {
    const res = yield* request({ verb: 'get', resource: 'pods', namespace: ctx.namespace, name });
    if (!res.ok) {
      ctx.err.push(formatStatusError(res.error));
      ctx.exitCode = 1;
      continue;
    }
    pods.push(res.result.object as Pod);
  }
  const blocks: string[] = [];
  for (const pod of pods) {
    const res = yield* request({
      verb: 'list',
      resource: 'events',
      namespace: pod.metadata.namespace,
      fieldSelector: [
        { path: 'involvedObject.name', op: '=', value: pod.metadata.name },
        { path: 'involvedObject.namespace', op: '=', value: pod.metadata.namespace ?? '' },
        { path: 'involvedObject.uid', op: '=', value: pod.metadata.uid },
      ],
    });
    const events = res.ok ? (res.result.items as Event[]) : [];
    blocks.push(describePod(pod, events, ctx.cluster.now));
  }
  ctx.out.push(blocks.join('\n\n'));
}

export const describe: Command = {
  name: 'describe',
  flags: [{ name: 'selector', short: 'l', type: 'string' }],
  run: describeCommand,
};
