import {
  parseSelector,
  type KubeObject,
  type LabelSelector,
  type ResourceInfo,
} from '../../engine';
import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { buildTable } from '../printers/columns';
import { printTable } from '../printers/table';
import { toJson, toYaml } from '../printers/yaml';
import { ALL, kindName, requireResource } from '../resources';

/** OUTPUT_FLAGS are the -o printers every object-printing command accepts. */
export const OUTPUT_FORMATS = ['json', 'yaml', 'name', 'wide'];

/** selectorFlag parses -l, with kubectl's error for a bad selector. */
export function selectorFlag(ctx: Context): LabelSelector | undefined {
  const text = ctx.flags.string('selector');
  if (!ctx.flags.has('selector')) return undefined;
  try {
    return parseSelector(text);
  } catch (error) {
    throw new KubectlError(`error: ${(error as Error).message}`);
  }
}

/** printObjects prints objects for -o yaml/json/name: one object alone, several as a v1 List. */
export function printObjects(objects: KubeObject[], output: string, single: boolean): string {
  const clean = objects.map(stripManagedFields);
  if (output === 'name') return clean.map((o) => `${kindNameOf(o)}/${o.metadata.name}\n`).join('');
  const value =
    single && clean.length === 1
      ? clean[0]
      : { apiVersion: 'v1', items: clean, kind: 'List', metadata: { resourceVersion: '' } };
  return output === 'json' ? toJson(value) : toYaml(value);
}

function kindNameOf(obj: KubeObject): string {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  return group ? `${obj.kind.toLowerCase()}.${group}` : obj.kind.toLowerCase();
}

/**
 * stripManagedFields hides metadata.managedFields as -o yaml does, and restores the
 * `creationTimestamp: null` a real API server serializes in pod templates.
 */
function stripManagedFields(obj: KubeObject): KubeObject {
  const { managedFields: _dropped, ...meta } = obj.metadata as KubeObject['metadata'] & {
    managedFields?: unknown;
  };
  const out = { ...obj, metadata: meta } as KubeObject & {
    spec?: { template?: { metadata?: Record<string, unknown> } };
  };
  const template = out.spec?.template;
  if (template?.metadata && !('creationTimestamp' in template.metadata)) {
    out.spec = {
      ...out.spec,
      template: { ...template, metadata: { creationTimestamp: null, ...template.metadata } },
    };
  }
  return out;
}

export function checkOutput(output: string, allowed = OUTPUT_FORMATS): void {
  if (output !== '' && !allowed.includes(output)) {
    throw new KubectlError(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
    );
  }
}

interface Fetched {
  info: ResourceInfo;
  objects: KubeObject[];
}

function* getCommand(ctx: Context): Task {
  const { flags } = ctx;
  const output = flags.string('output');
  checkOutput(output);
  const allNamespaces = flags.bool('all-namespaces');
  const selector = selectorFlag(ctx);
  if (flags.args.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  // TYPE[,TYPE] [NAME...] or TYPE/NAME...
  const targets: { info: ResourceInfo; names: string[] }[] = [];
  if (flags.args.some((a) => a.includes('/'))) {
    for (const arg of flags.args) {
      const [type, name] = arg.split('/', 2);
      if (!name)
        throw new KubectlError(
          "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>')",
        );
      const info = requireResource(type!);
      const existing = targets.find((t) => t.info === info);
      if (existing) existing.names.push(name);
      else targets.push({ info, names: [name] });
    }
  } else {
    const types = flags.args[0]!.split(',').flatMap((t) => (t === 'all' ? ALL : [t]));
    const names = flags.args.slice(1);
    if (names.length > 0 && types.length > 1) {
      throw new KubectlError(
        `error: arguments in resource/name form must have a single resource and name`,
      );
    }
    for (const type of types) targets.push({ info: requireResource(type), names });
  }

  const fetched: Fetched[] = [];
  const byName = targets.some((t) => t.names.length > 0);
  for (const { info, names } of targets) {
    const namespace = info.namespaced ? ctx.namespace : undefined;
    const objects: KubeObject[] = [];
    if (names.length === 0) {
      const res = yield* request({
        verb: 'list',
        resource: info.resource,
        namespace: allNamespaces ? undefined : namespace,
        labelSelector: selector,
      });
      if (!res.ok) {
        ctx.err.push(formatStatusError(res.error));
        ctx.exitCode = 1;
        continue;
      }
      objects.push(...(res.result.items ?? []));
    } else {
      for (const name of names) {
        const res = yield* request({ verb: 'get', resource: info.resource, namespace, name });
        if (!res.ok) {
          ctx.err.push(formatStatusError(res.error));
          ctx.exitCode = 1;
          continue;
        }
        objects.push(res.result.object!);
      }
    }
    fetched.push({ info, objects });
  }

  const total = fetched.reduce((n, f) => n + f.objects.length, 0);
  if (output === 'yaml' || output === 'json' || output === 'name') {
    const objects = fetched.flatMap((f) => f.objects);
    const single = byName && targets.length === 1 && targets[0]!.names.length === 1;
    if (objects.length > 0 || output !== 'name') {
      if (objects.length > 0 || !single) ctx.out.push(printObjects(objects, output, single));
    }
    if (total === 0 && !byName && output === 'name')
      ctx.err.push(noResources(ctx, targets, allNamespaces));
    return;
  }
  if (total === 0) {
    if (!byName) ctx.err.push(noResources(ctx, targets, allNamespaces));
    return;
  }
  const kinds = fetched.filter((f) => f.objects.length > 0);
  const blocks = kinds.map((f) =>
    printTable(
      buildTable(f.info.kind, f.objects, ctx.cluster.now, {
        wide: output === 'wide',
        withNamespace: allNamespaces && f.info.namespaced,
        showLabels: flags.bool('show-labels'),
        kindPrefix: kinds.length > 1 ? kindName(f.info) : undefined,
      }),
      flags.bool('no-headers'),
    ),
  );
  ctx.out.push(blocks.join('\n'));
}

function noResources(
  ctx: Context,
  targets: { info: ResourceInfo }[],
  allNamespaces: boolean,
): string {
  const namespaced = targets.some((t) => t.info.namespaced);
  return !namespaced || allNamespaces
    ? 'No resources found'
    : `No resources found in ${ctx.namespace} namespace.`;
}

export const get: Command = {
  name: 'get',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'show-labels', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
  ],
  run: getCommand,
};
