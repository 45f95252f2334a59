import type { Node } from '../../engine';
import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';

function* setUnschedulable(ctx: Context, verb: 'cordon' | 'uncordon'): Task {
  const cordon = verb === 'cordon';
  const names = ctx.flags.args;
  if (names.length === 0) {
    throw new KubectlError(
      `error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`,
    );
  }
  for (const name of names) {
    const got = yield* request({ verb: 'get', resource: 'nodes', name });
    if (!got.ok) {
      ctx.err.push(formatStatusError(got.error));
      ctx.exitCode = 1;
      continue;
    }
    const node = got.result.object as Node;
    if (Boolean(node.spec?.unschedulable) === cordon) {
      ctx.out.push(`node/${name} already ${verb}ed\n`);
      continue;
    }
    // drain.RunCordonOrUncordon patches the difference; false is omitted, so uncordon sends null.
    const res = yield* request({
      verb: 'patch',
      resource: 'nodes',
      name,
      patchType: 'strategic',
      patch: { spec: { unschedulable: cordon ? true : null } },
    });
    if (!res.ok) {
      ctx.err.push(formatStatusError(res.error));
      ctx.exitCode = 1;
      continue;
    }
    ctx.out.push(`node/${name} ${verb}ed\n`);
  }
}

const cordonFlags = [
  { name: 'selector', short: 'l', type: 'string' as const },
  { name: 'dry-run', type: 'string' as const },
];

/** cordon marks a node unschedulable: `node/w1-k8s cordoned`. */
export const cordon: Command = {
  name: 'cordon',
  flags: cordonFlags,
  run: (ctx) => setUnschedulable(ctx, 'cordon'),
};

/** uncordon makes a node schedulable again. */
export const uncordon: Command = {
  name: 'uncordon',
  flags: cordonFlags,
  run: (ctx) => setUnschedulable(ctx, 'uncordon'),
};
