import type { ConfigMap } from '../../api/config-types';
import type { Namespace } from '../../api/types';
import { Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import { CONTROLLER_MANAGER, type ControllerContext } from '../context';
import { isPublished, publishedVersion, ROOT_CA_CONFIGMAP, rootCAConfigMap } from './root-ca';

/**
 * RootCACertPublisher (pkg/controller/certificates/rootcacertpublisher) keeps the cluster CA
 * bundle in a `kube-root-ca.crt` ConfigMap in every namespace, for pods' projected service
 * account volumes: it syncs a namespace when it is added or updated while Active, and when its
 * ConfigMap is deleted or changed, so the bundle comes back as it was.
 */
export class RootCACertPublisher {
  private readonly queue: WorkQueue;
  private readonly namespaces: Informer<Namespace>;
  private readonly configMaps: Informer<ConfigMap>;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly rootCA: string,
  ) {
    this.queue = new WorkQueue(ctx.clock, (namespace) => this.sync(namespace));
    this.namespaces = new Informer<Namespace>(ctx.api, CONTROLLER_MANAGER, 'namespaces');
    this.configMaps = new Informer<ConfigMap>(ctx.api, CONTROLLER_MANAGER, 'configmaps');
    this.namespaces.addHandlers({
      onAdd: (ns) => this.queue.add(ns.metadata.name),
      onUpdate: (_old, ns) => {
        if (ns.status?.phase === 'Active') this.queue.add(ns.metadata.name);
      },
    });
    const published = (cm: ConfigMap) => {
      if (cm.metadata.name === ROOT_CA_CONFIGMAP) this.queue.add(cm.metadata.namespace!);
    };
    this.configMaps.addHandlers({ onUpdate: (_old, cm) => published(cm), onDelete: published });
    this.configMaps.start();
    this.namespaces.start();
  }

  private sync(namespace: string): void {
    const cm = this.configMaps.get(`${namespace}/${ROOT_CA_CONFIGMAP}`);
    if (!cm) {
      // A namespace that is gone or terminating refuses the create; that is not retried.
      this.ctx.client.request({
        verb: 'create',
        resource: 'configmaps',
        namespace,
        body: rootCAConfigMap(namespace, this.rootCA),
      });
      return;
    }
    if (isPublished(cm, this.rootCA)) return;
    this.ctx.client.request(
      {
        verb: 'update',
        resource: 'configmaps',
        namespace,
        name: ROOT_CA_CONFIGMAP,
        body: publishedVersion(cm, this.rootCA),
      },
      (response) => {
        this.queue.settle(namespace, response.ok);
      },
    );
  }
}
