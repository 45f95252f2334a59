import { Suspense, lazy, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SidePanelTab } from '../../state/selection';
import { selectSidePanel, useKubeloop } from '../../state/store';
import '../etcd/i18n';
import HopPanel from '../layout/HopPanel';
import './shell-i18n';
import './inspector.css';

// The inspector's tables load the first time something is selected, not with the first paint.
const Inspector = lazy(() => import('./Inspector'));
const EtcdBrowser = lazy(() => import('../etcd/EtcdBrowser'));

const TABS: readonly SidePanelTab[] = ['hop', 'inspector', 'etcd'];

/** isTyping: Escape belongs to the focused editor or terminal, not to the inspector. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.closest('input, textarea, select, .monaco-editor, .xterm') !== null)
  );
}

/**
 * SidePanel is the right-hand column: the current hop or the inspector, as tabs (WAI-ARIA tabs:
 * ←/→ move between them). Selecting a pod or node on the graph opens the inspector; Esc
 * deselects and goes back to the current hop.
 */
export default function SidePanel() {
  const { t } = useTranslation('inspector');
  const { t: tc } = useTranslation();
  const tab = useKubeloop(selectSidePanel);
  const showSidePanel = useKubeloop((s) => s.showSidePanel);
  const root = useRef<HTMLDivElement>(null);
  const buttons = useRef<Partial<Record<SidePanelTab, HTMLButtonElement | null>>>({});

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTyping(event.target)) return;
      const store = useKubeloop.getState();
      if (!store.selected && store.sidePanel === 'hop') return;
      const hadFocus = root.current?.contains(document.activeElement) ?? false;
      store.select(undefined);
      // The inspector's content is going away: keep keyboard focus in the panel.
      if (hadFocus) buttons.current.hop?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    // preventDefault also keeps → from stepping the cluster (use-playback-keys checks it).
    event.preventDefault();
    const next =
      TABS[
        (TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : -1) + TABS.length) % TABS.length
      ]!;
    showSidePanel(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="side-panel" ref={root}>
      <div className="side-panel-tabs" role="tablist" aria-label={t('tabs')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              buttons.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`side-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`side-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => showSidePanel(name)}
          >
            {name === 'hop'
              ? tc('regions.hop')
              : name === 'etcd'
                ? t('browser', { ns: 'etcd' })
                : t('inspectorTab')}
          </button>
        ))}
      </div>
      <div
        className="side-panel-body"
        role="tabpanel"
        id={`side-panel-${tab}`}
        aria-labelledby={`side-tab-${tab}`}
        // A long hop diff scrolls; the WAI-ARIA tabs pattern makes the panel focusable for that.
        tabIndex={0}
      >
        {tab === 'hop' ? (
          <HopPanel />
        ) : tab === 'etcd' ? (
          <Suspense fallback={<p className="loading">{t('loading')}</p>}>
            <EtcdBrowser />
          </Suspense>
        ) : (
          <section className="inspector" aria-label={t('region')}>
            <Suspense fallback={<p className="loading">{t('loading')}</p>}>
              <Inspector />
            </Suspense>
          </section>
        )}
      </div>
    </div>
  );
}
