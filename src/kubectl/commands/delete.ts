import type { ResourceInfo } from '../../engine';
import { request, sleep, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { kindName, requireResource } from '../resources';
import { fieldFilter } from '../field-selector';
import { selectorFlag } from './get';
import { readManifests } from './manifests';

interface Target {
  info: ResourceInfo;
  namespace?: string;
  name: string;
  source?: string;
}

const POLICIES = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan' } as const;

/** WAIT_POLL_MS is how often kubectl's wait is emulated with a get (real kubectl watches). */
const WAIT_POLL_MS = 1000;

function* targetsOf(
  ctx: Context,
): Generator<import('../context').Op, Target[], import('../../engine').ApiResponse | undefined> {
  const { flags } = ctx;
  if (flags.strings('filename').length > 0) {
    return readManifests(ctx).map((m) => ({
      info: m.info,
      namespace: m.namespace,
      name: m.name,
      source: m.source,
    }));
  }
  if (flags.args.length === 0) {
    throw new KubectlError(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  checkSelection(ctx);
  const targets: Target[] = [];
  if (flags.args.some((a) => a.includes('/'))) {
    for (const arg of flags.args) {
      const [type, name] = arg.split('/', 2);
      const info = requireResource(type!);
      targets.push({ info, namespace: info.namespaced ? ctx.namespace : undefined, name: name! });
    }
    return targets;
  }
  const infos = flags.args[0]!.split(',').map(requireResource);
  const names = flags.args.slice(1);
  const all = flags.bool('all') || flags.has('selector') || flags.has('field-selector');
  if (names.length === 0 && !all) {
    throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
  }
  for (const info of infos) {
    const namespace = info.namespaced ? ctx.namespace : undefined;
    if (names.length > 0) {
      for (const name of names) targets.push({ info, namespace, name });
      continue;
    }
    const filter = fieldFilter(info, flags.string('selector'), flags.string('field-selector'));
    if ('error' in filter) throw new KubectlError(filter.error);
    const res = yield* request({
      verb: 'list',
      resource: info.resource,
      namespace,
      labelSelector: selectorFlag(ctx),
    });
    if (!res.ok) throw new KubectlError(formatStatusError(res.error));
    for (const obj of (res.result.items ?? []).filter(filter.matches))
      targets.push({ info, namespace, name: obj.metadata.name });
  }
  if (targets.length === 0) ctx.err.push('No resources found');
  return targets;
}

/**
 * checkSelection refuses names together with --all or a selector, as resource.Builder does:
 * SelectAllParam's error first, then the one for TYPE/NAME or TYPE NAME arguments.
 */
function checkSelection(ctx: Context): void {
  const { flags } = ctx;
  const selector = flags.string('selector').trim() !== '';
  const fieldSelector = flags.string('field-selector').trim() !== '';
  const all = flags.bool('all');
  if (all && (selector || fieldSelector)) {
    throw new KubectlError("error: setting 'all' parameter but found a non empty selector. ");
  }
  if (!all && !selector && !fieldSelector) return;
  if (flags.args.some((a) => a.includes('/'))) {
    throw new KubectlError(
      'error: selectors and the all flag cannot be used when passing resource/name arguments',
    );
  }
  if (flags.args.length > 1) {
    throw new KubectlError('error: name cannot be provided when a selector is specified');
  }
}

function* deleteCommand(ctx: Context): Task {
  const { flags } = ctx;
  const cascade = flags.string('cascade', 'background');
  const policy = POLICIES[cascade as keyof typeof POLICIES];
  if (!policy) {
    throw new KubectlError(
      `error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`,
    );
  }
  const force = flags.bool('force');
  let grace = flags.has('grace-period') ? Number(flags.string('grace-period')) : -1;
  if (flags.bool('now')) grace = 1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force) {
    ctx.err.push(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
    );
  }
  const deleted: { target: Target; uid: string | undefined }[] = [];
  for (const t of yield* targetsOf(ctx)) {
    const res = yield* request({
      verb: 'delete',
      resource: t.info.resource,
      namespace: t.namespace,
      name: t.name,
      propagationPolicy: policy,
      gracePeriodSeconds: grace >= 0 ? grace : undefined,
    });
    if (!res.ok) {
      ctx.err.push(
        formatStatusError(res.error, t.source ? { verb: 'deleting', file: t.source } : undefined),
      );
      ctx.exitCode = 1;
      continue;
    }
    ctx.out.push(
      `${kindName(t.info)} "${t.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}\n`,
    );
    deleted.push({ target: t, uid: res.result.object?.metadata.uid });
  }
  if (!flags.bool('wait', true) || force) return;
  for (const { target: t, uid } of deleted) {
    for (;;) {
      const res = yield* request({
        verb: 'get',
        resource: t.info.resource,
        namespace: t.namespace,
        name: t.name,
      });
      // kubectl waits on the UID it deleted: a controller's replacement of the same name
      // (a StatefulSet's db-1) means the deleted object is gone.
      if (!res.ok || (uid !== undefined && res.result.object?.metadata.uid !== uid)) break;
      yield* sleep(WAIT_POLL_MS);
    }
  }
}

export const del: Command = {
  name: 'delete',
  flags: [
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'cascade', type: 'string', noOptDefault: 'background' },
    { name: 'grace-period', type: 'int' },
    { name: 'force', type: 'bool' },
    { name: 'now', type: 'bool' },
    { name: 'wait', type: 'bool' },
  ],
  run: deleteCommand,
};
