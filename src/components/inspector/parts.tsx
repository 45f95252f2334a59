import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject, Pod } from '../../engine';
import { age } from '../../kubectl/printers/age';
import { toYaml } from '../../kubectl/printers/yaml';
import type { InspectableKind, ObjectRef } from '../../state/selection';
import { useKubeloop } from '../../state/store';
import ActionsButton from '../actions/ActionsButton';
import { isWorkloadKind } from '../actions/actions';
import type { EventRow } from './events';
import type { OwnerLink } from './owners';

/** Section is a titled part of the inspector; its heading names the table or list inside. */
export function Section({
  title,
  children,
}: {
  title: string;
  children: (headingId: string) => ReactNode;
}) {
  const id = useId();
  return (
    <section className="inspector-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children(id)}
    </section>
  );
}

/** Facts is a definition list of label → value pairs. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="inspector-facts">
      {items.map(([label, value]) => (
        <div key={label} className="inspector-fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** SelectLink is a link-styled button that opens another object in the inspector. */
export function SelectLink({ target, children }: { target: ObjectRef; children: ReactNode }) {
  const select = useKubeloop((s) => s.select);
  return (
    <button type="button" className="inspector-link" onClick={() => select(target)}>
      {children}
    </button>
  );
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime: string;
}

/** ConditionsTable lists an object's conditions with how long ago each last changed. */
export function ConditionsTable({
  conditions,
  labelledBy,
  now,
}: {
  conditions: readonly Condition[];
  labelledBy: string;
  now: number;
}) {
  const { t } = useTranslation('inspector');
  return (
    <table className="inspector-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('conditions.type')}</th>
          <th scope="col">{t('conditions.status')}</th>
          <th scope="col">{t('conditions.reason')}</th>
          <th scope="col">{t('conditions.lastTransition')}</th>
        </tr>
      </thead>
      <tbody>
        {conditions.map((c) => (
          <tr key={c.type}>
            <th scope="row" className="wrap">
              {c.type}
            </th>
            <td>{c.status}</td>
            <td className="wrap" title={c.message}>
              {c.reason ?? ''}
            </td>
            <td>{age(c.lastTransitionTime, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** EventsTable is kubectl describe's Events: Type, Reason, Age, From, Message. */
export function EventsTable({
  rows,
  labelledBy,
}: {
  rows: readonly EventRow[];
  labelledBy: string;
}) {
  const { t } = useTranslation('inspector');
  if (rows.length === 0) return <p className="inspector-none">{t('events.none')}</p>;
  return (
    // Five columns do not fit the panel's width: the table scrolls sideways on its own.
    <div className="inspector-scroll" tabIndex={0} role="group" aria-labelledby={labelledBy}>
      <table className="inspector-table inspector-events" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('events.type')}</th>
            <th scope="col">{t('events.reason')}</th>
            <th scope="col">{t('events.age')}</th>
            <th scope="col">{t('events.from')}</th>
            <th scope="col">{t('events.message')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.key} className={e.type === 'Warning' ? 'is-warning' : undefined}>
              <td>{e.type}</td>
              <th scope="row">{e.reason}</th>
              <td>{e.age}</td>
              <td>{e.from}</td>
              <td className="inspector-message wrap">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** hasActions: the action menu knows what can be done to pods, nodes and templated workloads. */
const hasActions = (kind: InspectableKind) =>
  kind === 'Pod' || kind === 'Node' || isWorkloadKind(kind);

/** InspectorHeading names the inspected object and offers its actions menu, if it has one. */
export function InspectorHeading({ target }: { target: ObjectRef }) {
  const { t } = useTranslation('inspector');
  return (
    <div className="inspector-heading">
      <h2>
        {t(`kind.${target.kind}`)} <span className="inspector-name">{target.name}</span>
      </h2>
      {hasActions(target.kind) && <ActionsButton target={target} />}
    </div>
  );
}

const isInspectable = (kind: string): kind is InspectableKind =>
  kind === 'Pod' ||
  kind === 'Node' ||
  kind === 'Job' ||
  kind === 'CronJob' ||
  kind === 'Service' ||
  kind === 'PersistentVolumeClaim' ||
  isWorkloadKind(kind);

/** OwnerChain lists Deployment → ReplicaSet → Pod; each owner opens in the inspector. */
export function OwnerChain({ chain }: { chain: readonly OwnerLink[] }) {
  const { t } = useTranslation('inspector');
  return (
    <ol className="owner-chain" aria-label={t('owners.label')}>
      {chain.map((link, i) => (
        <li key={`${link.kind}/${link.name}`}>
          {i > 0 && <span aria-hidden="true">→ </span>}
          {i === chain.length - 1 ? (
            <span aria-current="true">
              {link.kind} <strong>{link.name}</strong>
            </span>
          ) : isInspectable(link.kind) && !link.missing ? (
            <SelectLink target={{ kind: link.kind, namespace: link.namespace, name: link.name }}>
              {link.kind} {link.name}
            </SelectLink>
          ) : (
            <span>
              {link.kind} {link.name}
              {link.missing && ` (${t('owners.missing')})`}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * LiveYaml is the object as `kubectl get -o yaml` prints it, kept current while open; it is
 * only rendered while open, since large objects are long.
 */
export function LiveYaml({ object }: { object: KubeObject }) {
  const { t } = useTranslation('inspector');
  const [open, setOpen] = useState(false);
  return (
    <details
      className="inspector-yaml"
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t('yaml.title')}</summary>
      {open && (
        <pre tabIndex={0} aria-label={t('yaml.label', { name: object.metadata.name })}>
          {toYaml(object)}
        </pre>
      )}
    </details>
  );
}

/** EventsSection is the Events part every inspector shows before the live YAML. */
export function EventsSection({ rows }: { rows: readonly EventRow[] }) {
  const { t } = useTranslation('inspector');
  return (
    <Section title={t('events.title')}>
      {(id) => <EventsTable rows={rows} labelledBy={id} />}
    </Section>
  );
}

/** PodLinks lists pods as links to their inspector, each with a muted note, or says none. */
export function PodLinks({
  pods,
  empty,
  note,
}: {
  pods: readonly Pod[];
  empty: string;
  note: (pod: Pod) => ReactNode;
}) {
  if (pods.length === 0) return <p className="inspector-none">{empty}</p>;
  return (
    <ul className="inspector-list">
      {pods.map((p) => (
        <li key={p.metadata.uid}>
          <SelectLink
            target={{ kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name }}
          >
            {p.metadata.name}
          </SelectLink>{' '}
          <span className="inspector-muted">{note(p)}</span>
        </li>
      ))}
    </ul>
  );
}
