import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { selectForkPrompt, useKubeloop } from '../../state/store';
import { describeChange } from './describe-change';
import './i18n';

/**
 * ForkDialog asks before a change in the past discards the old future (RaftScope lets you edit
 * the past too; here the learner confirms first). Escape or Cancel keeps the future.
 */
export default function ForkDialog() {
  const { t } = useTranslation('timeline');
  const prompt = useKubeloop(selectForkPrompt);
  const { confirmFork, cancelFork } = useKubeloop.getState();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (prompt && !element.open) element.showModal();
    if (!prompt && element.open) element.close();
  }, [prompt]);

  return (
    <dialog
      ref={dialog}
      className="fork-dialog"
      aria-labelledby="fork-title"
      aria-describedby="fork-body"
      onCancel={(e) => {
        e.preventDefault();
        cancelFork();
      }}
    >
      {prompt && (
        <>
          <h2 id="fork-title">{t('forkTitle')}</h2>
          <p id="fork-body">{t('forkBody', { hop: prompt.hop, count: prompt.discards })}</p>
          <p>
            {t('forkChange')}: <code>{describeChange(t, prompt.change)}</code>
          </p>
          <div className="fork-actions">
            <button type="button" onClick={cancelFork}>
              {t('cancel')}
            </button>
            {/* The safe choice comes first; forking is deliberate. */}
            <button type="button" className="is-danger" onClick={confirmFork}>
              {t('fork')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
