import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { named, namespaceOf, resourceTargets } from './targets';

/** SCALABLE are the resources with a scale subresource among those the engine knows. */
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

function* scaleCommand(ctx: Context): Task {
  const { flags } = ctx;
  // --replicas is required: cobra refuses the command before it runs (REQUIRED_FLAGS).
  const replicas = Number(flags.string('replicas'));
  if (replicas < 0) {
    throw new KubectlError(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  }
  const targets = resourceTargets(
    ctx,
    flags.args,
    "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  );
  for (const { info, names } of targets) {
    if (names.length === 0) {
      throw new KubectlError('error: resource(s) were provided, but no name was specified');
    }
    for (const name of names) {
      if (!SCALABLE.has(info.resource)) {
        ctx.err.push(
          'Error from server (NotFound): the server could not find the requested resource',
        );
        ctx.exitCode = 1;
        continue;
      }
      const res = yield* request({
        verb: 'patch',
        resource: info.resource,
        namespace: namespaceOf(ctx, info),
        name,
        patchType: 'merge',
        patch: { spec: { replicas } },
      });
      if (!res.ok) {
        ctx.err.push(formatStatusError(res.error));
        ctx.exitCode = 1;
        continue;
      }
      ctx.out.push(named(info, name, 'scaled'));
    }
  }
}

/** scale sets spec.replicas: `kubectl scale deployment/web --replicas=3`. */
export const scale: Command = {
  name: 'scale',
  flags: [
    { name: 'replicas', type: 'int' },
    { name: 'current-replicas', type: 'int' },
  ],
  run: scaleCommand,
};
