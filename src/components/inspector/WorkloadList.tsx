import { useTranslation } from 'react-i18next';
import type { CronJob, Job, KubeObject } from '../../engine';
import { useObjects } from '../../state/store';
import { WORKLOAD_RESOURCES } from '../actions/actions';
import { workloadCounts } from './desired';
import { SelectLink, Section } from './parts';

/** The kinds the list shows, in this order, and the resource each is listed from. */
const LISTED = { ...WORKLOAD_RESOURCES, Job: 'jobs', CronJob: 'cronjobs' } as const;
type ListedKind = keyof typeof LISTED;

/**
 * Deployments own ReplicaSets and CronJobs own Jobs: the list shows only workloads nothing else
 * controls.
 */
const topLevel = (o: KubeObject) => !(o.metadata.ownerReferences ?? []).some((r) => r.controller);

/** useStateOf says how far a workload is, as `kubectl get` does: READY, COMPLETIONS or ACTIVE. */
function useStateOf(kind: ListedKind): (o: KubeObject) => string {
  const { t } = useTranslation('inspector');
  switch (kind) {
    case 'Job':
      return (o) =>
        t('jobs.counts', {
          succeeded: (o as Job).status?.succeeded ?? 0,
          completions: (o as Job).spec.completions ?? 1,
        });
    case 'CronJob':
      return (o) =>
        t('workloads.cronJob', {
          schedule: (o as CronJob).spec.schedule,
          active: (o as CronJob).status?.active?.length ?? 0,
        });
    default:
      return (o) => {
        const counts = workloadCounts(o);
        const ready = counts.lines.find((l) => l.key === 'ready')!.count;
        return t('desired.readyOf', { ready, desired: counts.desired });
      };
  }
}

function KindRows({ kind }: { kind: ListedKind }) {
  const objects = useObjects(LISTED[kind]).filter(topLevel);
  const stateOf = useStateOf(kind);
  return objects.map((o) => (
    <li key={o.metadata.uid}>
      <SelectLink target={{ kind, namespace: o.metadata.namespace, name: o.metadata.name }}>
        {kind} {o.metadata.name}
      </SelectLink>{' '}
      <span className="inspector-muted">
        {o.metadata.namespace} · {stateOf(o)}
      </span>
    </li>
  ));
}

/** WorkloadList is what the empty inspector offers: the workloads, to inspect or act on. */
export default function WorkloadList() {
  const { t } = useTranslation('inspector');
  return (
    <Section title={t('workloads.title')}>
      {() => (
        <ul className="inspector-list workload-list">
          {(Object.keys(LISTED) as ListedKind[]).map((kind) => (
            <KindRows key={kind} kind={kind} />
          ))}
          <li className="inspector-none workload-none">{t('workloads.none')}</li>
        </ul>
      )}
    </Section>
  );
}
