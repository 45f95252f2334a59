import type { Clock } from '../clock';
import { ApiClient } from '../client/client';
import { EventRecorder } from '../client/events';
import { Informer } from '../client/informer';
import type { ApiServer } from '../apiserver/apiserver';
import { controllerOf } from '../api/objects';
import type {
  CronJob,
  DaemonSet,
  Deployment,
  Job,
  KubeObject,
  Lease,
  PodDisruptionBudget,
  Node,
  Pod,
  ReplicaSet,
  StatefulSet,
  Service,
  Endpoints,
  EndpointSlice,
  HorizontalPodAutoscaler,
} from '../api/types';
import type { PersistentVolume, PersistentVolumeClaim } from '../api/storage-types';

export const CONTROLLER_MANAGER = 'kube-controller-manager';

/**
 * ControllerContext is what kube-controller-manager hands each controller: one connection to
 * the API server and shared informers, so a watch event reaches the process once however many
 * controllers care about it.
 */
export class ControllerContext {
  readonly client: ApiClient;
  readonly pods: Informer<Pod>;
  readonly replicaSets: Informer<ReplicaSet>;
  readonly deployments: Informer<Deployment>;
  readonly nodes: Informer<Node>;
  readonly leases: Informer<Lease>;
  readonly podDisruptionBudgets: Informer<PodDisruptionBudget>;
  readonly daemonSets: Informer<DaemonSet>;
  readonly statefulSets: Informer<StatefulSet>;
  readonly jobs: Informer<Job>;
  readonly cronJobs: Informer<CronJob>;
  readonly services: Informer<Service>;
  readonly endpoints: Informer<Endpoints>;
  readonly endpointSlices: Informer<EndpointSlice>;
  readonly horizontalPodAutoscalers: Informer<HorizontalPodAutoscaler>;
  readonly persistentVolumeClaims: Informer<PersistentVolumeClaim>;
  readonly persistentVolumes: Informer<PersistentVolume>;

  constructor(
    readonly api: ApiServer,
    readonly clock: Clock,
  ) {
    this.client = new ApiClient(CONTROLLER_MANAGER, api);
    this.pods = new Informer<Pod>(api, CONTROLLER_MANAGER, 'pods');
    this.replicaSets = new Informer<ReplicaSet>(api, CONTROLLER_MANAGER, 'replicasets');
    this.deployments = new Informer<Deployment>(api, CONTROLLER_MANAGER, 'deployments');
    this.nodes = new Informer<Node>(api, CONTROLLER_MANAGER, 'nodes');
    this.leases = new Informer<Lease>(api, CONTROLLER_MANAGER, 'leases');
    this.podDisruptionBudgets = new Informer<PodDisruptionBudget>(
      api,
      CONTROLLER_MANAGER,
      'poddisruptionbudgets',
    );
    this.daemonSets = new Informer<DaemonSet>(api, CONTROLLER_MANAGER, 'daemonsets');
    this.statefulSets = new Informer<StatefulSet>(api, CONTROLLER_MANAGER, 'statefulsets');
    this.jobs = new Informer<Job>(api, CONTROLLER_MANAGER, 'jobs');
    this.cronJobs = new Informer<CronJob>(api, CONTROLLER_MANAGER, 'cronjobs');
    this.services = new Informer<Service>(api, CONTROLLER_MANAGER, 'services');
    this.endpoints = new Informer<Endpoints>(api, CONTROLLER_MANAGER, 'endpoints');
    this.endpointSlices = new Informer<EndpointSlice>(api, CONTROLLER_MANAGER, 'endpointslices');
    this.horizontalPodAutoscalers = new Informer<HorizontalPodAutoscaler>(
      api,
      CONTROLLER_MANAGER,
      'horizontalpodautoscalers',
    );
    this.persistentVolumeClaims = new Informer<PersistentVolumeClaim>(
      api,
      CONTROLLER_MANAGER,
      'persistentvolumeclaims',
    );
    this.persistentVolumes = new Informer<PersistentVolume>(
      api,
      CONTROLLER_MANAGER,
      'persistentvolumes',
    );
    for (const informer of this.ownerAwareInformers()) {
      informer.addIndex(ControllerContext.BY_CONTROLLER, (obj) => {
        const ref = controllerOf(obj);
        return ref ? [ref.uid] : [];
      });
      informer.addIndex(ControllerContext.BY_OWNER, (obj) =>
        (obj.metadata.ownerReferences ?? []).map((r) => r.uid),
      );
    }
    this.pods.addIndex(ControllerContext.BY_NODE, (pod) =>
      pod.spec.nodeName ? [pod.spec.nodeName] : [],
    );
  }

  /** Index names: objects by the uid of their controller, by every owner uid, pods by node. */
  static readonly BY_CONTROLLER = 'controller';
  static readonly BY_OWNER = 'owner';
  static readonly BY_NODE = 'node';

  /** ownerAwareInformers lists the informers of kinds that own or are owned (for the GC and indexes). */
  ownerAwareInformers(): Informer<KubeObject>[] {
    return [
      this.deployments,
      this.replicaSets,
      this.pods,
      this.daemonSets,
      this.statefulSets,
      this.cronJobs,
      this.jobs,
      this.persistentVolumeClaims,
    ] as unknown as Informer<KubeObject>[];
  }

  /** recorder returns an event recorder reporting as the named controller. */
  recorder(component: string): EventRecorder {
    return new EventRecorder(this.client, this.clock, { component });
  }

  start(): void {
    for (const informer of [
      this.nodes,
      this.leases,
      this.podDisruptionBudgets,
      this.deployments,
      this.replicaSets,
      this.daemonSets,
      this.statefulSets,
      this.cronJobs,
      this.jobs,
      this.services,
      this.endpoints,
      this.endpointSlices,
      this.horizontalPodAutoscalers,
      this.persistentVolumes,
      this.persistentVolumeClaims,
      this.pods,
    ])
      informer.start();
  }
}
