import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../engine';
import { useObjects } from '../../state/store';
import { WORKLOAD_RESOURCES, type WorkloadKind } from '../actions/actions';
import { workloadCounts } from './desired';
import { SelectLink, Section } from './parts';

/** Deployments own ReplicaSets: the list shows only workloads nothing else controls. */
const topLevel = (o: KubeObject) => !(o.metadata.ownerReferences ?? []).some((r) => r.controller);

function KindRows({ kind }: { kind: WorkloadKind }) {
  const { t } = useTranslation('inspector');
  const objects = useObjects(WORKLOAD_RESOURCES[kind]).filter(topLevel);
  return objects.map((o) => {
    const counts = workloadCounts(o);
    const ready = counts.lines.find((l) => l.key === 'ready')!.count;
    return (
      <li key={o.metadata.uid}>
        <SelectLink target={{ kind, namespace: o.metadata.namespace, name: o.metadata.name }}>
          {kind} {o.metadata.name}
        </SelectLink>{' '}
        <span className="inspector-muted">
          {o.metadata.namespace} · {t('desired.readyOf', { ready, desired: counts.desired })}
        </span>
      </li>
    );
  });
}

/** WorkloadList is what the empty inspector offers: the workloads, to inspect or act on. */
export default function WorkloadList() {
  const { t } = useTranslation('inspector');
  return (
    <Section title={t('workloads.title')}>
      {() => (
        <ul className="inspector-list workload-list">
          {(Object.keys(WORKLOAD_RESOURCES) as WorkloadKind[]).map((kind) => (
            <KindRows key={kind} kind={kind} />
          ))}
          <li className="inspector-none workload-none">{t('workloads.none')}</li>
        </ul>
      )}
    </Section>
  );
}
