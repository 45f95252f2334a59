import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissOutcome, useActions } from './state';
import './actions.css';
import './shell-i18n';

// The menu and the dialog (and their strings) load the first time one opens, not with the page.
const ActionMenu = lazy(() => import('./ActionMenu'));
const ActionDialog = lazy(() => import('./ActionDialog'));

/**
 * ActionHost renders the open action menu and dialog, and announces what the last action run
 * straight from a menu printed (`pod "web-5d4f-x2x9z" deleted`), as the terminal would.
 */
export default function ActionHost() {
  const { t } = useTranslation('actions');
  const menu = useActions((s) => s.menu);
  const dialog = useActions((s) => s.dialog);
  const outcome = useActions((s) => s.outcome);
  return (
    <>
      <Suspense fallback={null}>
        {menu && (
          <ActionMenu key={`${menu.x},${menu.y}`} target={menu.target} x={menu.x} y={menu.y} />
        )}
        {dialog && (
          <ActionDialog
            key={`${dialog.target.kind}/${dialog.action.id}`}
            target={dialog.target}
            action={dialog.action}
          />
        )}
      </Suspense>
      <div className="action-outcome" role="status">
        {outcome && (
          <>
            <code className={outcome.ok ? undefined : 'is-error'}>
              $ {outcome.text}
              {outcome.output ? `\n${outcome.output.trimEnd()}` : ''}
            </code>
            <button type="button" aria-label={t('close')} onClick={dismissOutcome}>
              ×
            </button>
          </>
        )}
      </div>
    </>
  );
}
