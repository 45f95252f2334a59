import type { ApiServer } from '../apiserver/apiserver';
import { matchesSelector } from '../api/labels';
import { objectKey } from '../api/objects';
import { isPodActive, isPodReady } from '../api/pod';
import type { Node, Pod, Service } from '../api/types';
import type { Clock } from '../clock';
import { ApiClient } from '../client/client';
import { EventRecorder } from '../client/events';
import { Informer } from '../client/informer';
import { intToIp, ipToInt, poolRanges } from './addresses';
import { sha256 } from './hash';
import type { IPAddressPool, L2Advertisement } from './types';

/** MetalLB's namespace, as metallb-native.yaml (and the course's metallb.yaml) creates it. */
export const METALLB_NAMESPACE = 'metallb-system';
export const METALLB_CONTROLLER = 'metallb-controller';
export const METALLB_SPEAKER = 'metallb-speaker';

/** runningPods: the Ready pods of a component (controller, speaker) in metallb-system. */
function readyPods(pods: readonly Pod[], component: string): Pod[] {
  return pods.filter(
    (p) =>
      p.metadata.labels?.app === 'metallb' &&
      p.metadata.labels.component === component &&
      isPodActive(p) &&
      p.status.phase === 'Running' &&
      isPodReady(p),
  );
}

/**
 * l2Announcer is the node whose speaker answers ARP for an address: MetalLB's layer2
 * controller orders the usable nodes by sha256(node + "#" + ip) and the first one announces.
 */
export function l2Announcer(nodes: readonly string[], ip: string): string | undefined {
  const key = (node: string) =>
    Array.from(sha256(`${node}#${ip}`), (b) => b.toString(16).padStart(2, '0')).join('');
  return [...nodes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))[0];
}

/**
 * MetalLB models the two halves learners install: the controller, which hands LoadBalancer
 * Services an address from an IPAddressPool (status.loadBalancer.ingress), and the speakers,
 * one per node, which answer ARP for those addresses when an L2Advertisement covers their pool.
 * Both act only while their pods run: before the install a LoadBalancer stays <pending>.
 */
export class MetalLB {
  private readonly pods: Informer<Pod>;
  private readonly services: Informer<Service>;
  private readonly pools: Informer<IPAddressPool>;
  private readonly adverts: Informer<L2Advertisement>;
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private readonly speakerEvents: EventRecorder;
  private running = false;
  private syncQueued = false;
  /** addresses handed out whose status update is still on its way */
  private readonly assigned = new Map<string, string>();
  /** the node last announced for each Service, so the speaker's event is sent once */
  private readonly announced = new Map<string, string>();

  constructor(
    api: ApiServer,
    private readonly clock: Clock,
    private readonly nodes: () => Node[],
  ) {
    this.client = new ApiClient(METALLB_CONTROLLER, api);
    this.recorder = new EventRecorder(this.client, clock, { component: METALLB_CONTROLLER });
    this.speakerEvents = new EventRecorder(new ApiClient(METALLB_SPEAKER, api), clock, {
      component: METALLB_SPEAKER,
    });
    this.pods = new Informer<Pod>(api, METALLB_CONTROLLER, 'pods', [
      { path: 'metadata.namespace', op: '=', value: METALLB_NAMESPACE },
    ]);
    this.services = new Informer<Service>(api, METALLB_CONTROLLER, 'services');
    this.pools = new Informer<IPAddressPool>(api, METALLB_CONTROLLER, 'ipaddresspools', [
      { path: 'metadata.namespace', op: '=', value: METALLB_NAMESPACE },
    ]);
    this.adverts = new Informer<L2Advertisement>(api, METALLB_CONTROLLER, 'l2advertisements', [
      { path: 'metadata.namespace', op: '=', value: METALLB_NAMESPACE },
    ]);
    const queue = () => this.queueSync();
    const onPod = () => this.controllerStatus();
    this.pods.addHandlers({ onAdd: onPod, onUpdate: onPod, onDelete: onPod });
    this.services.addHandlers({ onAdd: queue, onUpdate: queue, onDelete: queue });
    this.pools.addHandlers({ onAdd: queue, onUpdate: queue, onDelete: queue });
    this.adverts.addHandlers({ onAdd: queue, onUpdate: queue, onDelete: queue });
  }

  start(): void {
    this.pods.start();
  }

  /** controllerStatus starts the controller's watches when its pod is Ready, stops them when gone. */
  private controllerStatus(): void {
    const up = readyPods(this.pods.list(), 'controller').length > 0;
    if (up === this.running) {
      if (up) this.queueSync();
      return;
    }
    this.running = up;
    if (up) {
      this.createMemberlistSecret();
      this.services.start();
      this.pools.start();
      this.adverts.start();
      this.queueSync();
    } else {
      this.services.stop();
      this.pools.stop();
      this.adverts.stop();
    }
  }

  /**
   * createMemberlistSecret: the controller's first act, with METALLB_ML_SECRET_NAME set, is the
   * Secret the speakers read their memberlist key from (until then they cannot start).
   */
  private createMemberlistSecret(): void {
    const controller = readyPods(this.pods.list(), 'controller')[0];
    const name = controller?.spec.containers[0]?.env?.find(
      (e) => e.name === 'METALLB_ML_SECRET_NAME',
    )?.value;
    if (!name) return;
    const key = Array.from(sha256(`${controller.metadata.uid}/memberlist`), (b) =>
      String.fromCharCode(b),
    ).join('');
    this.client.request(
      {
        verb: 'create',
        resource: 'secrets',
        namespace: METALLB_NAMESPACE,
        body: {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name },
          data: { secretkey: btoa(key.repeat(4)) },
        } as never,
      },
      undefined,
      { code: 'metallb.memberlist', args: { secret: name } },
    );
  }

  private queueSync(): void {
    if (this.syncQueued || !this.running) return;
    this.syncQueued = true;
    this.clock.schedule(0, () => {
      this.syncQueued = false;
      if (this.running) this.sync();
    });
  }

  /** usablePools are the pools MetalLB accepted: readable addresses, by name. */
  private usablePools(): { pool: IPAddressPool; ranges: [number, number][] }[] {
    return this.pools
      .list()
      .flatMap((pool) => {
        const ranges = poolRanges(pool.spec.addresses ?? []);
        return ranges ? [{ pool, ranges }] : [];
      })
      .sort((a, b) => (a.pool.metadata.name < b.pool.metadata.name ? -1 : 1));
  }

  private poolOf(ip: string): IPAddressPool | undefined {
    const n = ipToInt(ip);
    if (n === undefined) return undefined;
    return this.usablePools().find(({ ranges }) => ranges.some(([lo, hi]) => n >= lo && n <= hi))
      ?.pool;
  }

  /** sync gives every LoadBalancer Service without an address the first free one it may have. */
  private sync(): void {
    const lbs = this.services.list().filter((s) => s.spec.type === 'LoadBalancer');
    const inUse = new Set<string>();
    for (const svc of lbs) {
      const ip = svc.status.loadBalancer.ingress?.[0]?.ip ?? this.assigned.get(objectKey(svc));
      if (ip) inUse.add(ip);
    }
    for (const svc of lbs) {
      const key = objectKey(svc);
      const current = svc.status.loadBalancer.ingress?.[0]?.ip;
      if (current) {
        this.assigned.delete(key);
        continue;
      }
      if (this.assigned.has(key)) continue;
      const ip = this.allocate(svc, inUse);
      if (!ip) {
        if (this.usablePools().length > 0 || svc.spec.loadBalancerIP)
          this.recorder.warning(
            svc,
            'AllocationFailed',
            `Failed to allocate IP for "${key}": no available IPs`,
          );
        continue;
      }
      inUse.add(ip);
      this.assigned.set(key, ip);
      this.client.request(
        {
          verb: 'patch',
          resource: 'services',
          namespace: svc.metadata.namespace,
          name: svc.metadata.name,
          subresource: 'status',
          patchType: 'merge',
          patch: { status: { loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } },
        },
        undefined,
        { code: 'metallb.assign', args: { service: key, ip } },
      );
      this.recorder.normal(svc, 'IPAllocated', `Assigned IP ["${ip}"]`);
    }
    for (const key of this.assigned.keys())
      if (!lbs.some((s) => objectKey(s) === key)) this.assigned.delete(key);
    this.announce(lbs);
  }

  /** allocate: the requested spec.loadBalancerIP if a pool holds it, else the lowest free address. */
  private allocate(svc: Service, inUse: ReadonlySet<string>): string | undefined {
    const requested = svc.spec.loadBalancerIP;
    if (requested) return this.poolOf(requested) && !inUse.has(requested) ? requested : undefined;
    for (const { pool, ranges } of this.usablePools()) {
      if (pool.spec.autoAssign === false) continue;
      for (const [lo, hi] of ranges) {
        for (let n = lo; n <= hi; n++) {
          const ip = intToIp(n);
          // avoidBuggyIPs skips .0 and .255, which some old routers drop.
          if (pool.spec.avoidBuggyIPs && (n % 256 === 0 || n % 256 === 255)) continue;
          if (!inUse.has(ip)) return ip;
        }
      }
    }
    return undefined;
  }

  /** announce has the elected speaker report the node it answers ARP from (nodeAssigned). */
  private announce(lbs: readonly Service[]): void {
    for (const svc of lbs) {
      const ip = svc.status.loadBalancer.ingress?.[0]?.ip;
      const node = ip ? this.announcer(ip) : undefined;
      const key = objectKey(svc);
      if (!node || this.announced.get(key) === node) continue;
      this.announced.set(key, node);
      this.speakerEvents.normal(
        svc,
        'nodeAssigned',
        `announcing from node "${node}" with protocol "layer2"`,
      );
    }
  }

  /**
   * announcer is the node answering ARP for a LoadBalancer address: one with a Ready speaker,
   * Ready itself, when an L2Advertisement covers the address's pool.
   */
  announcer(ip: string): string | undefined {
    if (!this.running) return undefined;
    const pool = this.poolOf(ip);
    if (!pool) return undefined;
    const advertised = this.adverts.list().some((ad) => {
      const names = ad.spec?.ipAddressPools ?? [];
      const selectors = ad.spec?.ipAddressPoolSelectors ?? [];
      if (names.length === 0 && selectors.length === 0) return true;
      return (
        names.includes(pool.metadata.name) ||
        selectors.some((s) => matchesSelector(s, pool.metadata.labels))
      );
    });
    if (!advertised) return undefined;
    const speakers = new Set(
      readyPods(this.pods.list(), 'speaker').flatMap((p) =>
        p.spec.nodeName ? [p.spec.nodeName] : [],
      ),
    );
    const ready = this.nodes()
      .filter(
        (n) =>
          speakers.has(n.metadata.name) &&
          n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
      )
      .map((n) => n.metadata.name);
    return l2Announcer(ready, ip);
  }
}
