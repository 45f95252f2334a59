import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { DRY_RUN_FLAG } from '../flags';
import { dryRunMode, emitGenerated } from './generate';
import { resourceTargets } from './targets';

const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** AUTOSCALABLE are the kinds with a scale subresource among those the engine knows. */
const AUTOSCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

function intFlag(ctx: Context, name: string): number {
  return ctx.flags.has(name) ? Number(ctx.flags.string(name)) : -1;
}

/**
 * autoscale creates a HorizontalPodAutoscaler for a Deployment, ReplicaSet or StatefulSet.
 * kubectl v1.32 generates autoscaling/v1 (targetCPUUtilizationPercentage); the API server
 * converts it to the v2 it stores.
 */
function* autoscaleCommand(ctx: Context): Task {
  const { flags } = ctx;
  const min = intFlag(ctx, 'min');
  const max = intFlag(ctx, 'max');
  const cpuPercent = intFlag(ctx, 'cpu-percent');
  if (max < 1)
    throw new KubectlError(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) {
    throw new KubectlError(
      `error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`,
    );
  }
  const targets = resourceTargets(ctx, flags.args, NO_RESOURCES);
  for (const { info, names } of targets) {
    if (names.length === 0)
      throw new KubectlError('error: resource(s) were provided, but no name was specified');
    for (const name of names) {
      const res = yield* request({
        verb: 'get',
        resource: info.resource,
        namespace: info.namespaced ? ctx.namespace : undefined,
        name,
      });
      if (!res.ok) {
        ctx.err.push(formatStatusError(res.error));
        ctx.exitCode = 1;
        return;
      }
      if (!AUTOSCALABLE.has(info.kind)) {
        throw new KubectlError(
          `error: cannot autoscale a ${info.kind}: could not find scale subresource for ${info.group ? `${info.group}/` : ''}${info.version}, Resource=${info.resource} in discovery information`,
        );
      }
      const hpaName = flags.string('name') || name;
      const spec: Record<string, unknown> = {
        maxReplicas: max,
        ...(min > 0 ? { minReplicas: min } : {}),
        scaleTargetRef: {
          apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
          kind: info.kind,
          name,
        },
        ...(cpuPercent >= 0 ? { targetCPUUtilizationPercentage: cpuPercent } : {}),
      };
      const hpa = {
        apiVersion: 'autoscaling/v1',
        kind: 'HorizontalPodAutoscaler',
        metadata: { creationTimestamp: null, name: hpaName },
        spec,
        status: { currentReplicas: 0, desiredReplicas: 0 },
      };
      // The name printer says "created" for a client dry run, "autoscaled" otherwise.
      yield* emitGenerated(
        ctx,
        hpa,
        {
          resource: 'horizontalpodautoscalers',
          namespace: ctx.namespace,
          kindName: 'horizontalpodautoscaler.autoscaling',
          name: hpaName,
        },
        (_message, formatted) => formatted,
        dryRunMode(ctx) === 'client' ? 'created' : 'autoscaled',
      );
    }
  }
}

export const autoscale: Command = {
  name: 'autoscale',
  flags: [
    { name: 'min', type: 'int', bits: 32 },
    { name: 'max', type: 'int', bits: 32 },
    { name: 'cpu-percent', type: 'int', bits: 32 },
    { name: 'name', type: 'string' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: autoscaleCommand,
};
