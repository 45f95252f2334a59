import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, ActionTarget, Field } from './actions';
import { useTargetLabel } from './ActionMenu';
import { runAction, type ActionOutcome } from './run';
import { closeActionDialog } from './state';
import './i18n';

function commandText(action: Action, values: Record<string, string>): string {
  const command = action.command(values);
  return command.kind === 'kubectl' ? command.line : command.text;
}

function FieldInput({
  field,
  target,
  value,
  onChange,
}: {
  field: Field;
  target: ActionTarget;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('actions');
  const id = useId();
  const containers =
    target.kind === 'Pod'
      ? target.containers
      : 'containers' in target
        ? target.containers.map((c) => c.name)
        : [];
  return (
    <div className="action-field">
      <label htmlFor={id}>{t(`field.${field.name}`)}</label>
      {field.type === 'choice' ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : field.type === 'container' ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {containers.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={field.type}
          value={value}
          required
          min={field.min}
          max={field.max}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

/**
 * ActionDialog asks for an action's values (replicas, image, ...), shows the exact command it
 * will run, runs it, and shows what it printed. It is a modal <dialog>: Esc closes it.
 */
export default function ActionDialog({ target, action }: { target: ActionTarget; action: Action }) {
  const { t } = useTranslation('actions');
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const label = useTargetLabel(target);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(action.fields.map((f) => [f.name, f.initial])),
  );
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome>();

  useEffect(() => {
    // Unmounting removes the element, and with it the modal; closing it here would fire `close`.
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    setOutcome(await runAction(action.command(values)));
    setRunning(false);
  };

  return (
    <dialog
      ref={dialog}
      className="action-dialog"
      aria-labelledby={titleId}
      onClose={() => closeActionDialog()}
      // A modal owns the keyboard: Space and → must not reach playback, nor Esc the inspector.
      onKeyDown={(event) => event.stopPropagation()}
    >
      <form onSubmit={run}>
        <h2 id={titleId}>{t(`action.${action.id}`).replace(/…$/, '')}</h2>
        <p className="action-target">{label}</p>
        <p className="action-hint">{t(`hint.${action.id}`)}</p>
        {action.fields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            target={target}
            value={values[field.name] ?? ''}
            onChange={(value) => setValues((prev) => ({ ...prev, [field.name]: value }))}
          />
        ))}
        <p className="action-command">
          <span>{t('runs')}: </span>
          <code>{commandText(action, values)}</code>
        </p>
        {outcome && (
          <section className="action-output" aria-label={t('output')}>
            <pre className={outcome.ok ? undefined : 'is-error'} tabIndex={0}>
              {outcome.output || t('noOutput')}
            </pre>
          </section>
        )}
        <p className="visually-hidden" role="status">
          {running ? t('running') : ''}
        </p>
        <div className="action-buttons">
          <button type="submit" className="is-primary" disabled={running}>
            {t('run')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('close')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
