import { createQuota } from './create-quota';
import type { Command, Context, Task } from '../context';
import { request } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { inGoFieldOrder } from '../../engine';
import { jsonPathPrinter } from '../printers/jsonpath';
import { toTypedJson, toYaml } from '../printers/yaml';
import { createCronJob, createIngress, createJob } from './create-batch';
import {
  createConfigMap,
  createNamespace,
  createSecret,
  createServiceAccount,
} from './create-config';
import { createFromFiles } from './create-file';
import {
  createClusterRole,
  createClusterRoleBinding,
  createRole,
  createRoleBinding,
} from './create-rbac';
import { createService } from './create-service';
import { checkOutput } from './get';
import { DRY_RUN_FLAG } from '../flags';
import { klogWarning } from '../klog';

/**
 * The generators behind `kubectl run` and `kubectl create deployment`: they build the object
 * exactly as kubectl does (generators in run.go / create_deployment.go), print it for
 * --dry-run=client -o yaml, or create it.
 */

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid label spec: ${part}`);
    labels[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return labels;
}

/** warnedDryRun holds the commands that have logged the bare --dry-run warning once. */
const warnedDryRun = new WeakSet<Context>();

/**
 * dryRunMode is GetDryRunStrategy: none, client or server. A bare --dry-run is client, and the
 * first call logs kubectl's deprecation warning through klog.
 */
export function dryRunMode(ctx: Context): 'none' | 'client' | 'server' {
  const mode = ctx.flags.string('dry-run', 'none');
  if (mode === 'unchanged') {
    if (!warnedDryRun.has(ctx)) {
      warnedDryRun.add(ctx);
      ctx.err.push(
        klogWarning(
          ctx.cluster.clock.now,
          'helpers.go:702',
          '--dry-run is deprecated and can be replaced with --dry-run=client.',
        ),
      );
    }
    return 'client';
  }
  if (mode === 'none' || mode === 'client' || mode === 'server') return mode;
  throw new KubectlError(
    `error: Invalid dry-run value (${mode}). Must be "none", "server", or "client".`,
  );
}

/** emitGenerated prints or creates a generated object; onError formats a server failure. */
export function* emitGenerated(
  ctx: Context,
  object: Record<string, unknown>,
  target: { resource: string; namespace: string; kindName: string; name: string },
  onError: (message: string, formatted: string) => string,
  verb = 'created',
): Task {
  const flagOutput = ctx.flags.string('output');
  const jsonPath = flagOutput.startsWith('jsonpath=')
    ? jsonPathPrinter(flagOutput.slice('jsonpath='.length))
    : undefined;
  const output = jsonPath ? 'jsonpath' : flagOutput;
  if (!jsonPath) checkOutput(output, ['json', 'yaml', 'name']);
  const mode = dryRunMode(ctx);
  const printed = (o: Record<string, unknown>, word: string) => {
    if (output === 'yaml') ctx.out.push(toYaml(o));
    else if (output === 'json') ctx.out.push(toTypedJson(inGoFieldOrder(String(o.kind), o)));
    else if (output === 'name') ctx.out.push(`${target.kindName}/${target.name}\n`);
    else if (jsonPath) ctx.out.push(jsonPath(o));
    else ctx.out.push(`${target.kindName}/${target.name} ${word}\n`);
  };
  if (mode === 'client') return printed(object, `${verb} (dry run)`);
  const body = structuredClone(object) as Record<string, unknown> & {
    metadata: Record<string, unknown>;
  };
  delete body.status;
  delete body.metadata.creationTimestamp;
  const res = yield* request({
    verb: 'create',
    resource: target.resource,
    namespace: target.namespace,
    body: body as never,
    dryRun: mode === 'server',
  });
  if (!res.ok) {
    ctx.err.push(onError(res.error.status.message, formatStatusError(res.error)));
    ctx.exitCode = 1;
    return;
  }
  printed(
    res.result.object as unknown as Record<string, unknown>,
    mode === 'server' ? `${verb} (server dry run)` : verb,
  );
}

function* runCommand(ctx: Context): Task {
  const { flags } = ctx;
  const name = flags.args[0];
  if (!name)
    throw new KubectlError(
      "error: NAME is required for run\nSee 'kubectl run -h' for help and examples",
    );
  const image = flags.string('image');
  // Without --image cobra refuses the command (REQUIRED_FLAGS); this is --image="".
  if (image === '') throw new KubectlError('error: --image is required');
  const restart = flags.string('restart', 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) {
    throw new KubectlError(`error: invalid restart policy: ${restart}`);
  }
  const container: Record<string, unknown> = { image, name };
  const extra = [...flags.args.slice(1), ...(flags.dashArgs ?? [])];
  if (extra.length > 0) container[flags.bool('command') ? 'command' : 'args'] = extra;
  if (flags.has('port')) container.ports = [{ containerPort: Number(flags.string('port')) }];
  const env = flags.strings('env');
  if (env.length > 0) {
    container.env = env.map((e) => ({ name: e.split('=')[0], value: e.slice(e.indexOf('=') + 1) }));
  }
  container.resources = {};
  const labels = flags.has('labels') ? parseLabels(flags.string('labels')) : { run: name };
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { creationTimestamp: null, labels, name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
  yield* emitGenerated(
    ctx,
    pod,
    { resource: 'pods', namespace: ctx.namespace, kindName: 'pod', name },
    (_m, formatted) => formatted,
  );
}

export const run: Command = {
  name: 'run',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'restart', type: 'string' },
    { name: 'env', type: 'strings' },
    { name: 'command', type: 'bool' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: runCommand,
};

/** containerName keeps an image's basename without tag or digest: registry/nginx:1.25 → nginx. */
export function containerName(image: string): string {
  let name = image.split('/').pop()!;
  name = name.split(':')[0]!.split('@')[0]!;
  return name.replace(/_/g, '-');
}

function* createDeployment(ctx: Context, args: string[]): Task {
  const { flags } = ctx;
  const [name] = args as [string];
  const images = flags.strings('image');
  if (args.length !== 1)
    throw new KubectlError(
      `error: exactly one NAME is required, got ${args.length}\nSee 'kubectl create deployment -h' for help and examples`,
    );
  const replicas = flags.has('replicas') ? Number(flags.string('replicas')) : 1;
  const port = flags.has('port') ? Number(flags.string('port')) : -1;
  const used = new Set<string>();
  const containers = images.map((image) => {
    let cname = containerName(image);
    if (used.has(cname)) cname = `${cname}-${used.size}`;
    used.add(cname);
    const c: Record<string, unknown> = { image, name: cname };
    if (port >= 0) c.ports = [{ containerPort: port }];
    c.resources = {};
    return c;
  });
  const labels = { app: name };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null, labels, name },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
    },
    status: {},
  };
  yield* emitGenerated(
    ctx,
    deployment,
    { resource: 'deployments', namespace: ctx.namespace, kindName: 'deployment.apps', name },
    (message) => `error: failed to create deployment: ${message}`,
  );
}

/** GENERATORS are the `kubectl create <what>` subcommands beyond deployment and service. */
const GENERATORS: Record<string, (ctx: Context, args: string[]) => Task> = {
  configmap: createConfigMap,
  cm: createConfigMap,
  secret: createSecret,
  namespace: createNamespace,
  ns: createNamespace,
  serviceaccount: createServiceAccount,
  sa: createServiceAccount,
  role: createRole,
  clusterrole: createClusterRole,
  rolebinding: createRoleBinding,
  clusterrolebinding: createClusterRoleBinding,
  job: createJob,
  cronjob: createCronJob,
  cj: createCronJob,
  ingress: createIngress,
  ing: createIngress,
  quota: createQuota,
  resourcequota: createQuota,
};

function* createCommand(ctx: Context): Task {
  const [what, ...rest] = ctx.flags.args;
  if (ctx.flags.strings('filename').length > 0) return yield* createFromFiles(ctx);
  if (what === 'deployment' || what === 'deploy') return yield* createDeployment(ctx, rest);
  if (what === 'service' || what === 'svc') return yield* createService(ctx, rest);
  const generator = GENERATORS[what ?? ''];
  if (generator) return yield* generator(ctx, rest);
  if (what === undefined) throw new KubectlError('error: must specify one of -f and -k');
  throw new KubectlError(`error: unknown command "${what}" for "kubectl create"`);
}

export const create: Command = {
  name: 'create',
  flags: [
    { name: 'image', type: 'strings' },
    { name: 'replicas', short: 'r', type: 'int', bits: 32 },
    { name: 'port', type: 'int', bits: 32 },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', type: 'string' },
    { name: 'tcp', type: 'strings' },
    { name: 'node-port', type: 'int' },
    { name: 'clusterip', type: 'string' },
    { name: 'external-name', type: 'string' },
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'from-literal', type: 'strings' },
    { name: 'from-file', type: 'strings' },
    { name: 'type', type: 'string' },
    { name: 'verb', type: 'strings' },
    { name: 'resource', type: 'strings' },
    { name: 'resource-name', type: 'strings' },
    { name: 'role', type: 'string' },
    { name: 'clusterrole', type: 'string' },
    { name: 'user', type: 'strings' },
    { name: 'group', type: 'strings' },
    { name: 'serviceaccount', type: 'strings' },
    { name: 'schedule', type: 'string' },
    { name: 'restart', type: 'string' },
    { name: 'rule', type: 'strings' },
    { name: 'class', type: 'string' },
    { name: 'default-backend', type: 'string' },
    { name: 'hard', type: 'string' },
    { name: 'scopes', type: 'string' },
  ],
  run: createCommand,
};
