import type { Context, Task } from '../context';
import { KubectlError } from '../errors';
import { emitGenerated } from './generate';
import { HELP } from './help-data';

/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME` (create_service.go):
 * label and selector app=NAME, one TCP port per --tcp port[:targetPort], named after it.
 */

/** DNS1123_SUBDOMAIN is validation.IsDNS1123Subdomain, which --external-name must pass. */
const DNS1123_SUBDOMAIN =
  /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const TYPES: Record<string, string> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
};

/** parseTcp is parsePorts: `80` → 80→80, `80:8080` → 80→8080, `80:http` → 80→"http". */
function parseTcp(spec: string): { port: number; targetPort: number | string } {
  const [portText, targetText = portText] = spec.split(':', 2) as [string, string?];
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new KubectlError(`error: strconv.ParseUint: parsing "${portText}": invalid syntax`);
  }
  const target = /^\d+$/.test(targetText) ? Number(targetText) : targetText;
  return { port, targetPort: target };
}

export function* createService(ctx: Context, args: string[]): Task {
  const { flags } = ctx;
  const [kind, name] = args;
  const type = kind ? TYPES[kind] : undefined;
  if (!type) {
    // Like cobra, a bare `kubectl create service` prints its help.
    if (kind === undefined) {
      ctx.out.push(HELP['create service'] ?? '');
      return;
    }
    throw new KubectlError(
      `error: unknown command "${args.join(' ')}"\nSee 'kubectl create service -h' for help and examples`,
    );
  }
  if (!name || args.length !== 2) {
    throw new KubectlError(
      `error: exactly one NAME is required, got ${Math.max(0, args.length - 1)}\nSee 'kubectl create service ${kind} -h' for help and examples`,
    );
  }
  const tcp = flags.strings('tcp').flatMap((t) => t.split(','));
  const clusterIP = flags.string('clusterip');
  const externalName = flags.string('external-name');
  // Without --external-name cobra refuses the command (REQUIRED_FLAGS); this checks its value.
  if (type === 'ExternalName' && !DNS1123_SUBDOMAIN.test(externalName)) {
    throw new KubectlError(`error: invalid service external name ${externalName}`);
  }
  if (type !== 'ExternalName' && clusterIP !== 'None' && tcp.length === 0) {
    throw new KubectlError('error: at least one tcp port specifier must be provided');
  }
  if (clusterIP === 'None' && type !== 'ClusterIP') {
    throw new KubectlError('error: ClusterIP=None can only be used with ClusterIP service type');
  }
  const nodePort = flags.has('node-port') ? Number(flags.string('node-port')) : 0;
  const ports = tcp.map((spec) => {
    const { port, targetPort } = parseTcp(spec);
    return {
      name: spec.replace(/:/g, '-'),
      ...(nodePort ? { nodePort } : {}),
      port,
      protocol: 'TCP',
      targetPort,
    };
  });
  const spec: Record<string, unknown> = {};
  if (clusterIP) spec.clusterIP = clusterIP;
  if (externalName) spec.externalName = externalName;
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { app: name };
  spec.type = type;
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      creationTimestamp: null,
      labels: { app: name },
      name,
      ...(ctx.namespaceSet ? { namespace: ctx.namespace } : {}),
    },
    spec,
    status: { loadBalancer: {} },
  };
  yield* emitGenerated(
    ctx,
    service,
    { resource: 'services', namespace: ctx.namespace, kindName: 'service', name },
    (message) => `error: failed to create ${type} service: ${message}`,
  );
}
