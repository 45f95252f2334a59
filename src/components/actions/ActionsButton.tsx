import { useTranslation } from 'react-i18next';
import type { ObjectRef } from '../../state/selection';
import { useKubeloop } from '../../state/store';
import { targetFor } from './actions';
import { openActionMenu, useActions } from './state';
import './i18n';

/** ActionsButton opens the action menu of an inspected object under itself. */
export default function ActionsButton({ target }: { target: ObjectRef }) {
  const { t } = useTranslation('actions');
  const open = useActions(
    (s) =>
      s.menu !== undefined &&
      s.menu.target.kind === target.kind &&
      'name' in s.menu.target &&
      s.menu.target.name === target.name,
  );
  return (
    <button
      type="button"
      className="actions-button"
      aria-haspopup="menu"
      aria-expanded={open}
      aria-label={t('menuFor', { kind: t(`kind.${target.kind}`), name: target.name })}
      onClick={(event) => {
        const found = targetFor(useKubeloop.getState().cluster, target);
        if (!found) return;
        const box = event.currentTarget.getBoundingClientRect();
        openActionMenu({
          target: found,
          x: box.left,
          y: box.bottom + 2,
          returnFocus: event.currentTarget,
        });
      }}
    >
      {t('menuButton')} ▾
    </button>
  );
}
