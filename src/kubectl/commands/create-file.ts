import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError } from '../errors';
import { kindName } from '../resources';
import { DRY_RUN_FLAG } from '../flags';
import { dryRunMode } from './generate';
import { readManifests } from './manifests';

/**
 * `kubectl create -f` and `kubectl replace -f`: each document is POSTed (or PUT) as written,
 * with fieldValidation=Strict as kubectl's default --validate=strict asks, so the API server
 * rejects unknown fields and wrongly typed values. A failed document is reported and the
 * others still go through, as the resource builder's visitor does.
 */
export function* createFromFiles(ctx: Context): Task {
  yield* sendManifests(ctx, 'create');
}

function* sendManifests(ctx: Context, verb: 'create' | 'replace'): Task {
  const mode = dryRunMode(ctx);
  const suffix = mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';
  for (const m of readManifests(ctx)) {
    const done = verb === 'create' ? 'created' : 'replaced';
    if (mode === 'client') {
      ctx.out.push(`${kindName(m.info)}/${m.name} ${done}${suffix}\n`);
      continue;
    }
    const target = {
      resource: m.info.resource,
      namespace: m.namespace,
      fieldValidation: 'Strict' as const,
      dryRun: mode === 'server',
    };
    const res = yield* request(
      verb === 'create'
        ? { verb: 'create', ...target, body: m.body }
        : { verb: 'update', ...target, name: m.name, body: m.body as never },
    );
    if (!res.ok) {
      const action = verb === 'create' ? 'creating' : 'replacing';
      ctx.err.push(formatStatusError(res.error, { verb: action, file: m.source }));
      ctx.exitCode = 1;
      continue;
    }
    ctx.out.push(`${kindName(m.info)}/${res.result.object!.metadata.name} ${done}${suffix}\n`);
  }
}

export const replace: Command = {
  name: 'replace',
  flags: [{ name: 'filename', short: 'f', type: 'strings' }, DRY_RUN_FLAG],
  run: (ctx) => sendManifests(ctx, 'replace'),
};
