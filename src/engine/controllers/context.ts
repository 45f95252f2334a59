import type { Clock } from '../clock';
import { ApiClient } from '../client/client';
import { EventRecorder } from '../client/events';
import { Informer } from '../client/informer';
import type { ApiServer } from '../apiserver/apiserver';
import type { Deployment, Lease, Node, Pod, ReplicaSet } from '../api/types';

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
  }

  /** recorder returns an event recorder reporting as the named controller. */
  recorder(component: string): EventRecorder {
    return new EventRecorder(this.client, this.clock, { component });
  }

  start(): void {
    for (const informer of [this.nodes, this.leases, this.deployments, this.replicaSets, this.pods])
      informer.start();
  }
}
