import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, Node, Pod } from '../../engine';
import { age } from '../../kubectl/printers/age';
import { nodeRoles, nodeStatus } from '../../kubectl/printers/columns';
import type { ObjectRef } from '../../state/selection';
import { selectCluster, useKubeloop, useObjects } from '../../state/store';
import { usePodsOnNode } from '../../state/pods';
import { allocatedResources, formatTaint } from './allocated';
import { eventRowsFor } from './events';
import {
  ConditionsTable,
  EventsSection,
  Facts,
  InspectorHeading,
  LiveYaml,
  Section,
  SelectLink,
} from './parts';
import { useInspected } from './use-inspected';

/** NodeInspector is `kubectl describe node` for learners: status, capacity in use, taints, pods. */
export default function NodeInspector({ target }: { target: ObjectRef }) {
  const { t } = useTranslation('inspector');
  const cluster = useKubeloop(selectCluster);
  const node = useInspected<Node>(target);
  const pods = useObjects<Pod>('pods');
  const podViews = usePodsOnNode(target.name);
  const events = useObjects<Event>('events');
  const now = cluster.now;
  const allocated = useMemo(
    () => (node ? allocatedResources(node, pods) : undefined),
    [node, pods],
  );

  if (!node || !allocated)
    return (
      <p className="inspector-empty">{t('gone', { kind: t('kind.Node'), name: target.name })}</p>
    );

  const none = t('field.none');
  const internalIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  const taints = node.spec?.taints ?? [];
  const rows = eventRowsFor(events, [node.metadata.uid, node.metadata.name], now);

  return (
    <article className="inspector-object">
      <InspectorHeading target={target} />
      <Facts
        items={[
          [t('field.roles'), nodeRoles(node)],
          [t('field.status'), nodeStatus(node)],
          [t('field.kubelet'), node.status?.nodeInfo?.kubeletVersion ?? none],
          [t('field.internalIP'), internalIP ?? none],
          [t('field.age'), age(node.metadata.creationTimestamp, now)],
          [t('field.pods'), `${allocated.pods} / ${allocated.maxPods}`],
        ]}
      />

      <Section title={t('allocated.title')}>
        {(id) => (
          <>
            <p className="inspector-note">{t('allocated.note')}</p>
            <table className="inspector-table" aria-labelledby={id}>
              <thead>
                <tr>
                  <th scope="col">{t('allocated.resource')}</th>
                  <th scope="col">{t('allocated.requests')}</th>
                  <th scope="col">{t('allocated.limits')}</th>
                  <th scope="col">{t('allocated.allocatable')}</th>
                </tr>
              </thead>
              <tbody>
                {allocated.lines.map((line) => (
                  <tr key={line.resource}>
                    <th scope="row">{line.resource}</th>
                    <td>{line.requests}</td>
                    <td>{line.limits}</td>
                    <td>{line.allocatable}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Section>

      <Section title={t('taints.title')}>
        {() =>
          taints.length === 0 ? (
            <p className="inspector-none">{t('taints.none')}</p>
          ) : (
            <ul className="inspector-list">
              {taints.map((taint) => (
                <li key={`${taint.key}:${taint.effect}`}>
                  <code>{formatTaint(taint)}</code>
                </li>
              ))}
            </ul>
          )
        }
      </Section>

      <Section title={t('conditions.title')}>
        {(id) => (
          <ConditionsTable conditions={node.status?.conditions ?? []} labelledBy={id} now={now} />
        )}
      </Section>

      <Section title={t('podsOnNode.title')}>
        {() =>
          podViews.length === 0 ? (
            <p className="inspector-none">{t('podsOnNode.none')}</p>
          ) : (
            <ul className="inspector-list">
              {podViews.map((p) => (
                <li key={p.uid}>
                  <SelectLink target={{ kind: 'Pod', namespace: p.namespace, name: p.name }}>
                    {p.name}
                  </SelectLink>{' '}
                  <span className="inspector-muted">
                    {p.namespace} · {p.status}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Section>

      <EventsSection rows={rows} />

      <LiveYaml object={node} />
    </article>
  );
}
