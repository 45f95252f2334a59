import type { AnyObject, KubeObject, ResourceInfo } from '../../engine';
import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { sortKeys } from '../printers/yaml';
import { kindName, resourceName } from '../resources';
import { threeWayPatch } from './apply-patch';
import { DRY_RUN_FLAG } from '../flags';
import { dryRunMode } from './generate';
import { readManifests } from './manifests';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** goJson is Go's json.Marshal of an unstructured map: sorted keys, <>& escaped, plus "\n". */
function goJson(value: unknown): string {
  return (
    JSON.stringify(sortKeys(value))
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026') + '\n'
  );
}

/**
 * withLastApplied returns the manifest as apply sends it: namespace filled in and the
 * last-applied annotation set to the manifest itself (annotations present, the annotation
 * itself left out), as GetModifiedConfiguration does.
 */
export function withLastApplied(body: AnyObject, namespace: string | undefined): AnyObject {
  const copy = structuredClone(body) as AnyObject & { metadata: Record<string, unknown> };
  copy.metadata = { ...((copy.metadata as Record<string, unknown>) ?? {}) };
  if (namespace !== undefined) copy.metadata.namespace = namespace;
  const annotations = { ...((copy.metadata.annotations as Record<string, string>) ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  const applied = goJson(copy);
  copy.metadata.annotations = { ...annotations, [LAST_APPLIED]: applied };
  return copy;
}

/** infoString is resource.Info.String(): the mapping, then the name and namespace. */
function infoString(info: ResourceInfo, name: string, namespace: string | undefined): string {
  const gv = `${info.group}/${info.version}`;
  return `Resource: "${gv}, Resource=${info.resource}", GroupVersionKind: "${gv}, Kind=${info.kind}"\nName: "${name}", Namespace: "${namespace ?? ''}"`;
}

function* applyCommand(ctx: Context): Task {
  if (ctx.flags.strings('filename').length === 0) {
    throw new KubectlError('error: must specify one of -f and -k');
  }
  const dryRun = dryRunMode(ctx);
  const suffix =
    dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  for (const m of readManifests(ctx)) {
    const target = { resource: m.info.resource, namespace: m.namespace };
    const modified = withLastApplied(m.body, m.namespace);
    const got = yield* request({ verb: 'get', ...target, name: m.name });
    if (!got.ok) {
      if (got.error.status.reason !== 'NotFound') {
        ctx.err.push(
          formatStatusError(got.error, {
            verb: `retrieving current configuration of:\n${infoString(m.info, m.name, m.namespace)}\nfrom server for:`,
            file: m.source,
          }),
        );
        ctx.exitCode = 1;
        continue;
      }
      if (dryRun === 'client') {
        ctx.out.push(`${kindName(m.info)}/${m.name} created${suffix}\n`);
        continue;
      }
      const created = yield* request({
        verb: 'create',
        ...target,
        body: modified,
        fieldValidation: 'Strict',
        dryRun: dryRun === 'server',
      });
      if (!created.ok) {
        ctx.err.push(formatStatusError(created.error, { verb: 'creating', file: m.source }));
        ctx.exitCode = 1;
        continue;
      }
      ctx.out.push(
        `${kindName(m.info)}/${created.result.object!.metadata.name} created${suffix}\n`,
      );
      continue;
    }
    const current = got.result.object! as KubeObject;
    const lastApplied = current.metadata.annotations?.[LAST_APPLIED];
    if (lastApplied === undefined) {
      ctx.err.push(
        `Warning: resource ${resourceName(m.info)}/${m.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
      );
    }
    let original: unknown;
    try {
      original = lastApplied ? JSON.parse(lastApplied) : {};
    } catch {
      original = {};
    }
    const patch = threeWayPatch(original, modified, current);
    if (Object.keys(patch).length === 0) {
      ctx.out.push(`${kindName(m.info)}/${m.name} unchanged${suffix}\n`);
      continue;
    }
    if (dryRun !== 'client') {
      const patched = yield* request({
        verb: 'patch',
        ...target,
        name: m.name,
        patchType: 'strategic',
        patch,
        fieldValidation: 'Strict',
        dryRun: dryRun === 'server',
      });
      if (!patched.ok) {
        ctx.err.push(formatStatusError(patched.error, { verb: 'patching', file: m.source }));
        ctx.exitCode = 1;
        continue;
      }
    }
    ctx.out.push(`${kindName(m.info)}/${m.name} configured${suffix}\n`);
  }
}

export const apply: Command = {
  name: 'apply',
  flags: [
    { name: 'filename', short: 'f', type: 'strings' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: applyCommand,
};
