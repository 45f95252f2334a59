import {
  parseSelector,
  type KubeObject,
  type LabelSelector,
  type ResourceInfo,
} from '../../engine';
import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { fieldFilter } from '../field-selector';
import { buildTable } from '../printers/columns';
import {
  evaluate,
  formatValue,
  JsonPathError,
  jsonPathPrinter,
  relaxedPath,
} from '../printers/jsonpath';
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
export function stripManagedFields(obj: KubeObject): KubeObject {
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

/** splitOutput reads -o into a printer and its argument: `jsonpath={.a}`, `custom-columns=A:.a`. */
function splitOutput(output: string): { format: string; template?: string } {
  for (const format of ['jsonpath', 'custom-columns']) {
    if (output.startsWith(`${format}=`))
      return { format, template: output.slice(format.length + 1) };
  }
  checkOutput(output);
  return { format: output };
}

/** pathOf is relaxedPath with its parse error as kubectl prints it. */
function pathOf(expression: string) {
  try {
    return relaxedPath(expression);
  } catch (error) {
    if (error instanceof JsonPathError) throw new KubectlError(`error: ${error.message}`);
    throw error;
  }
}

/** customColumns parses `HEADER:path,...` as the custom-columns printer does. */
function customColumns(spec: string) {
  if (spec === '')
    throw new KubectlError('error: custom-columns format specified but no custom columns given');
  return spec.split(',').map((column) => {
    const colon = column.indexOf(':');
    if (colon < 0)
      throw new KubectlError(
        `error: unexpected custom-columns spec: ${column}, expected <header>:<json-path-expr>`,
      );
    return { header: column.slice(0, colon), steps: pathOf(column.slice(colon + 1)) };
  });
}

/** naturalLess compares strings with digit runs as numbers (sortorder.NaturalLess). */
function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** sortObjects is --sort-by: a stable sort on one field, objects without it first. */
function sortObjects(objects: KubeObject[], expression: string): KubeObject[] {
  const steps = pathOf(expression);
  const keyed = objects.map((obj) => ({ obj, key: evaluate([obj], steps)[0] }));
  return keyed
    .sort((x, y) => {
      if (x.key === undefined || y.key === undefined)
        return (x.key === undefined ? 0 : 1) - (y.key === undefined ? 0 : 1);
      if (typeof x.key === 'number' && typeof y.key === 'number') return x.key - y.key;
      return naturalCompare(formatValue(x.key), formatValue(y.key));
    })
    .map((k) => k.obj);
}

function* getCommand(ctx: Context): Task {
  const { flags } = ctx;
  const { format: output, template } = splitOutput(flags.string('output'));
  const jsonPath = output === 'jsonpath' ? jsonPathPrinter(template!) : undefined;
  const columns = output === 'custom-columns' ? customColumns(template!) : undefined;
  const sortBy = flags.string('sort-by');
  const allNamespaces = flags.bool('all-namespaces');
  const selector = selectorFlag(ctx);
  const fieldSelector = flags.string('field-selector');
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
    // Each type is fetched with every name: `get svc,ep web` is service/web then endpoints/web.
    const types = [...new Set(flags.args[0]!.split(','))].flatMap((t) => (t === 'all' ? ALL : [t]));
    const names = flags.args.slice(1);
    for (const type of types) targets.push({ info: requireResource(type), names });
  }

  const fetched: Fetched[] = [];
  const byName = targets.some((t) => t.names.length > 0);
  if (byName && (flags.string('selector').trim() || fieldSelector.trim())) {
    throw new KubectlError('error: name cannot be provided when a selector is specified');
  }
  for (const { info, names } of targets) {
    const namespace = info.namespaced ? ctx.namespace : undefined;
    const objects: KubeObject[] = [];
    if (names.length === 0) {
      const filter = fieldFilter(info, flags.string('selector'), fieldSelector);
      if ('error' in filter) {
        ctx.err.push(filter.error);
        ctx.exitCode = 1;
        continue;
      }
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
      objects.push(...(res.result.items ?? []).filter(filter.matches));
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
    fetched.push({ info, objects: sortBy ? sortObjects(objects, sortBy) : objects });
  }

  const total = fetched.reduce((n, f) => n + f.objects.length, 0);
  const single = byName && targets.length === 1 && targets[0]!.names.length === 1;
  if (jsonPath !== undefined) {
    const objects = fetched.flatMap((f) => f.objects);
    if (objects.length === 0 && !byName) ctx.err.push(noResources(ctx, targets, allNamespaces));
    const data =
      single && objects.length === 1
        ? objects[0]
        : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
    if (objects.length > 0 || !byName) ctx.out.push(jsonPath(data));
    return;
  }
  if (columns !== undefined) {
    const objects = fetched.flatMap((f) => f.objects);
    if (objects.length === 0) {
      if (!byName) ctx.err.push(noResources(ctx, targets, allNamespaces));
      return;
    }
    const rows = objects.map((obj) =>
      columns.map(({ steps }) => {
        const values = evaluate([obj], steps);
        return values.length === 0 ? '<none>' : values.map(formatValue).join(',');
      }),
    );
    ctx.out.push(
      printTable({ headers: columns.map((c) => c.header), rows }, flags.bool('no-headers')),
    );
    return;
  }
  if (output === 'yaml' || output === 'json' || output === 'name') {
    const objects = fetched.flatMap((f) => f.objects);
    if (objects.length > 0 || output !== 'name') {
      if (objects.length > 0 || !single) ctx.out.push(printObjects(objects, output, single));
    }
    if (total === 0 && !byName && output === 'name')
      ctx.err.push(noResources(ctx, targets, allNamespaces));
    return;
  }
  if (total === 0) {
    // A refused list (Forbidden) is reported alone, as kubectl does with request errors.
    if (!byName && ctx.exitCode === 0) ctx.err.push(noResources(ctx, targets, allNamespaces));
    return;
  }
  const kinds = fetched.filter((f) => f.objects.length > 0);
  const showKind = multipleTypesRequested(flags.args) || kinds.length > 1;
  const blocks = kinds.map((f) =>
    printTable(
      buildTable(f.info.kind, f.objects, ctx.cluster.now, {
        wide: output === 'wide',
        withNamespace: allNamespaces && f.info.namespaced,
        showLabels: flags.bool('show-labels'),
        kindPrefix: showKind ? kindName(f.info) : undefined,
      }),
      flags.bool('no-headers'),
    ),
  );
  ctx.out.push(blocks.join('\n'));
}

/**
 * multipleTypesRequested is resource.MultipleTypesRequested: `all`, a list of distinct types
 * (`deploy,svc`) or TYPE/NAME arguments of distinct types make the table name each row's kind,
 * even when only one of the types has objects.
 */
function multipleTypesRequested(args: readonly string[]): boolean {
  const types = new Set<string>();
  for (const arg of args) {
    if (arg === 'all') return true;
    const slash = arg.indexOf('/');
    if (slash < 0) {
      if (new Set(arg.split(',')).size > 1) return true;
      continue;
    }
    types.add(requireResource(arg.slice(0, slash)).resource);
  }
  return types.size > 1;
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
    { name: 'sort-by', type: 'string' },
    { name: 'field-selector', type: 'string' },
  ],
  run: getCommand,
};
