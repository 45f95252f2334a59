import { PRESETS, type Cluster } from '../engine';

/** KubeContext is one entry of the kubeconfig's contexts list. */
export interface KubeContext {
  name: string;
  cluster: string;
  user: string;
  /** empty when the context sets none (kubectl then uses "default") */
  namespace: string;
}

/** Kubeconfig is the learner's ~/.kube/config: contexts and which one is current. */
export interface Kubeconfig {
  contexts: KubeContext[];
  currentContext: string;
}

// The kubeconfig lives beside the cluster it points at, as ~/.kube/config lives beside the lab:
// `kubectl config set-context` in one command changes the namespace of every later command.
const kubeconfigs = new WeakMap<Cluster, Kubeconfig>();

/** initialKubeconfig is what kubeadm (admin.conf) or minikube writes. */
function initialKubeconfig(cluster: Cluster): Kubeconfig {
  const context: KubeContext =
    cluster.preset === 'minikube'
      ? { name: 'minikube', cluster: 'minikube', user: 'minikube', namespace: 'default' }
      : {
          name: 'kubernetes-admin@kubernetes',
          cluster: 'kubernetes',
          user: 'kubernetes-admin',
          namespace: '',
        };
  return { contexts: [context], currentContext: context.name };
}

export function kubeconfigOf(cluster: Cluster): Kubeconfig {
  let config = kubeconfigs.get(cluster);
  if (!config) {
    config = initialKubeconfig(cluster);
    kubeconfigs.set(cluster, config);
  }
  return config;
}

/** currentContext is the context kubectl talks through; undefined once current-context dangles. */
export function currentContext(config: Kubeconfig): KubeContext | undefined {
  return config.contexts.find((c) => c.name === config.currentContext);
}

/** defaultNamespace is where a command without -n works: the context's namespace or "default". */
export function defaultNamespace(cluster: Cluster): string {
  return currentContext(kubeconfigOf(cluster))?.namespace || 'default';
}

/** serverURL is where the API server listens: the control plane's IP, 6443 (kubeadm) or 8443 (minikube). */
export function serverURL(cluster: Cluster): string {
  const preset = PRESETS[cluster.preset];
  const controlPlane = preset.nodes.find((n) => n.controlPlane) ?? preset.nodes[0]!;
  return `https://${controlPlane.ip}:${cluster.preset === 'minikube' ? 8443 : 6443}`;
}

/** MINIKUBE_HOME is where minikube keeps the certificates its kubeconfig points at. */
const MINIKUBE_HOME = '/home/vagrant/.minikube';

/**
 * kubeconfigView is the document `kubectl config view` prints, certificates already redacted
 * (kubeadm embeds them as data: DATA+OMITTED; minikube refers to files, which stay).
 * minify keeps only what the current context uses.
 */
export function kubeconfigView(cluster: Cluster, minify: boolean): Record<string, unknown> {
  const config = kubeconfigOf(cluster);
  const current = currentContext(config);
  const minikube = cluster.preset === 'minikube';
  const clusterName = minikube ? 'minikube' : 'kubernetes';
  const userName = minikube ? 'minikube' : 'kubernetes-admin';
  const clusterEntry = {
    cluster: minikube
      ? { 'certificate-authority': `${MINIKUBE_HOME}/ca.crt`, server: serverURL(cluster) }
      : { 'certificate-authority-data': 'DATA+OMITTED', server: serverURL(cluster) },
    name: clusterName,
  };
  const userEntry = {
    name: userName,
    user: minikube
      ? {
          'client-certificate': `${MINIKUBE_HOME}/profiles/minikube/client.crt`,
          'client-key': `${MINIKUBE_HOME}/profiles/minikube/client.key`,
        }
      : { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' },
  };
  // clientcmd keeps contexts in a map and writes them out sorted by name.
  const listed = minify ? (current ? [current] : []) : config.contexts;
  const contexts = [...listed]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c) => ({
      context: { cluster: c.cluster, user: c.user, ...(c.namespace && { namespace: c.namespace }) },
      name: c.name,
    }));
  const usesAdmin = !minify || (current?.cluster === clusterName && current.user === userName);
  return {
    apiVersion: 'v1',
    clusters: usesAdmin ? [clusterEntry] : null,
    contexts,
    'current-context': config.currentContext,
    kind: 'Config',
    preferences: {},
    users: usesAdmin ? [userEntry] : null,
  };
}

type Fields = Record<string, unknown>;

/**
 * inGoOrder orders a kubeconfig view as `-o json` prints it: the fields of clientcmd's v1.Config
 * structs in declaration order, not sorted as YAML prints them.
 */
export function inGoOrder(view: Fields): Fields {
  const pick = (obj: Fields, keys: string[]) =>
    Object.fromEntries(keys.filter((k) => k in obj).map((k) => [k, obj[k]]));
  const named = (list: unknown, key: string, fields: string[]) =>
    Array.isArray(list)
      ? list.map((entry: Fields) => ({
          name: entry.name,
          [key]: pick(entry[key] as Fields, fields),
        }))
      : null;
  return {
    kind: view.kind,
    apiVersion: view.apiVersion,
    preferences: view.preferences,
    clusters: named(view.clusters, 'cluster', [
      'server',
      'certificate-authority',
      'certificate-authority-data',
    ]),
    users: named(view.users, 'user', [
      'client-certificate',
      'client-certificate-data',
      'client-key',
      'client-key-data',
    ]),
    contexts: named(view.contexts, 'context', ['cluster', 'user', 'namespace']),
    'current-context': view['current-context'],
  };
}
