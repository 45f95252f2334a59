import type { Command, Context, Task } from '../context';
import { KubectlError } from '../errors';
import { explain as render, ExplainError, type Schemas } from '../explain/render';
import schemaTable from '../explain/schemas.json';
import { findResource } from '../resources';

/** SCHEMAS are the OpenAPI descriptions of the kinds Kubeloop serves (its kubectl chunk is lazy). */
const SCHEMAS = schemaTable as unknown as Schemas;

/**
 * explainCommand is `kubectl explain TYPE[.field.path] [--recursive]`. The first words of the
 * argument name the resource (pods, po, deployments.apps); the rest is the field path.
 */
// eslint-disable-next-line require-yield -- explain reads the client's schema, no request
function* explainCommand(ctx: Context): Task {
  const args = ctx.flags.args;
  if (args.length === 0)
    throw new KubectlError(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  if (args.length > 1)
    throw new KubectlError('error: We accept only this format: explain RESOURCE');
  const words = args[0]!.split('.');
  // The longest leading words that name a resource win: deployments.apps.spec is deployments.
  for (let take = Math.min(words.length, 3); take >= 1; take--) {
    const info = findResource(words.slice(0, take).join('.'));
    if (!info || !SCHEMAS[info.kind]) continue;
    try {
      ctx.out.push(
        render(
          SCHEMAS,
          { group: info.group, kind: info.kind, version: info.version },
          words.slice(take),
          ctx.flags.bool('recursive'),
        ),
      );
    } catch (e) {
      if (e instanceof ExplainError) throw new KubectlError(e.message);
      throw e;
    }
    return;
  }
  throw new KubectlError(`error: the server doesn't have a resource type "${words[0]}"`);
}

export const explain: Command = {
  name: 'explain',
  flags: [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
    { name: 'output', type: 'string' },
  ],
  run: explainCommand,
};
