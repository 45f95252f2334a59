import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKubeloop, type KubeloopState } from '../../state/store';
import { actionsFor, clusterTarget, serviceRequests, targetFor } from './actions';
import { openActionDialog, openActionMenu } from './state';
import './shell-i18n';

let requestable: { cluster: unknown; version: number; any: boolean } | undefined;
/** Whether a Service can be sent a request now: computed once per engine version. */
const selectHasServiceRequests = ({ cluster, version }: KubeloopState) => {
  if (requestable?.cluster !== cluster || requestable.version !== version) {
    requestable = { cluster, version, any: serviceRequests(cluster).length > 0 };
  }
  return requestable.any;
};

/** The graph's selectable pod chips and node headers. */
const PICKABLE = 'button.pod-chip, button.node-select';

/**
 * GraphActions gives the cluster graph a context menu: right-click a pod or a node (or focus it
 * and press Shift+F10 or the menu key) for what can be done to it; right-click elsewhere for the
 * cluster's actions (add node, send a request). It also holds their buttons.
 */
export default function GraphActions({ children }: { children: ReactNode }) {
  const { t } = useTranslation('actions');
  const canRequest = useKubeloop(selectHasServiceRequests);

  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    const picked = (event.target as HTMLElement).closest<HTMLButtonElement>(PICKABLE);
    const store = useKubeloop.getState();
    let target = clusterTarget(store.cluster);
    if (picked) {
      // The chip's own click selects its object: the menu acts on what the inspector then shows.
      picked.click();
      const selected = useKubeloop.getState().selected;
      const found = selected && targetFor(store.cluster, selected);
      if (found) target = found;
    } else if ((event.target as HTMLElement).closest('button, input, select, a')) {
      return; // another control's own context menu
    }
    event.preventDefault();
    // A keyboard-opened menu has no pointer position: open it at the focused element.
    const from = picked ?? (event.target as HTMLElement);
    const box = from.getBoundingClientRect();
    const byKeyboard = event.clientX === 0 && event.clientY === 0;
    openActionMenu({
      target,
      x: byKeyboard ? box.left : event.clientX,
      y: byKeyboard ? box.bottom : event.clientY,
      returnFocus: picked ?? null,
    });
  };

  const addNode = (event: MouseEvent<HTMLButtonElement>) => {
    const target = clusterTarget(useKubeloop.getState().cluster);
    openActionDialog(target, actionsFor(target)[0]!, event.currentTarget);
  };

  const sendRequest = (event: MouseEvent<HTMLButtonElement>) => {
    const target = clusterTarget(useKubeloop.getState().cluster);
    const action = actionsFor(target).find((a) => a.id === 'request');
    if (action) openActionDialog(target, action, event.currentTarget);
  };

  return (
    <div className="graph-actions" onContextMenu={onContextMenu}>
      <div className="graph-actions-bar">
        <p className="visually-hidden">{t('graphMenu')}</p>
        <button type="button" onClick={addNode}>
          {t('addNode')}
        </button>
        <button type="button" onClick={sendRequest} disabled={!canRequest}>
          {t('sendRequest')}
        </button>
      </div>
      {children}
    </div>
  );
}
