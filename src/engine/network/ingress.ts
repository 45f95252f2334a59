import type { ApiServer } from '../apiserver/apiserver';
import type { Ingress, IngressBackend } from '../api/config-types';
import { objectKey } from '../api/objects';
import { isPodActive, isPodReady } from '../api/pod';
import type { Node, Pod, Service } from '../api/types';
import type { Clock } from '../clock';
import { ApiClient } from '../client/client';
import { EventRecorder } from '../client/events';
import { Informer } from '../client/informer';

/** ingress-nginx's namespace and controller, as its deploy manifests (and Helm chart) name them. */
export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';
export const INGRESS_NGINX_COMPONENT = 'ingress-nginx-controller';
/** The IngressClass the controller serves (--ingress-class=nginx, controller k8s.io/ingress-nginx). */
export const INGRESS_CLASS = 'nginx';

/** A Route is where the controller sends one request: a Service port, or its own 404. */
export interface Route {
  ingress?: { namespace: string; name: string };
  backend?: IngressBackend;
  /** the rule that matched: host ("*" for any) and path */
  host: string;
  path?: string;
  pathType?: string;
}

/** isControllerPod: a running, Ready ingress-nginx controller pod. */
export function isIngressControllerPod(pod: Pod): boolean {
  return (
    pod.metadata.namespace === INGRESS_NGINX_NAMESPACE &&
    pod.metadata.labels?.['app.kubernetes.io/component'] === 'controller' &&
    isPodActive(pod) &&
    pod.status.phase === 'Running' &&
    isPodReady(pod)
  );
}

/** hostMatches: an exact host, or a wildcard matching exactly one more leading label. */
function hostMatches(rule: string, host: string): boolean {
  if (!rule.startsWith('*.')) return rule === host;
  const suffix = rule.slice(1);
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
}

/** prefixMatches is the Ingress spec's Prefix: element-wise, so /foo matches /foo/bar, not /foobar. */
function prefixMatches(prefix: string, path: string): boolean {
  const want = prefix.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  return want.length <= have.length && want.every((element, i) => have[i] === element);
}

/**
 * route picks the backend for a request as the Ingress spec orders it: the rules of the most
 * specific matching host (an exact host before a wildcard, any host last), then the longest
 * matching path, an Exact path before a Prefix one of the same length; without a match the
 * defaultBackend of an Ingress of the class, else the controller's own 404.
 */
export function route(ingresses: readonly Ingress[], host: string, path: string): Route {
  // ingress-nginx merges Ingresses oldest first: an earlier one's rule wins a tie.
  const order = (ing: Ingress) => `${ing.metadata.creationTimestamp ?? ''} ${objectKey(ing)}`;
  const sorted = [...ingresses].sort((a, b) => (order(a) < order(b) ? -1 : 1));
  const hostRank = (rule: string | undefined) =>
    rule === undefined || rule === '' ? 2 : rule.startsWith('*.') ? 1 : 0;
  const candidates = sorted.flatMap((ing) =>
    (ing.spec.rules ?? [])
      .filter((rule) => !rule.host || hostMatches(rule.host, host))
      .flatMap((rule) => (rule.http?.paths ?? []).map((p) => ({ ing, rule, path: p }))),
  );
  const matching = candidates.filter(({ path: p }) => {
    const want = p.path ?? '/';
    if (p.pathType === 'Exact') return want === path;
    return prefixMatches(want, path);
  });
  if (matching.length > 0) {
    const bestHost = Math.min(...matching.map((m) => hostRank(m.rule.host)));
    const best = matching
      .filter((m) => hostRank(m.rule.host) === bestHost)
      .sort((a, b) => {
        const length = (b.path.path ?? '/').length - (a.path.path ?? '/').length;
        if (length !== 0) return length;
        return (a.path.pathType === 'Exact' ? 0 : 1) - (b.path.pathType === 'Exact' ? 0 : 1);
      })[0]!;
    return {
      ingress: {
        namespace: best.ing.metadata.namespace ?? 'default',
        name: best.ing.metadata.name,
      },
      backend: best.path.backend,
      host: best.rule.host ?? '*',
      path: best.path.path ?? '/',
      pathType: best.path.pathType,
    };
  }
  const fallback = sorted.find((ing) => ing.spec.defaultBackend);
  return fallback
    ? {
        ingress: {
          namespace: fallback.metadata.namespace ?? 'default',
          name: fallback.metadata.name,
        },
        backend: fallback.spec.defaultBackend,
        host: '*',
      }
    : { host: '*' };
}

const NGINX_REASONS: Record<number, string> = {
  308: 'Permanent Redirect',
  404: 'Not Found',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/**
 * ingressNginxPage is a page ingress-nginx serves itself: 308 to send plain HTTP to HTTPS, 404 when no rule matches, 503 when
 * the backend has no endpoints, 502 when it refuses, 504 when it never answers.
 */
export function ingressNginxPage(status: 308 | 404 | 502 | 503 | 504): {
  status: number;
  reason: string;
  body: string;
} {
  const title = `${status} ${NGINX_REASONS[status]}`;
  return {
    status,
    reason: NGINX_REASONS[status]!,
    body: `<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`,
  };
}

/**
 * IngressNginx models the ingress-nginx controller learners install: while its pod is Ready it
 * serves the Ingresses of class nginx and publishes its address in their status (the
 * controller Service's load-balancer address, else its node's address), as --publish-service does.
 */
export class IngressNginx {
  private readonly pods: Informer<Pod>;
  private readonly services: Informer<Service>;
  private readonly ingresses: Informer<Ingress>;
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private running = false;
  private syncQueued = false;
  /** the address each Ingress was last given, so it is written once */
  private readonly published = new Map<string, string>();

  constructor(
    api: ApiServer,
    private readonly clock: Clock,
    private readonly nodes: () => Node[],
  ) {
    this.client = new ApiClient(INGRESS_NGINX_COMPONENT, api);
    this.recorder = new EventRecorder(this.client, clock, {
      component: 'nginx-ingress-controller',
    });
    const inNamespace = [
      { path: 'metadata.namespace', op: '=' as const, value: INGRESS_NGINX_NAMESPACE },
    ];
    this.pods = new Informer<Pod>(api, INGRESS_NGINX_COMPONENT, 'pods', inNamespace);
    this.services = new Informer<Service>(api, INGRESS_NGINX_COMPONENT, 'services', inNamespace);
    this.ingresses = new Informer<Ingress>(api, INGRESS_NGINX_COMPONENT, 'ingresses');
    const onPod = () => this.controllerStatus();
    this.pods.addHandlers({ onAdd: onPod, onUpdate: onPod, onDelete: onPod });
    const queue = () => this.queueSync();
    this.services.addHandlers({ onAdd: queue, onUpdate: queue, onDelete: queue });
    this.ingresses.addHandlers({
      onAdd: (ing) => {
        if (this.serves(ing)) this.recorder.normal(ing, 'Sync', 'Scheduled for sync');
        queue();
      },
      onUpdate: queue,
      onDelete: (ing) => {
        this.published.delete(objectKey(ing));
      },
    });
  }

  start(): void {
    this.pods.start();
  }

  /** controllerPod is the Ready controller pod requests reach, if the controller runs. */
  controllerPod(): Pod | undefined {
    return this.pods.list().find(isIngressControllerPod);
  }

  /** served lists the Ingresses the controller routes: class nginx, while it runs. */
  served(): Ingress[] {
    return this.running ? this.ingresses.list().filter((ing) => this.serves(ing)) : [];
  }

  private serves(ing: Ingress): boolean {
    const annotated = ing.metadata.annotations?.['kubernetes.io/ingress.class'];
    return (ing.spec.ingressClassName ?? annotated) === INGRESS_CLASS;
  }

  private controllerStatus(): void {
    const up = this.controllerPod() !== undefined;
    if (up !== this.running) {
      this.running = up;
      if (up) {
        this.services.start();
        this.ingresses.start();
      } else {
        this.services.stop();
        this.ingresses.stop();
        this.published.clear();
      }
    }
    this.queueSync();
  }

  private queueSync(): void {
    if (this.syncQueued || !this.running) return;
    this.syncQueued = true;
    this.clock.schedule(0, () => {
      this.syncQueued = false;
      if (this.running) this.sync();
    });
  }

  /**
   * address is what the controller publishes: with --publish-service the Service's address
   * (a load balancer's once it has one, a NodePort's or ClusterIP's cluster IP), without it the
   * address of the node its pod runs on (ingress-nginx's bare-metal manifest).
   */
  private address(): string | undefined {
    const pod = this.controllerPod();
    if (!pod) return undefined;
    const flag = (pod.spec.containers[0]?.args ?? []).find((a) =>
      a.startsWith('--publish-service='),
    );
    if (flag) {
      const [namespace, name] = flag
        .slice('--publish-service='.length)
        .replace('$(POD_NAMESPACE)', pod.metadata.namespace ?? '')
        .split('/');
      const svc = this.services
        .list()
        .find((s) => s.metadata.namespace === namespace && s.metadata.name === name);
      if (!svc) return undefined;
      return svc.spec.type === 'LoadBalancer'
        ? svc.status.loadBalancer.ingress?.[0]?.ip
        : svc.spec.clusterIP;
    }
    const node = this.nodes().find((n) => n.metadata.name === pod.spec.nodeName);
    return node?.status.addresses.find((a) => a.type === 'InternalIP')?.address;
  }

  private sync(): void {
    const ip = this.address();
    if (!ip) return;
    for (const ing of this.served()) {
      const key = objectKey(ing);
      const current = ing.status?.loadBalancer?.ingress?.[0]?.ip;
      if (current === ip || this.published.get(key) === ip) continue;
      this.published.set(key, ip);
      this.client.request(
        {
          verb: 'patch',
          resource: 'ingresses',
          namespace: ing.metadata.namespace,
          name: ing.metadata.name,
          subresource: 'status',
          patchType: 'merge',
          patch: { status: { loadBalancer: { ingress: [{ ip }] } } },
        },
        undefined,
        { code: 'ingress.status', args: { ingress: key, ip } },
      );
      this.recorder.normal(ing, 'Sync', 'Scheduled for sync');
    }
  }
}
