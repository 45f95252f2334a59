import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  qosClass,
  resourceForKind,
  type ContainerState,
  type Event,
  type KubeObject,
  type Pod,
} from '../../engine';
import { summarizePod } from '../../kubectl';
import { age } from '../../kubectl/printers/age';
import type { ObjectRef } from '../../state/selection';
import { selectCluster, useKubeloop, useObjects } from '../../state/store';
import { eventRowsFor } from './events';
import { ownerChain } from './owners';
import {
  ConditionsTable,
  EventsSection,
  Facts,
  InspectorHeading,
  LiveYaml,
  OwnerChain,
  Section,
  SelectLink,
} from './parts';
import SchedulingTable from './SchedulingTable';
import { useInspected } from './use-inspected';

function useStateText() {
  const { t } = useTranslation('inspector');
  return (state: ContainerState | undefined, now: number): string => {
    if (state?.running) return t('containers.running', { age: age(state.running.startedAt, now) });
    if (state?.waiting) return t('containers.waiting', { reason: state.waiting.reason ?? '' });
    if (state?.terminated)
      return t('containers.terminated', {
        reason: state.terminated.reason ?? '',
        code: state.terminated.exitCode,
      });
    return '';
  };
}

/** PodInspector is `kubectl describe pod` laid out for learners, with the scheduler's reasoning. */
export default function PodInspector({ target }: { target: ObjectRef }) {
  const { t } = useTranslation('inspector');
  const cluster = useKubeloop(selectCluster);
  const pod = useInspected<Pod>(target);
  const events = useObjects<Event>('events', target.namespace);
  const replicaSets = useObjects('replicasets', target.namespace);
  const deployments = useObjects('deployments', target.namespace);
  const stateText = useStateText();
  const now = cluster.now;

  const chain = useMemo(() => {
    if (!pod) return [];
    const lists: Record<string, readonly KubeObject[]> = {
      ReplicaSet: replicaSets,
      Deployment: deployments,
    };
    return ownerChain(pod, (kind, namespace, name) => {
      const info = resourceForKind(kind);
      const list = lists[kind] ?? (info ? cluster.api.list(info.resource, namespace) : []);
      return list.find((o) => o.metadata.name === name);
    });
  }, [pod, replicaSets, deployments, cluster]);

  if (!pod)
    return (
      <p className="inspector-empty">{t('gone', { kind: t('kind.Pod'), name: target.name })}</p>
    );

  const summary = summarizePod(pod, now);
  const decision = cluster.schedulingDecision(pod.metadata.uid);
  const rows = eventRowsFor(events, [pod.metadata.uid], now);
  const statuses = pod.status?.containerStatuses ?? [];
  const none = t('field.none');

  return (
    <article className="inspector-object">
      <InspectorHeading target={target} />
      <Facts
        items={[
          [t('field.namespace'), pod.metadata.namespace ?? 'default'],
          [
            t('field.node'),
            pod.spec.nodeName ? (
              <SelectLink target={{ kind: 'Node', name: pod.spec.nodeName }}>
                {pod.spec.nodeName}
              </SelectLink>
            ) : (
              none
            ),
          ],
          [t('field.status'), summary.status],
          [t('field.ready'), summary.ready],
          [t('field.restarts'), summary.restarts],
          [t('field.ip'), pod.status?.podIP ?? none],
          [t('field.qos'), pod.status?.qosClass ?? qosClass(pod.spec)],
          [t('field.age'), age(pod.metadata.creationTimestamp, now)],
        ]}
      />

      {chain.length > 1 && (
        <Section title={t('owners.title')}>{() => <OwnerChain chain={chain} />}</Section>
      )}

      <Section title={t('scheduling.title')}>
        {() =>
          decision ? (
            <SchedulingTable decision={decision} podName={pod.metadata.name} />
          ) : (
            <p className="inspector-none">{t('scheduling.noRecord')}</p>
          )
        }
      </Section>

      <Section title={t('conditions.title')}>
        {(id) =>
          (pod.status?.conditions ?? []).length > 0 ? (
            <ConditionsTable conditions={pod.status.conditions!} labelledBy={id} now={now} />
          ) : (
            <p className="inspector-none">{none}</p>
          )
        }
      </Section>

      <Section title={t('containers.title')}>
        {(id) => (
          <table className="inspector-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('containers.name')}</th>
                <th scope="col">{t('containers.state')}</th>
                <th scope="col">{t('containers.ready')}</th>
                <th scope="col">{t('containers.restarts')}</th>
                <th scope="col">{t('containers.lastState')}</th>
              </tr>
            </thead>
            <tbody>
              {pod.spec.containers.map((c) => {
                const s = statuses.find((x) => x.name === c.name);
                return (
                  <tr key={c.name}>
                    <th scope="row" className="wrap">
                      {c.name}
                      <span className="inspector-image">{c.image}</span>
                    </th>
                    <td>{s ? stateText(s.state, now) : t('containers.unknown')}</td>
                    <td>{s?.ready ? t('containers.yes') : t('containers.no')}</td>
                    <td>{s?.restartCount ?? 0}</td>
                    <td>{stateText(s?.lastState, now) || none}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>

      <EventsSection rows={rows} />

      <LiveYaml object={pod} />
    </article>
  );
}
