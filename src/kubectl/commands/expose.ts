import type { Container, Deployment, KubeObject, Pod, ReplicaSet, Service } from '../../engine';
import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { DRY_RUN_FLAG } from '../flags';
import { emitGenerated } from './generate';
import { resourceTargets } from './targets';

/**
 * `kubectl expose` (pkg/cmd/expose): reads a Deployment, ReplicaSet, Pod or Service, takes its
 * selector, ports and protocols by introspection unless flags give them, and creates a Service
 * as the generator in expose.go builds it.
 */

const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** exposable is CanBeExposedFn. */
const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

function templateContainers(obj: KubeObject): Container[] {
  if (obj.kind === 'Pod') return (obj as Pod).spec.containers;
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet')
    return (obj as Deployment | ReplicaSet).spec.template.spec.containers;
  return [];
}

/** selectorFor is MapBasedSelectorForObjectFn. */
function selectorFor(obj: KubeObject): Record<string, string> {
  const fail = (why: string) =>
    new KubectlError(
      `error: couldn't retrieve selectors via --selector flag or introspection: ${why}`,
    );
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {};
      if (Object.keys(labels).length === 0)
        throw fail('the pod has no labels and cannot be exposed');
      return labels;
    }
    case 'Service': {
      const selector = (obj as Service).spec.selector ?? {};
      if (Object.keys(selector).length === 0) throw fail('the service has no pod selector set');
      return selector;
    }
    default: {
      const selector = (obj as Deployment | ReplicaSet).spec.selector;
      if ((selector.matchExpressions ?? []).length > 0) {
        throw fail(
          `couldn't convert expressions - "${JSON.stringify(selector)}" to map-based selector format`,
        );
      }
      return { ...selector.matchLabels };
    }
  }
}

/** portsFor is PortsForObjectFn plus ProtocolsForObjectFn: port → protocol, in order. */
function portsFor(obj: KubeObject): Map<string, string> {
  const ports = new Map<string, string>();
  if (obj.kind === 'Service') {
    for (const p of (obj as Service).spec.ports ?? []) ports.set(String(p.port), p.protocol);
    return ports;
  }
  for (const c of templateContainers(obj))
    for (const p of c.ports ?? []) ports.set(String(p.containerPort), p.protocol ?? 'TCP');
  return ports;
}

function parseMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [k, v] = part.split('=', 2);
    if (!k || v === undefined) throw new KubectlError(`error: invalid label spec: ${part}`);
    out[k] = v;
  }
  return out;
}

function* exposeCommand(ctx: Context): Task {
  const { flags } = ctx;
  if (flags.args.length === 0) throw new KubectlError(NO_RESOURCES);
  const [target] = resourceTargets(ctx, flags.args, NO_RESOURCES);
  if (target!.names.length === 0)
    throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const { info } = target!;
  for (const objName of target!.names) {
    const res = yield* request({
      verb: 'get',
      resource: info.resource,
      namespace: info.namespaced ? ctx.namespace : undefined,
      name: objName,
    });
    if (!res.ok) {
      ctx.err.push(formatStatusError(res.error));
      ctx.exitCode = 1;
      return;
    }
    const obj = res.result.object!;
    if (!EXPOSABLE.has(obj.kind)) {
      throw new KubectlError(
        `error: cannot expose a ${info.group ? `${info.kind}.${info.group}` : info.kind}`,
      );
    }
    const selector = flags.has('selector') ? parseMap(flags.string('selector')) : selectorFor(obj);
    const clusterIP = flags.string('cluster-ip');
    const introspected = portsFor(obj);
    let portList: string[];
    if (flags.has('port')) portList = [flags.string('port')];
    else {
      portList = [...introspected.keys()];
      if (portList.length === 0 && clusterIP !== 'None')
        throw new KubectlError("error: couldn't find port via --port flag or introspection");
    }
    const protocol = flags.string('protocol');
    const portName = flags.string('port-name');
    const ports = portList.map((text, i) => {
      const port = Number(text);
      if (!/^\d+$/.test(text))
        throw new KubectlError(`error: strconv.Atoi: parsing "${text}": invalid syntax`);
      const name = portList.length > 1 ? `port-${i + 1}` : portName;
      return {
        ...(name ? { name } : {}),
        port,
        protocol: protocol || introspected.get(text) || 'TCP',
        targetPort: port as number | string,
      };
    });
    const targetText = flags.string('target-port') || flags.string('container-port');
    if (targetText) {
      const target = /^\d+$/.test(targetText) ? Number(targetText) : targetText;
      for (const p of ports) p.targetPort = target;
    }
    const name = (flags.string('name') || obj.metadata.name).slice(0, 63);
    const labels = flags.has('labels') ? parseMap(flags.string('labels')) : obj.metadata.labels;
    const spec: Record<string, unknown> = {};
    if (clusterIP) spec.clusterIP = clusterIP;
    if (flags.string('external-ip')) spec.externalIPs = [flags.string('external-ip')];
    if (ports.length > 0) spec.ports = ports;
    spec.selector = selector;
    if (flags.string('type')) spec.type = flags.string('type');
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        creationTimestamp: null,
        ...(labels && Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}),
        name,
      },
      spec,
      status: { loadBalancer: {} },
    };
    yield* emitGenerated(
      ctx,
      service,
      { resource: 'services', namespace: ctx.namespace, kindName: 'service', name },
      (_message, formatted) => formatted,
      'exposed',
    );
  }
}

export const expose: Command = {
  name: 'expose',
  flags: [
    { name: 'port', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'container-port', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'protocol', type: 'string' },
    { name: 'port-name', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
    { name: 'external-ip', type: 'string' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: exposeCommand,
};
