import { KUBERNETES_VERSION, RESOURCES, type ResourceInfo } from '../../engine';
import type { Command, Context, Task } from '../context';
import { KubectlError } from '../errors';
import { inGoOrder, kubeconfigOf, kubeconfigView, serverURL, type Kubeconfig } from '../kubeconfig';
import { runJsonPath } from '../printers/jsonpath';
import { toYaml } from '../printers/yaml';
import { printTable } from '../printers/table';
import { helpText } from './help';
import { subcommandOf } from './set';

/** KUSTOMIZE_VERSION is the kustomize built into kubectl v1.32. */
const KUSTOMIZE_VERSION = 'v5.5.0';

// Commands without a task body still are generators, so they run like every other command.
/* eslint-disable require-yield */

function* versionCommand(ctx: Context): Task {
  if (ctx.flags.args.length > 0) {
    throw new KubectlError(`error: extra arguments: [${ctx.flags.args.join(' ')}]`);
  }
  const output = ctx.flags.string('output');
  if (output !== '' && output !== 'yaml' && output !== 'json') {
    throw new KubectlError("error: --output must be 'yaml' or 'json'");
  }
  ctx.out.push(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  if (!ctx.flags.bool('client')) ctx.out.push(`Server Version: ${KUBERNETES_VERSION}\n`);
}

/** version prints the client and server versions as `kubectl version` does. */
export const version: Command = {
  name: 'version',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: versionCommand,
};

function* clusterInfoCommand(ctx: Context): Task {
  const server = serverURL(ctx.cluster);
  ctx.out.push(
    `Kubernetes control plane is running at ${server}\n` +
      `CoreDNS is running at ${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n` +
      "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
  );
}

/** cluster-info names the control plane and the cluster services (colours omitted). */
export const clusterInfo: Command = { name: 'cluster-info', flags: [], run: clusterInfoCommand };

function* configCommand(ctx: Context): Task {
  const { sub, args } = subcommandOf(ctx, 'config');
  const config = kubeconfigOf(ctx.cluster);
  if (sub === 'current-context') {
    if (config.currentContext === '') throw new KubectlError('error: current-context is not set');
    ctx.out.push(`${config.currentContext}\n`);
    return;
  }
  if (sub === 'get-contexts') return getContexts(ctx, config, args);
  if (sub === 'view') return viewConfig(ctx);
  if (sub === 'use-context') {
    if (args.length !== 1) {
      // cobra's ExactArgs(1) usage failure: the help on stdout, the error on stderr.
      ctx.out.push(helpText('config', ['use-context'])!);
      throw new KubectlError(`error: Unexpected args: [${args.join(' ')}]`);
    }
    const name = args[0]!;
    if (name === '') throw new KubectlError('error: empty context names are not allowed');
    if (!config.contexts.some((c) => c.name === name)) {
      throw new KubectlError(`error: no context exists with the name: "${name}"`);
    }
    config.currentContext = name;
    ctx.out.push(`Switched to context "${name}".\n`);
    return;
  }
  if (sub === 'set-context') return setContext(ctx, config, args);
  if (sub === 'get-clusters' || sub === 'get-users') {
    // kubeadm and minikube write one cluster and one user, named by the preset.
    const view = kubeconfigView(ctx.cluster, false);
    const entries = (sub === 'get-clusters' ? view.clusters : view.users) as { name: string }[];
    ctx.out.push(`NAME\n${entries.map((e) => `${e.name}\n`).join('')}`);
    return;
  }
  throw new KubectlError(`error: "kubectl config ${sub}" is not available in Kubeloop yet`);
}

/** getContexts prints the table (the header comes before a missing name's error, as in kubectl). */
function getContexts(ctx: Context, config: Kubeconfig, names: string[]): void {
  const missing = names.filter((n) => !config.contexts.some((c) => c.name === n));
  const shown =
    names.length === 0 ? config.contexts : config.contexts.filter((c) => names.includes(c.name));
  if (ctx.flags.string('output') === 'name') {
    ctx.out.push(shown.map((c) => `${c.name}\n`).join(''));
  } else {
    const sorted = [...shown].sort((a, b) => byteCompare(a.name, b.name));
    ctx.out.push(
      printTable(
        {
          headers: ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'],
          rows: sorted.map((c) => [
            c.name === config.currentContext ? '*' : '',
            c.name,
            c.cluster,
            c.user,
            c.namespace,
          ]),
        },
        ctx.flags.bool('no-headers'),
      ),
    );
  }
  if (missing.length > 0) {
    throw new KubectlError(missing.map((n) => `error: context ${n} not found`).join('\n'));
  }
}

/** viewConfig prints the kubeconfig with its certificates redacted, as `kubectl config view` does. */
function viewConfig(ctx: Context): void {
  const output = ctx.flags.string('output', 'yaml');
  const view = kubeconfigView(ctx.cluster, ctx.flags.bool('minify'));
  if (output === 'yaml') ctx.out.push(toYaml(view));
  else if (output === 'json') ctx.out.push(`${JSON.stringify(inGoOrder(view), null, 4)}\n`);
  else if (output.startsWith('jsonpath=')) ctx.out.push(runJsonPath(output.slice(9), view));
  else throw new KubectlError(`error: --output ${output} is not available in Kubeloop yet`);
}

/** setContext creates a context or changes the current one (--current --namespace=NS). */
function setContext(ctx: Context, config: Kubeconfig, args: string[]): void {
  const current = ctx.flags.bool('current');
  if (current && args.length > 0) {
    throw new KubectlError('error: you cannot specify both a context name and --current');
  }
  const name = current ? config.currentContext : (args[0] ?? '');
  if (name === '') {
    throw new KubectlError('error: you must specify a non-empty context name or --current');
  }
  let context = config.contexts.find((c) => c.name === name);
  const created = context === undefined;
  if (!context) {
    context = { name, cluster: '', user: '', namespace: '' };
    config.contexts.push(context);
  }
  if (ctx.flags.has('namespace')) context.namespace = ctx.flags.string('namespace');
  if (ctx.flags.has('cluster')) context.cluster = ctx.flags.string('cluster');
  if (ctx.flags.has('user')) context.user = ctx.flags.string('user');
  ctx.out.push(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
}

/** config reads and edits the (simulated) kubeconfig: contexts, the current namespace, view. */
export const config: Command = {
  name: 'config',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'minify', type: 'bool' },
    { name: 'current', type: 'bool' },
    { name: 'cluster', type: 'string' },
    { name: 'user', type: 'string' },
  ],
  run: configCommand,
};

/** byteCompare orders strings as Go's strings.Compare does (by code unit, not by locale). */
const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const apiVersion = (r: ResourceInfo) => (r.group ? `${r.group}/${r.version}` : r.version);

/**
 * apiResourceRows lists the engine's resources as `kubectl api-resources` does: sorted by group
 * (core first), then by name. It reads RESOURCES each time, so new kinds show up by themselves.
 */
export function apiResourceRows(filter: { namespaced?: boolean; group?: string }): ResourceInfo[] {
  return RESOURCES.filter(
    (r) =>
      (filter.namespaced === undefined || r.namespaced === filter.namespaced) &&
      (filter.group === undefined || r.group === filter.group),
  ).sort((a, b) => byteCompare(a.group, b.group) || byteCompare(a.resource, b.resource));
}

function* apiResourcesCommand(ctx: Context): Task {
  const { flags } = ctx;
  const output = flags.string('output');
  if (output !== '' && output !== 'wide' && output !== 'name') {
    throw new KubectlError(`error: --output ${output} is not available`);
  }
  const rows = apiResourceRows({
    namespaced: flags.has('namespaced') ? flags.bool('namespaced') : undefined,
    group: flags.has('api-group') ? flags.string('api-group') : undefined,
  });
  if (output === 'name') {
    ctx.out.push(
      rows.map((r) => `${r.group ? `${r.resource}.${r.group}` : r.resource}\n`).join(''),
    );
    return;
  }
  ctx.out.push(
    printTable(
      {
        headers: ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'],
        rows: rows.map((r) => [
          r.resource,
          r.shortNames.join(','),
          apiVersion(r),
          String(r.namespaced),
          r.kind,
        ]),
      },
      flags.bool('no-headers'),
    ),
  );
}

/** api-resources lists the resource types the (simulated) API server serves. */
export const apiResources: Command = {
  name: 'api-resources',
  flags: [
    { name: 'namespaced', type: 'bool' },
    { name: 'api-group', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'verbs', type: 'strings' },
    { name: 'cached', type: 'bool' },
  ],
  run: apiResourcesCommand,
};
