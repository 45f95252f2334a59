import type {
  Cluster,
  Deployment,
  KubeObject,
  Node,
  Pod,
  Service,
  TrafficOrigin,
} from '../../engine';
import type { ObjectRef } from '../../state/selection';

/** The workload kinds the inspector and the actions know: they own pods through a template. */
export const WORKLOAD_RESOURCES = {
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
} as const;
export type WorkloadKind = keyof typeof WORKLOAD_RESOURCES;

export function isWorkloadKind(kind: string): kind is WorkloadKind {
  return Object.hasOwn(WORKLOAD_RESOURCES, kind);
}

/** ActionTarget is what an action acts on, with the facts its menu needs, read when it opens. */
export type ActionTarget =
  | { kind: 'Pod'; namespace: string; name: string; containers: string[] }
  | { kind: 'Node'; name: string; up: boolean; unschedulable: boolean }
  | {
      kind: WorkloadKind;
      namespace: string;
      name: string;
      containers: { name: string; image: string }[];
      replicas?: number;
    }
  | { kind: 'Cluster'; nextNode: string; services: ServiceRequest[] };

/**
 * ServiceRequest is how a learner reaches a Service, as they would with curl: a NodePort or
 * LoadBalancer Service from a machine outside the cluster (a node's address and the nodePort, or
 * the load-balancer IP), a ClusterIP Service from a pod by its DNS name (only pods reach it).
 */
export interface ServiceRequest {
  /** namespace/name */
  service: string;
  type: string;
  origin: TrafficOrigin;
  url: string;
  /** from a pod: the HTTP client its image has, run there with kubectl exec */
  client?: 'curl' | 'wget';
}

/**
 * Action is one thing the learner can do from a menu. A `kubectl` action runs that command line
 * (so it is recorded, replayed and animated like a typed one); a `fault` action is one of the
 * CLI script's fault verbs (node down/up/add, kill, load), shown with the same words.
 */
export type ActionCommand =
  | { kind: 'kubectl'; line: string }
  | {
      kind: 'fault';
      text: string;
      fault:
        | { type: 'node-down' | 'node-up' | 'node-add'; node: string }
        | { type: 'kill'; namespace: string; pod: string; container?: string }
        | { type: 'load'; namespace: string; deployment: string; percent: number };
    }
  | { kind: 'request'; text: string; origin: TrafficOrigin; url: string };

export type ActionId =
  | 'logs'
  | 'exec'
  | 'kill'
  | 'delete'
  | 'stop'
  | 'start'
  | 'cordon'
  | 'uncordon'
  | 'drain'
  | 'scale'
  | 'setImage'
  | 'load'
  | 'addNode'
  | 'request';

/** A Field is one value an action asks for before it runs (replicas, image, ...). */
export interface Field {
  name: string;
  type: 'text' | 'number' | 'container' | 'choice';
  initial: string;
  /** a choice's values and what each is called */
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
}

export interface Action {
  id: ActionId;
  /** asks for these values in a dialog first */
  fields: Field[];
  /** what it prints is the point (logs, exec): show it in the dialog */
  showsOutput?: boolean;
  /** removes or stops something */
  destructive?: boolean;
  command(values: Record<string, string>): ActionCommand;
}

/** quote makes a word safe for the kubectl tokenizer (it reads shell-style quoting). */
export function quote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const nsFlag = (namespace: string) => (namespace === 'default' ? '' : ` -n ${quote(namespace)}`);
const nsWord = (namespace: string) => (namespace === 'default' ? '' : ` -n ${namespace}`);

/** actionsFor lists what the learner can do to target now (a running node can be stopped, ...). */
export function actionsFor(target: ActionTarget): Action[] {
  switch (target.kind) {
    case 'Pod': {
      const { namespace, name, containers } = target;
      const container = (values: Record<string, string>) =>
        containers.length > 1 && values.container ? ` -c ${quote(values.container)}` : '';
      return [
        {
          id: 'logs',
          fields: containers.length > 1 ? [containerField(containers)] : [],
          showsOutput: true,
          command: (v) => ({
            kind: 'kubectl',
            line: `kubectl logs ${quote(name)}${nsFlag(namespace)}${container(v)}`,
          }),
        },
        {
          id: 'exec',
          fields: [
            ...(containers.length > 1 ? [containerField(containers)] : []),
            { name: 'command', type: 'text', initial: 'cat /etc/hostname' },
          ],
          showsOutput: true,
          command: (v) => ({
            kind: 'kubectl',
            line: `kubectl exec ${quote(name)}${nsFlag(namespace)}${container(v)} -- ${v.command ?? ''}`,
          }),
        },
        {
          id: 'kill',
          fields: containers.length > 1 ? [containerField(containers)] : [],
          destructive: true,
          command: (v) => {
            const chosen = containers.length > 1 ? v.container : undefined;
            return {
              kind: 'fault',
              text: `kill${nsWord(namespace)} ${name}${chosen ? ` ${chosen}` : ''}`,
              fault: {
                type: 'kill',
                namespace,
                pod: name,
                ...(chosen ? { container: chosen } : {}),
              },
            };
          },
        },
        {
          id: 'delete',
          fields: [],
          destructive: true,
          command: () => ({
            kind: 'kubectl',
            line: `kubectl delete pod ${quote(name)}${nsFlag(namespace)}`,
          }),
        },
      ];
    }
    case 'Node': {
      const { name, up, unschedulable } = target;
      const power: Action = up
        ? {
            id: 'stop',
            fields: [],
            destructive: true,
            command: () => ({
              kind: 'fault',
              text: `node down ${name}`,
              fault: { type: 'node-down', node: name },
            }),
          }
        : {
            id: 'start',
            fields: [],
            command: () => ({
              kind: 'fault',
              text: `node up ${name}`,
              fault: { type: 'node-up', node: name },
            }),
          };
      return [
        power,
        unschedulable
          ? {
              id: 'uncordon',
              fields: [],
              command: () => ({ kind: 'kubectl', line: `kubectl uncordon ${quote(name)}` }),
            }
          : {
              id: 'cordon',
              fields: [],
              command: () => ({ kind: 'kubectl', line: `kubectl cordon ${quote(name)}` }),
            },
        {
          id: 'drain',
          fields: [],
          destructive: true,
          showsOutput: true,
          command: () => ({
            kind: 'kubectl',
            line: `kubectl drain ${quote(name)} --ignore-daemonsets`,
          }),
        },
      ];
    }
    case 'Cluster': {
      const actions: Action[] = [
        {
          id: 'addNode',
          fields: [{ name: 'name', type: 'text', initial: target.nextNode }],
          command: (v) => {
            const node = (v.name ?? '').trim();
            return { kind: 'fault', text: `node add ${node}`, fault: { type: 'node-add', node } };
          },
        },
      ];
      const { services } = target;
      if (services.length > 0) {
        actions.push({
          id: 'request',
          fields: [
            {
              name: 'service',
              type: 'choice',
              initial: services[0]!.service,
              options: services.map((r) => ({
                value: r.service,
                label: `${r.service} (${r.type})`,
              })),
            },
          ],
          showsOutput: true,
          command: (v) => {
            const chosen = services.find((r) => r.service === v.service) ?? services[0]!;
            // From a pod it is the very kubectl exec a learner would type: the same hops
            // (kubectl → API server → kubelet, then DNS, kube-proxy's rules, the pod), recorded
            // and replayed as that command.
            if (chosen.origin.kind === 'pod') return { kind: 'kubectl', line: requestText(chosen) };
            return {
              kind: 'request',
              text: requestText(chosen),
              origin: chosen.origin,
              url: chosen.url,
            };
          },
        });
      }
      return actions;
    }
    default: {
      const { kind, namespace, name, containers, replicas } = target;
      const ref = `${kind.toLowerCase()}/${name}`;
      const actions: Action[] = [];
      if (kind !== 'DaemonSet') {
        actions.push({
          id: 'scale',
          fields: [
            { name: 'replicas', type: 'number', initial: String(replicas ?? 1), min: 0, max: 100 },
          ],
          command: (v) => ({
            kind: 'kubectl',
            line: `kubectl scale ${ref}${nsFlag(namespace)} --replicas=${Number(v.replicas)}`,
          }),
        });
      }
      if (kind !== 'ReplicaSet') {
        actions.push({
          id: 'setImage',
          fields: [
            containerField(containers.map((c) => c.name)),
            { name: 'image', type: 'text', initial: containers[0]?.image ?? '' },
          ],
          command: (v) => ({
            kind: 'kubectl',
            line: `kubectl set image ${ref}${nsFlag(namespace)} ${quote(`${v.container}=${(v.image ?? '').trim()}`)}`,
          }),
        });
      }
      if (kind === 'Deployment') {
        actions.push({
          id: 'load',
          fields: [{ name: 'percent', type: 'number', initial: '80', min: 0, max: 1000 }],
          command: (v) => {
            const percent = Number(v.percent);
            return {
              kind: 'fault',
              text: `load${nsWord(namespace)} ${name} ${percent}`,
              fault: { type: 'load', namespace, deployment: name, percent },
            };
          },
        });
      }
      return actions;
    }
  }
}

/**
 * requestText is the request as typed: curl from outside, or inside a pod (kubectl exec) the
 * client its image has: curl, or busybox's `wget -qO-`, which prints the body the same way.
 */
export function requestText({
  origin,
  url,
  client,
}: Pick<ServiceRequest, 'origin' | 'url' | 'client'>): string {
  if (origin.kind === 'pod') {
    const fetch = client === 'wget' ? 'wget -qO-' : 'curl -s';
    return `kubectl exec ${quote(origin.name)}${nsFlag(origin.namespace)} -- ${fetch} ${url}`;
  }
  if (origin.kind === 'node') return `ssh ${origin.node} curl -s ${url}`;
  return `curl -s ${url}`;
}

/**
 * serviceRequests lists how each of the learner's Services is reached (kube-system's and the
 * kubernetes Service are the cluster's own: CoreDNS answers DNS, the API server HTTPS). A
 * ClusterIP Service is asked from a running pod of its namespace that has curl or wget, one it
 * does not select if there is one; without such a pod it is left out.
 */
export function serviceRequests(cluster: Cluster): ServiceRequest[] {
  const nodeIP = (cluster.api.list('nodes') as Node[])
    .filter(
      (n) =>
        !n.spec.unschedulable &&
        !(n.metadata.labels ?? {})['node-role.kubernetes.io/control-plane'],
    )
    .map((n) => n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address)
    .find((ip) => ip !== undefined);
  const requests: ServiceRequest[] = [];
  for (const svc of cluster.api.list('services') as Service[]) {
    const namespace = svc.metadata.namespace ?? 'default';
    const port = svc.spec.ports?.[0];
    const own =
      namespace === 'kube-system' ||
      (namespace === 'default' && svc.metadata.name === 'kubernetes');
    if (own || !port) continue;
    const service = `${namespace}/${svc.metadata.name}`;
    const type = svc.spec.type ?? 'ClusterIP';
    const lbIP = svc.status?.loadBalancer?.ingress?.[0]?.ip;
    if (type === 'LoadBalancer' && lbIP) {
      requests.push({
        service,
        type,
        origin: { kind: 'external' },
        url: `http://${lbIP}:${port.port}/`,
      });
    } else if ((type === 'NodePort' || type === 'LoadBalancer') && port.nodePort && nodeIP) {
      requests.push({
        service,
        type,
        origin: { kind: 'external' },
        url: `http://${nodeIP}:${port.nodePort}/`,
      });
    } else if (type === 'ClusterIP' && svc.spec.clusterIP && svc.spec.clusterIP !== 'None') {
      const client = clientPod(cluster, namespace, svc.spec.selector);
      if (!client) continue;
      const host =
        namespace === 'default' ? svc.metadata.name : `${svc.metadata.name}.${namespace}`;
      requests.push({
        service,
        type,
        origin: { kind: 'pod', namespace, name: client.name },
        url: `http://${host}${port.port === 80 ? '' : `:${port.port}`}/`,
        client: client.tool,
      });
    }
  }
  return requests.sort((a, b) => (a.service < b.service ? -1 : 1));
}

/**
 * clientPod: a Running pod of the namespace whose image has an HTTP client (curl or wget),
 * preferring one the Service does not select.
 */
function clientPod(
  cluster: Cluster,
  namespace: string,
  selector: Record<string, string> | undefined,
): { name: string; tool: 'curl' | 'wget' } | undefined {
  const running = (cluster.api.list('pods', namespace) as Pod[]).flatMap((p) => {
    const tool = cluster.network.httpClient(p);
    return p.status?.phase === 'Running' && p.status.podIP && tool ? [{ pod: p, tool }] : [];
  });
  const selected = (p: Pod) =>
    selector !== undefined &&
    Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v);
  const chosen = running.find((c) => !selected(c.pod)) ?? running[0];
  return chosen && { name: chosen.pod.metadata.name, tool: chosen.tool };
}

function containerField(containers: string[]): Field {
  return { name: 'container', type: 'container', initial: containers[0] ?? '' };
}

/**
 * nextNodeName suggests a name for a joining node, as the lab names them: w4-k8s after w3-k8s
 * on kubeadm; minikube-m02 after minikube (as `minikube node add` does).
 */
export function nextNodeName(
  cluster: Pick<Cluster, 'preset'>,
  existing: readonly string[],
): string {
  const taken = new Set(existing);
  for (let i = 1; ; i++) {
    const name =
      cluster.preset === 'minikube' ? `minikube-m${String(i + 1).padStart(2, '0')}` : `w${i}-k8s`;
    if (!taken.has(name)) return name;
  }
}

/** targetFor reads what an action menu on ref needs from the cluster; undefined once ref is gone. */
export function targetFor(cluster: Cluster, ref: ObjectRef): ActionTarget | undefined {
  const find = <T extends KubeObject>(resource: string, namespace?: string) =>
    cluster.api.list(resource, namespace).find((o) => o.metadata.name === ref.name) as
      T | undefined;
  if (ref.kind === 'Pod') {
    const pod = find<Pod>('pods', ref.namespace);
    if (!pod) return undefined;
    return {
      kind: 'Pod',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      containers: pod.spec.containers.map((c) => c.name),
    };
  }
  if (ref.kind === 'Node') {
    const node = find<Node>('nodes');
    if (!node) return undefined;
    return {
      kind: 'Node',
      name: ref.name,
      up: cluster.kubelets.get(ref.name)?.isUp ?? false,
      unschedulable: node.spec.unschedulable === true,
    };
  }
  if (!isWorkloadKind(ref.kind)) return undefined;
  const workload = find<Deployment>(WORKLOAD_RESOURCES[ref.kind], ref.namespace);
  if (!workload) return undefined;
  return {
    kind: ref.kind,
    namespace: workload.metadata.namespace ?? 'default',
    name: workload.metadata.name,
    containers: workload.spec.template.spec.containers.map((c) => ({
      name: c.name,
      image: c.image,
    })),
    ...(ref.kind === 'DaemonSet' ? {} : { replicas: workload.spec.replicas ?? 1 }),
  };
}

/** clusterTarget is the target of cluster-wide actions (add node, send a request to a Service). */
export function clusterTarget(cluster: Cluster): ActionTarget {
  return {
    kind: 'Cluster',
    services: serviceRequests(cluster),
    nextNode: nextNodeName(
      cluster,
      cluster.api.list('nodes').map((n) => n.metadata.name),
    ),
  };
}
