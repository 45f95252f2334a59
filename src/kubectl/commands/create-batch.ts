import type { Context, Task } from '../context';
import { KubectlError } from '../errors';
import { emitObject, meta, requireName } from './create-config';

/**
 * `kubectl create job|cronjob|ingress`, built as create_job.go, create_cronjob.go and
 * create_ingress.go do.
 */

/** podSpec is the one-container pod both batch generators build, named after the object. */
function podSpec(ctx: Context, name: string, restartPolicy: string) {
  const container: Record<string, unknown> = { name, image: ctx.flags.strings('image')[0] };
  const command = ctx.flags.dashArgs ?? [];
  if (command.length > 0) container.command = command;
  container.resources = {};
  return { containers: [container], restartPolicy };
}

export function* createJob(ctx: Context, args: string[]): Task {
  const name = requireName(args, 'job');
  if (ctx.flags.strings('image').length === 0)
    throw new KubectlError('error: either --image or --from must be specified');
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(name),
    spec: {
      template: { metadata: { creationTimestamp: null }, spec: podSpec(ctx, name, 'Never') },
    },
    status: {},
  };
  yield* emitObject(ctx, job, 'jobs', 'job.batch', name);
}

export function* createCronJob(ctx: Context, args: string[]): Task {
  const name = requireName(args, 'cronjob');
  const restart = ctx.flags.string('restart', 'OnFailure');
  const cronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta(name),
    spec: {
      jobTemplate: {
        metadata: meta(name),
        spec: {
          template: { metadata: { creationTimestamp: null }, spec: podSpec(ctx, name, restart) },
        },
      },
      schedule: ctx.flags.string('schedule'),
    },
    status: {},
  };
  yield* emitObject(ctx, cronJob, 'cronjobs', 'cronjob.batch', name);
}

const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,tls(=[\w-]+)?)?$/;

/** backend is buildIngressBackendSvc: a number is a port number, anything else a port name. */
function backend(service: string, port: string) {
  return {
    service: {
      name: service,
      port: /^\d+$/.test(port) ? { number: Number(port) } : { name: port },
    },
  };
}

export function* createIngress(ctx: Context, args: string[]): Task {
  const name = requireName(args, 'ingress');
  const rules: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of ctx.flags.strings('rule')) {
    const match = RULE.exec(rule);
    if (!match)
      throw new KubectlError(
        `error: rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`,
      );
    const [, host, rawPath, service, port, withTls, secret] = match;
    // A trailing * makes a Prefix path; otherwise the path must match exactly.
    const prefix = rawPath!.endsWith('*');
    const path = {
      backend: backend(service!, port!),
      path: prefix ? rawPath!.slice(0, -1) : rawPath,
      pathType: prefix ? 'Prefix' : 'Exact',
    };
    const existing = rules.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(path);
    else rules.push({ ...(host ? { host } : {}), http: { paths: [path] } });
    if (withTls) {
      const entry: { hosts?: string[]; secretName?: string } = {};
      if (host) entry.hosts = [host];
      if (secret) entry.secretName = secret.slice(1);
      tls.push(entry);
    }
  }
  const spec: Record<string, unknown> = {};
  if (ctx.flags.has('class')) spec.ingressClassName = ctx.flags.string('class');
  const fallback = ctx.flags.string('default-backend');
  if (fallback) {
    const [service, port = ''] = fallback.split(':');
    spec.defaultBackend = backend(service!, port);
  }
  if (rules.length > 0) spec.rules = rules;
  if (tls.length > 0) spec.tls = tls;
  const ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta(name),
    spec,
    status: { loadBalancer: {} },
  };
  yield* emitObject(ctx, ingress, 'ingresses', 'ingress.networking.k8s.io', name);
}
