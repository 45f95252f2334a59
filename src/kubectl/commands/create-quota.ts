import { parseQuantity } from '../../engine';
import type { Context, Task } from '../context';
import { KubectlError } from '../errors';
import { emitObject, meta, requireName } from './create-config';

const QUANTITY_ERROR =
  "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** parseHard reads --hard=pods=2,cpu=1 as create_quota.go's populateResourceListV1 does. */
function parseHard(spec: string): Record<string, string> {
  const hard: Record<string, string> = {};
  for (const pair of spec.split(',').filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    if (eq < 0)
      throw new KubectlError(`error: Invalid argument syntax ${pair}, expected <resource>=<value>`);
    const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
    if (parseQuantity(value) === undefined) throw new KubectlError(QUANTITY_ERROR);
    hard[name] = value;
  }
  return hard;
}

/** createQuota is `kubectl create quota NAME --hard=pods=2,cpu=1 [--scopes=BestEffort]`. */
export function* createQuota(ctx: Context, args: string[]): Task {
  const name = requireName(args, 'quota');
  const spec: Record<string, unknown> = {};
  const hard = parseHard(ctx.flags.string('hard'));
  if (Object.keys(hard).length > 0)
    spec.hard = Object.fromEntries(
      Object.keys(hard)
        .sort()
        .map((k) => [k, hard[k]]),
    );
  const scopes = ctx.flags
    .string('scopes')
    .split(',')
    .filter((s) => s !== '');
  if (scopes.length > 0) spec.scopes = scopes;
  const quota = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta(name), spec, status: {} };
  yield* emitObject(ctx, quota, 'resourcequotas', 'resourcequota', name);
}
