import type { KubeObject } from '../../engine';
import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { selectorFlag } from './get';
import { named, namespaceOf, resourceTargets } from './targets';

/**
 * label and annotate share one shape (label.go, annotate.go): resources, then `key=value` and
 * `key-` updates, refused where a key already has another value unless --overwrite.
 */
interface MapCommand {
  name: 'label' | 'annotate';
  field: 'labels' | 'annotations';
  noun: string;
  /** message prints kubectl's result word for one object */
  message(
    before: Record<string, string>,
    after: Record<string, string>,
    overwrite: boolean,
  ): string;
  conflict(existing: { key: string; value: string }[]): string;
}

const equalMaps = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

const LABEL: MapCommand = {
  name: 'label',
  field: 'labels',
  noun: 'label',
  // updateDataChangeMsg: a removal without --overwrite makes the object shorter: "unlabeled".
  message(before, after, overwrite) {
    if (equalMaps(before, after)) return 'not labeled';
    const shorter = JSON.stringify(after).length < JSON.stringify(before).length;
    return !overwrite && shorter ? 'unlabeled' : 'labeled';
  },
  conflict: (existing) =>
    existing
      .map(({ key, value }) => `'${key}' already has a value (${value}), and --overwrite is false`)
      .join('\n'),
};

const ANNOTATE: MapCommand = {
  name: 'annotate',
  field: 'annotations',
  noun: 'annotation',
  message: () => 'annotated',
  conflict: (existing) =>
    `--overwrite is false but found the following declared annotation(s): ${existing
      .map(({ key, value }) => `'${key}' already has a value (${value})`)
      .join('; ')}`,
};

/** parseUpdates splits `a=b` (set) and `a-` (remove) arguments from the resource arguments. */
export function parseUpdates(args: readonly string[]): {
  resources: string[];
  set: Record<string, string>;
  remove: string[];
} {
  const resources: string[] = [];
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const arg of args) {
    if (arg.includes('=')) set[arg.slice(0, arg.indexOf('='))] = arg.slice(arg.indexOf('=') + 1);
    else if (arg.endsWith('-') && resources.length > 0) remove.push(arg.slice(0, -1));
    else resources.push(arg);
  }
  return { resources, set, remove };
}

function* runMap(cmd: MapCommand, ctx: Context): Task {
  const { flags } = ctx;
  const { resources, set, remove } = parseUpdates(flags.args);
  if (Object.keys(set).length === 0 && remove.length === 0) {
    throw new KubectlError(`error: at least one ${cmd.noun} update is required`);
  }
  for (const key of remove) {
    if (key in set) {
      throw new KubectlError(
        `error: can not both modify and remove ${cmd.field} in the same command`,
      );
    }
  }
  const overwrite = flags.bool('overwrite');
  const all = flags.bool('all') || flags.has('selector');
  const targets = resourceTargets(
    ctx,
    resources,
    'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
  );
  for (const { info, names } of targets) {
    const namespace = namespaceOf(ctx, info);
    const objects: KubeObject[] = [];
    if (names.length === 0) {
      if (!all) {
        throw new KubectlError('error: resource(s) were provided, but no name was specified');
      }
      const res = yield* request({
        verb: 'list',
        resource: info.resource,
        namespace,
        labelSelector: selectorFlag(ctx),
      });
      if (!res.ok) throw new KubectlError(formatStatusError(res.error));
      objects.push(...(res.result.items ?? []));
    }
    for (const name of names) {
      const res = yield* request({ verb: 'get', resource: info.resource, namespace, name });
      if (!res.ok) {
        ctx.err.push(formatStatusError(res.error));
        ctx.exitCode = 1;
        continue;
      }
      objects.push(res.result.object!);
    }
    for (const obj of objects) {
      const before: Record<string, string> = { ...(obj.metadata[cmd.field] ?? {}) };
      if (!overwrite) {
        const taken = Object.entries(set)
          .filter(([key, value]) => key in before && before[key] !== value)
          .map(([key]) => ({ key, value: before[key]! }));
        if (taken.length > 0) throw new KubectlError(`error: ${cmd.conflict(taken)}`);
      }
      const after = { ...before, ...set };
      for (const key of remove) {
        if (cmd.name === 'label' && !(key in before)) ctx.out.push(`label "${key}" not found.\n`);
        delete after[key];
      }
      const word = cmd.message(before, after, overwrite);
      if (!equalMaps(before, after)) {
        const patch: Record<string, string | null> = { ...set };
        for (const key of remove) if (key in before) patch[key] = null;
        const res = yield* request({
          verb: 'patch',
          resource: info.resource,
          namespace: obj.metadata.namespace,
          name: obj.metadata.name,
          patchType: 'merge',
          patch: { metadata: { [cmd.field]: patch } },
        });
        if (!res.ok) {
          ctx.err.push(formatStatusError(res.error));
          ctx.exitCode = 1;
          continue;
        }
      }
      ctx.out.push(named(info, obj.metadata.name, word));
    }
  }
}

const mapFlags = [
  { name: 'overwrite', type: 'bool' as const },
  { name: 'all', type: 'bool' as const },
  { name: 'selector', short: 'l', type: 'string' as const },
];

/** label: `kubectl label pods nginx app=web`, `app-` to remove. */
export const label: Command = { name: 'label', flags: mapFlags, run: (ctx) => runMap(LABEL, ctx) };

/** annotate: `kubectl annotate pods nginx note=hi`. */
export const annotate: Command = {
  name: 'annotate',
  flags: mapFlags,
  run: (ctx) => runMap(ANNOTATE, ctx),
};
