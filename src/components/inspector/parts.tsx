import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { age } from '../../kubectl/printers/age';
import type { ObjectRef } from '../../state/selection';
import { useKubeloop } from '../../state/store';
import type { EventRow } from './events';

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
