import { KUBERNETES_VERSION, PRESETS, RESOURCES, type ResourceInfo } from '../../engine';
import type { Command, Context, Task } from '../context';
import { KubectlError } from '../errors';
import { printTable } from '../printers/table';
import { subcommandOf } from './set';

/** KUSTOMIZE_VERSION is the kustomize built into kubectl v1.32. */
const KUSTOMIZE_VERSION = 'v5.5.0';

/** serverURL is where the API server listens: the control plane's IP, 6443 (kubeadm) or 8443 (minikube). */
export function serverURL(ctx: Context): string {
  const preset = PRESETS[ctx.cluster.preset];
  const controlPlane = preset.nodes.find((n) => n.controlPlane) ?? preset.nodes[0]!;
  return `https://${controlPlane.ip}:${ctx.cluster.preset === 'minikube' ? 8443 : 6443}`;
}

// Commands without a task body still are generators, so they run like every other command.
/* eslint-disable require-yield */

function* versionCommand(ctx: Context): Task {
  const output = ctx.flags.string('output');
  if (output !== '' && output !== 'yaml' && output !== 'json') {
    throw new KubectlError("Error: --output must be 'yaml' or 'json'");
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
  const server = serverURL(ctx);
  ctx.out.push(
    `Kubernetes control plane is running at ${server}\n` +
      `CoreDNS is running at ${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n` +
      "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
  );
}

/** cluster-info names the control plane and the cluster services (colours omitted). */
export const clusterInfo: Command = { name: 'cluster-info', flags: [], run: clusterInfoCommand };

/** contextOf is the kubeconfig context kubeadm (admin.conf) or minikube writes. */
export function contextOf(ctx: Context): {
  name: string;
  cluster: string;
  user: string;
  namespace: string;
} {
  return ctx.cluster.preset === 'minikube'
    ? { name: 'minikube', cluster: 'minikube', user: 'minikube', namespace: 'default' }
    : {
        name: 'kubernetes-admin@kubernetes',
        cluster: 'kubernetes',
        user: 'kubernetes-admin',
        namespace: '',
      };
}

function* configCommand(ctx: Context): Task {
  const { sub, args } = subcommandOf(ctx, 'config');
  const current = contextOf(ctx);
  if (sub === 'current-context') {
    ctx.out.push(`${current.name}\n`);
    return;
  }
  if (sub === 'get-contexts') {
    const missing = args.find((a) => a !== current.name);
    if (missing !== undefined) {
      throw new KubectlError(`error: context ${missing} not found`);
    }
    if (ctx.flags.string('output') === 'name') {
      ctx.out.push(`${current.name}\n`);
      return;
    }
    ctx.out.push(
      printTable(
        {
          headers: ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'],
          rows: [['*', current.name, current.cluster, current.user, current.namespace]],
        },
        ctx.flags.bool('no-headers'),
      ),
    );
    return;
  }
  throw new KubectlError(`error: "kubectl config ${sub}" is not available in Kubeloop yet`);
}

/** config reads the (simulated) kubeconfig: current-context and get-contexts. */
export const config: Command = {
  name: 'config',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'no-headers', type: 'bool' },
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
