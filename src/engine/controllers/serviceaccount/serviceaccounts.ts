import type { ServiceAccount } from '../../api/config-types';
import type { AnyObject, Namespace } from '../../api/types';
import { Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import { CONTROLLER_MANAGER, type ControllerContext } from '../context';

/** The service account every namespace gets (serviceaccounts-controller's ServiceAccounts list). */
export const DEFAULT_SERVICE_ACCOUNT = 'default';

/** defaultServiceAccount is the manifest the controller creates in a namespace. */
export function defaultServiceAccount(namespace: string): AnyObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace },
  };
}

/**
 * ServiceAccountsController (pkg/controller/serviceaccount/serviceaccounts_controller.go) makes
 * sure every active namespace has a "default" ServiceAccount: it syncs a namespace when it is
 * added or updated and when its default ServiceAccount is deleted, so a deleted one comes back.
 */
export class ServiceAccountsController {
  private readonly queue: WorkQueue;
  private readonly namespaces: Informer<Namespace>;
  private readonly serviceAccounts: Informer<ServiceAccount>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.namespaces = new Informer<Namespace>(ctx.api, CONTROLLER_MANAGER, 'namespaces');
    this.serviceAccounts = new Informer<ServiceAccount>(
      ctx.api,
      CONTROLLER_MANAGER,
      'serviceaccounts',
    );
    this.namespaces.addHandlers({
      onAdd: (ns) => this.queue.add(ns.metadata.name),
      onUpdate: (_old, ns) => this.queue.add(ns.metadata.name),
    });
    this.serviceAccounts.addHandlers({
      onDelete: (sa) => {
        if (sa.metadata.name === DEFAULT_SERVICE_ACCOUNT) this.queue.add(sa.metadata.namespace!);
      },
    });
    this.serviceAccounts.start();
    this.namespaces.start();
  }

  private sync(namespace: string): void {
    const ns = this.namespaces.get(namespace);
    // A terminating namespace refuses new content; the controller skips it as the real one does.
    if (!ns || ns.status?.phase !== 'Active') return;
    if (this.serviceAccounts.get(`${namespace}/${DEFAULT_SERVICE_ACCOUNT}`)) return;
    this.ctx.client.request({
      verb: 'create',
      resource: 'serviceaccounts',
      namespace,
      body: defaultServiceAccount(namespace),
    });
  }
}
