import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatSelector,
  resourceForKind,
  type Event,
  type KubeObject,
  type Pod,
} from '../../engine';
import { summarizePod } from '../../kubectl';
import { age } from '../../kubectl/printers/age';
import type { ObjectRef } from '../../state/selection';
import { selectCluster, useKubeloop, useObjects } from '../../state/store';
import type { WorkloadKind } from '../actions/actions';
import { workloadCounts, type WorkloadCounts } from './desired';
import { eventRowsFor } from './events';
import { ownerChain } from './owners';
import {
  ConditionsTable,
  EventsSection,
  Facts,
  InspectorHeading,
  LiveYaml,
  OwnerChain,
  PodLinks,
  Section,
  SelectLink,
  type Condition,
} from './parts';
import { useInspected } from './use-inspected';

type PodTemplate = { spec: { containers: { name: string; image: string }[] } };

/** A workload owns pods through a template; a CronJob through its Jobs' template. */
interface TemplatedWorkload extends KubeObject {
  kind: WorkloadKind | 'Job' | 'CronJob';
  spec: {
    selector?: Parameters<typeof formatSelector>[0];
    template?: PodTemplate;
    jobTemplate?: { spec: { template: PodTemplate } };
    strategy?: { type: string };
    updateStrategy?: { type: string };
    completions?: number;
    schedule?: string;
  };
  status?: { conditions?: Condition[]; succeeded?: number };
}

/** The kind each workload kind owns in between itself and its pods, if any. */
const MIDDLE: Partial<
  Record<TemplatedWorkload['kind'], { kind: 'ReplicaSet' | 'Job'; resource: string }>
> = {
  Deployment: { kind: 'ReplicaSet', resource: 'replicasets' },
  CronJob: { kind: 'Job', resource: 'jobs' },
};

const ownedBy = (object: KubeObject, uid: string) =>
  object.metadata.ownerReferences?.some((r) => r.uid === uid && r.controller) ?? false;

/** DesiredVsCurrent is spec against status at a glance: a bar per count, out of the desired. */
function DesiredVsCurrent({ counts, labelledBy }: { counts: WorkloadCounts; labelledBy: string }) {
  const { t } = useTranslation('inspector');
  const { desired } = counts;
  const summary = counts.lines
    .filter((line) => line.key !== 'current')
    .map((line) => t(`desired.short.${line.key}`, { count: line.count }))
    .join(' / ');
  return (
    <>
      <p className="desired-summary">
        <strong>{summary}</strong>{' '}
        <span className={counts.settled ? 'desired-settled' : 'desired-converging'}>
          {t(
            counts.settled
              ? 'desired.settled'
              : counts.observed
                ? 'desired.converging'
                : 'desired.notObserved',
          )}
        </span>
      </p>
      <table className="inspector-table desired-table" aria-labelledby={labelledBy}>
        <tbody>
          {counts.lines.map((line) => (
            <tr key={line.key}>
              <th scope="row" title={t(`desired.hint.${line.key}`)}>
                {t(`desired.${line.key}`)}
              </th>
              <td className="desired-count">{line.count}</td>
              <td className="desired-bar-cell" aria-hidden="true">
                <span
                  className={`desired-bar${line.count === desired ? ' is-met' : ''}`}
                  style={{
                    width: `${desired === 0 ? (line.count === 0 ? 100 : 0) : Math.min(100, (line.count / desired) * 100)}%`,
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * WorkloadInspector shows a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob: what
 * it asks for against what is there, what owns it, what it owns, its conditions, events and live
 * YAML.
 */
export default function WorkloadInspector({ target }: { target: ObjectRef }) {
  const { t } = useTranslation('inspector');
  const cluster = useKubeloop(selectCluster);
  const workload = useInspected<TemplatedWorkload>(target);
  const middle = MIDDLE[target.kind as TemplatedWorkload['kind']];
  const middles = useObjects(middle?.resource ?? 'replicasets', target.namespace);
  const pods = useObjects<Pod>('pods', target.namespace);
  const events = useObjects<Event>('events', target.namespace);
  const now = cluster.now;

  const chain = useMemo(
    () =>
      workload
        ? ownerChain(workload, (kind, namespace, name) => {
            const info = resourceForKind(kind);
            return info
              ? cluster.api.list(info.resource, namespace).find((o) => o.metadata.name === name)
              : undefined;
          })
        : [],
    [workload, cluster],
  );

  if (!workload)
    return (
      <p className="inspector-empty">
        {t('gone', { kind: t(`kind.${target.kind}`), name: target.name })}
      </p>
    );

  const uid = workload.metadata.uid;
  const ownedSets = middle ? middles.filter((rs) => ownedBy(rs, uid)) : [];
  const podOwners = new Set([uid, ...ownedSets.map((rs) => rs.metadata.uid)]);
  const ownedPods = pods.filter((p) =>
    p.metadata.ownerReferences?.some((r) => r.controller && podOwners.has(r.uid)),
  );
  const isJob = workload.kind === 'Job' || workload.kind === 'CronJob';
  const counts = isJob ? undefined : workloadCounts(workload);
  const rows = eventRowsFor(events, [uid], now);
  const strategy = workload.spec.strategy?.type ?? workload.spec.updateStrategy?.type;
  const template = workload.spec.template ?? workload.spec.jobTemplate?.spec.template;
  const none = t('field.none');
  const jobCounts = (job: KubeObject) =>
    t('jobs.counts', {
      succeeded: (job as TemplatedWorkload).status?.succeeded ?? 0,
      completions: (job as TemplatedWorkload).spec.completions ?? 1,
    });

  return (
    <article className="inspector-object">
      <InspectorHeading target={target} />
      <Facts
        items={[
          [t('field.namespace'), workload.metadata.namespace ?? 'default'],
          ...(workload.spec.selector
            ? [
                [t('field.selector'), formatSelector(workload.spec.selector) || none] as [
                  string,
                  string,
                ],
              ]
            : []),
          [
            t('field.images'),
            (template?.spec.containers ?? []).map((c) => `${c.name}=${c.image}`).join(', '),
          ],
          ...(strategy ? [[t('field.strategy'), strategy] as [string, string]] : []),
          ...(workload.spec.schedule
            ? [[t('field.schedule'), workload.spec.schedule] as [string, string]]
            : []),
          ...(workload.kind === 'Job'
            ? [[t('jobs.title'), jobCounts(workload)] as [string, string]]
            : []),
          [t('field.age'), age(workload.metadata.creationTimestamp, now)],
        ]}
      />

      {counts && (
        <Section title={t('desired.title')}>
          {(id) => <DesiredVsCurrent counts={counts} labelledBy={id} />}
        </Section>
      )}

      {chain.length > 1 && (
        <Section title={t('owners.title')}>{() => <OwnerChain chain={chain} />}</Section>
      )}

      {middle && (
        <Section title={t(middle.kind === 'Job' ? 'jobs.title' : 'owned.replicaSets')}>
          {() =>
            ownedSets.length === 0 ? (
              <p className="inspector-none">{none}</p>
            ) : (
              <ul className="inspector-list">
                {ownedSets.map((rs) => {
                  const c = workloadCounts(rs);
                  return (
                    <li key={rs.metadata.uid}>
                      <SelectLink
                        target={{
                          kind: middle.kind,
                          namespace: target.namespace,
                          name: rs.metadata.name,
                        }}
                      >
                        {rs.metadata.name}
                      </SelectLink>{' '}
                      <span className="inspector-muted">
                        {middle.kind === 'Job'
                          ? jobCounts(rs)
                          : t('owned.rsCounts', {
                              desired: c.lines[0]!.count,
                              ready: c.lines.find((l) => l.key === 'ready')!.count,
                              revision:
                                rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ??
                                '?',
                            })}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )
          }
        </Section>
      )}

      <Section title={t('owned.pods')}>
        {() => (
          <PodLinks
            pods={ownedPods}
            empty={t('podsOnNode.none')}
            note={(p) =>
              `${summarizePod(p, now).status} · ${p.spec.nodeName ?? t('owned.unscheduled')}`
            }
          />
        )}
      </Section>

      {(workload.status?.conditions ?? []).length > 0 && (
        <Section title={t('conditions.title')}>
          {(id) => (
            <ConditionsTable conditions={workload.status!.conditions!} labelledBy={id} now={now} />
          )}
        </Section>
      )}

      <EventsSection rows={rows} />

      <LiveYaml object={workload} />
    </article>
  );
}
