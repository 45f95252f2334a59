import { toTimestamp, type Node, type Taint, type TaintEffect } from '../../engine';
import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const USAGE = "\nSee 'kubectl taint -h' for help and examples";

/** taintString is v1.Taint.ToString: key=value:Effect, key:Effect, or key. */
export function taintString(t: { key: string; value?: string; effect?: string }): string {
  const kv = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${kv}:${t.effect}` : kv;
}

function checkEffect(effect: string): void {
  if (!EFFECTS.includes(effect)) {
    throw new KubectlError(
      `error: invalid taint effect: ${effect}, unsupported taint effect${USAGE}`,
    );
  }
}

function checkKey(key: string, spec: string): void {
  const name = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
  if (!NAME_PART.test(name)) {
    throw new KubectlError(
      `error: invalid taint spec: ${spec}, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')${USAGE}`,
    );
  }
}

/** parseTaints reads kubectl taint's specs (taint/utils.go parseTaints). */
export function parseTaints(specs: readonly string[]): {
  add: Taint[];
  remove: { key: string; effect?: string }[];
} {
  const add: Taint[] = [];
  const remove: { key: string; effect?: string }[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const [key, effect] = spec.slice(0, -1).split(':');
      if (effect) checkEffect(effect);
      remove.push({ key: key!, ...(effect ? { effect } : {}) });
      continue;
    }
    const parts = spec.split(':');
    if (parts.length !== 2) {
      if (parts.length > 2) throw new KubectlError(`error: invalid taint spec: ${spec}${USAGE}`);
      checkKey(spec, spec);
      throw new KubectlError(`error: unknown taint spec: ${spec}${USAGE}`);
    }
    checkEffect(parts[1]!);
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new KubectlError(`error: invalid taint spec: ${spec}${USAGE}`);
    checkKey(kv[0]!, spec);
    const taint: Taint = { key: kv[0]!, effect: parts[1] as TaintEffect };
    if (kv[1]) taint.value = kv[1];
    if (add.some((t) => t.key === taint.key && t.effect === taint.effect)) {
      throw new KubectlError(
        `error: duplicated taints with the same key and effect: {${taint.key} ${taint.value ?? ''} ${taint.effect} <nil>}${USAGE}`,
      );
    }
    add.push(taint);
  }
  return { add, remove };
}

/**
 * reorganizeTaints is taint.go's: the new list is the added taints plus the old ones they do not
 * replace, minus the removed; the word is tainted, untainted or (both, or --overwrite) modified.
 */
export function reorganizeTaints(
  old: readonly Taint[],
  overwrite: boolean,
  add: readonly Taint[],
  remove: readonly { key: string; effect?: string }[],
): { word: string; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const o of old) {
    if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  }
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const kept = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    deleted = kept.length !== taints.length;
    if (!deleted) errors.push(`taint "${taintString(r)}" not found`);
    taints = kept;
  }
  const word = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { word, taints, errors };
}

function* taintCommand(ctx: Context): Task {
  const specs: string[] = [];
  const resources: string[] = [];
  for (const arg of ctx.flags.args) {
    if (arg.includes('=') || arg.includes(':') || arg.endsWith('-')) specs.push(arg);
    else resources.push(arg);
  }
  if (resources.length === 0) {
    throw new KubectlError('error: one or more resources must be specified as <resource> <name>');
  }
  if (specs.length === 0) throw new KubectlError('error: at least one taint update is required');
  const { add, remove } = parseTaints(specs);
  let names: string[];
  if (resources[0]!.includes('/')) {
    names = resources.map((r) => r.slice(r.indexOf('/') + 1));
    const type = resources[0]!.slice(0, resources[0]!.indexOf('/'));
    if (!['node', 'nodes', 'no'].includes(type)) {
      throw new KubectlError(`error: invalid resource type ${type}, only node types are supported`);
    }
  } else {
    const [type, ...rest] = resources;
    if (!['node', 'nodes', 'no'].includes(type!)) {
      throw new KubectlError(`error: invalid resource type ${type}, only node types are supported`);
    }
    names = rest;
  }
  const overwrite = ctx.flags.bool('overwrite');
  for (const name of names) {
    const got = yield* request({ verb: 'get', resource: 'nodes', name });
    if (!got.ok) {
      ctx.err.push(formatStatusError(got.error));
      ctx.exitCode = 1;
      continue;
    }
    const node = got.result.object as Node;
    const old = node.spec?.taints ?? [];
    if (!overwrite) {
      const exists = add.filter((a) => old.some((o) => o.key === a.key && o.effect === a.effect));
      if (exists.length > 0) {
        throw new KubectlError(
          `error: node ${name} already has ${exists.map((t) => t.key).join(',')} taint(s) with same effect(s) and --overwrite is false`,
        );
      }
    }
    // kubectl stamps NoExecute taints with the time they were added (taint eviction counts from it).
    const stamped = add.map((t) =>
      t.effect === 'NoExecute' ? { ...t, timeAdded: toTimestamp(ctx.cluster.now) } : t,
    );
    const { word, taints, errors } = reorganizeTaints(old, overwrite, stamped, remove);
    if (errors.length > 0) {
      throw new KubectlError(
        errors.length === 1 ? `error: ${errors[0]}` : `error: [${errors.join(', ')}]`,
      );
    }
    const res = yield* request({
      verb: 'patch',
      resource: 'nodes',
      name,
      patchType: 'merge',
      patch: { spec: { taints: taints.length > 0 ? taints : null } },
    });
    if (!res.ok) {
      ctx.err.push(formatStatusError(res.error));
      ctx.exitCode = 1;
      continue;
    }
    ctx.out.push(`node/${name} ${word}\n`);
  }
}

/** taint adds or removes node taints: `kubectl taint nodes w1-k8s key=value:NoSchedule`. */
export const taint: Command = {
  name: 'taint',
  flags: [
    { name: 'overwrite', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run: taintCommand,
};
