import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterNodes } from '../../state/nodes';
import { statusCounts, usePodIndex, type PodView } from '../../state/pods';
import { useServiceIndex, type ServiceView } from '../../state/services';
import { selectStorageIndex } from '../../state/storage';
import { useKubeloop } from '../../state/store';
import { selectOwnerIndex, type PodRef } from '../../state/workloads';
import { useShowOwners, useShowStorage } from './graph-options';
import { endpointCounts } from './i18n';
import { AGGREGATE_ABOVE } from './layout';
import { splitSystemPods, useShowSystemPods } from './system-pods';

/**
 * TextView is the graph for screen readers: each node and its pods with their STATUS, then each
 * Service with its endpoints (ready or not, pod and IP) and the Ingresses in front of them, and
 * with their views the owner chains and storage. Above AGGREGATE_ABOVE pods it lists each node's
 * pods counted by STATUS, as the graph does. Like the graph, it names kube-system pods one by one
 * only when the learner asked to see them.
 */
export default function TextView() {
  const { t } = useTranslation();
  const nodes = useClusterNodes();
  const { all, byNode } = usePodIndex();
  const aggregate = all.length > AGGREGATE_ABOVE;
  const unscheduled = byNode.get(undefined);
  const showSystem = useShowSystemPods();
  const owners = useShowOwners();
  const storage = useShowStorage();
  return (
    <ul role="list" className="visually-hidden graph-text-view" aria-label={t('regions.textView')}>
      {nodes.map(({ name }) => (
        <NodeEntry
          key={name}
          title={t('graph.node', { name })}
          pods={byNode.get(name)}
          aggregate={aggregate}
          showSystem={showSystem}
        />
      ))}
      {unscheduled && (
        <NodeEntry
          title={t('graph.unscheduled')}
          pods={unscheduled}
          aggregate={aggregate}
          showSystem={showSystem}
        />
      )}
      <ServicesEntry aggregate={aggregate} />
      {owners && <OwnersEntry aggregate={aggregate} />}
      {storage && <StorageEntry />}
    </ul>
  );
}

/**
 * ServicesEntry lists the Services, each with its endpoints, and the Ingresses. At scale a
 * Service's endpoints are counted per node, as the graph's edges do.
 */
function ServicesEntry({ aggregate }: { aggregate: boolean }) {
  const { t } = useTranslation('graph');
  const { services, ingresses } = useServiceIndex();
  if (services.length === 0 && ingresses.length === 0) return null;
  return (
    <li>
      <span>{t('text.services')}</span>
      <ul>
        {services.map((service) => (
          <ServiceEntry key={service.uid} service={service} aggregate={aggregate} />
        ))}
        {ingresses.map((ingress) => (
          <li key={ingress.uid}>
            {t('text.ingress', {
              name: ingress.name,
              hosts: ingress.hosts,
              services: ingress.services.join(', '),
            })}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** ServiceEntry redraws only when its Service's view changes. */
const ServiceEntry = memo(function ServiceEntry({
  service,
  aggregate,
}: {
  service: ServiceView;
  aggregate: boolean;
}) {
  const { t } = useTranslation('graph');
  const perNode = new Map<string, { ready: number; notReady: number }>();
  if (aggregate) {
    for (const e of service.endpoints) {
      const node = e.nodeName ?? '—';
      const counts = perNode.get(node) ?? { ready: 0, notReady: 0 };
      counts[e.ready ? 'ready' : 'notReady']++;
      perNode.set(node, counts);
    }
  }
  return (
    <li>
      <span>
        {t('text.service', {
          name: service.name,
          type: service.type,
          address: [service.clusterIP, service.ports].filter(Boolean).join(' '),
          counts: endpointCounts(t, service.ready, service.notReady),
        })}
      </span>
      {service.endpoints.length > 0 && (
        <ul>
          {aggregate
            ? [...perNode].map(([node, { ready, notReady }]) => (
                <li key={node}>
                  {node}: {endpointCounts(t, ready, notReady)}
                </li>
              ))
            : service.endpoints.map((e) => (
                <li key={e.ip}>
                  {t('text.endpoint', {
                    pod: e.pod ?? '',
                    ip: e.ip,
                    state: t(e.ready ? 'ready' : 'notReady'),
                  })}
                </li>
              ))}
        </ul>
      )}
    </li>
  );
});

const podNames = (pods: readonly PodRef[]) => pods.map((p) => p.name).join(', ');

/** OwnersEntry lists each workload, what owns it and the pods it controls (counted at scale). */
function OwnersEntry({ aggregate }: { aggregate: boolean }) {
  const { t } = useTranslation('graph');
  const owners = useKubeloop(selectOwnerIndex);
  const all = [...owners.top, ...owners.owned];
  if (all.length === 0) return null;
  return (
    <li>
      <span>{t('text.owners')}</span>
      <ul>
        {all.map((w) => {
          const owner = w.ownerUid ? owners.byUid.get(w.ownerUid) : undefined;
          const state =
            w.kind === 'CronJob'
              ? t('cronJobState', { schedule: w.schedule, count: w.of })
              : t(w.kind === 'Job' ? 'jobState' : 'workloadState', { done: w.done, of: w.of });
          return (
            <li key={w.uid}>
              {t('text.workload', { kind: t(`kind.${w.kind}`), name: w.name, state })}
              {owner &&
                `, ${t('text.ownedBy', { owner: `${t(`kind.${owner.kind}`)} ${owner.name}` })}`}
              {w.pods.length > 0 &&
                `; ${t(aggregate ? 'text.podCount' : 'text.pods', { count: w.pods.length, names: podNames(w.pods) })}`}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/** StorageEntry lists the claims (with their volume and the pods using them), volumes and classes. */
function StorageEntry() {
  const { t } = useTranslation('graph');
  const { claims, volumes, classes } = useKubeloop(selectStorageIndex);
  if (claims.length + volumes.length + classes.length === 0) return null;
  return (
    <li>
      <span>{t('text.storage')}</span>
      <ul>
        {claims.map((c) => (
          <li key={c.uid}>
            {t('text.claim', {
              name: c.name,
              state: [c.status, c.capacity, c.modes, c.storageClass].filter(Boolean).join(' '),
            })}
            {c.volume && `, ${t('text.volume', { name: c.volume })}`}
            {c.pods.length > 0 && `; ${t('text.usedBy', { names: podNames(c.pods) })}`}
          </li>
        ))}
        {volumes.map((v) => (
          <li key={v.uid}>
            {t('text.pv', {
              name: v.name,
              state: [v.status, v.capacity].filter(Boolean).join(' '),
            })}
          </li>
        ))}
        {classes.map((c) => (
          <li key={c.uid}>
            {t('text.storageClass', { name: c.name, provisioner: c.provisioner })}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** NodeEntry redraws only when its node's pods change (their array keeps its identity otherwise). */
const NodeEntry = memo(function NodeEntry({
  title,
  pods = [],
  aggregate,
  showSystem,
}: {
  title: string;
  pods: readonly PodView[] | undefined;
  aggregate: boolean;
  showSystem: boolean;
}) {
  const { t } = useTranslation();
  const { workload, system } = splitSystemPods(pods);
  const listed = showSystem ? pods : workload;
  const tally = (some: readonly PodView[]) =>
    statusCounts(some)
      .map(({ status, count }) => `${status} ${count}`)
      .join(', ');
  return (
    <li>
      {title}: {pods.length === 0 ? t('graph.noPods') : t('graph.podCount', { count: pods.length })}
      {pods.length > 0 && (
        <ul>
          {aggregate
            ? statusCounts(listed).map(({ status, count }) => (
                <li key={status}>
                  {status}: {count}
                </li>
              ))
            : listed.map((p) => (
                <li key={p.uid}>
                  {p.name}: {p.status}
                </li>
              ))}
          {!showSystem && system.length > 0 && (
            <li>
              {t('graph:systemPods', { count: system.length })} ({tally(system)})
            </li>
          )}
        </ul>
      )}
    </li>
  );
});
