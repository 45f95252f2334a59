import {
  Suspense,
  lazy,
  useCallback,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations } from '../../i18n';
import { afterCluster } from '../../startup/load-cluster';
import './workbench.css';

addTranslations('workbench', {
  en: { tabs: 'Workbench', terminal: 'Terminal', editor: 'Editor', loading: 'Loading terminal…' },
  ko: { tabs: '작업 공간', terminal: '터미널', editor: '편집기', loading: '터미널을 불러오는 중…' },
});

// xterm.js loads when the Terminal tab is first opened, not with the first paint; like every part
// that acts on the cluster, it appears once the saved session has begun to replay.
const KubeTerminal = lazy(() => afterCluster(import('./KubeTerminal')));
const EditFollower = lazy(() => afterCluster(import('./EditFollower')));

type Tab = 'terminal' | 'editor';
const TABS: readonly Tab[] = ['terminal', 'editor'];

/**
 * WorkbenchTabs holds the terminal and the manifest editor as tabs (WAI-ARIA tabs pattern:
 * ←/→ move between tabs). A panel stays mounted once opened, so the terminal keeps its scrollback.
 */
export default function WorkbenchTabs({ editor }: { editor: ReactNode }) {
  const { t } = useTranslation('workbench');
  const [selected, setSelected] = useState<Tab>('editor');
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set(['editor']));
  const buttons = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  const select = useCallback((tab: Tab) => {
    setSelected(tab);
    setOpened((prev) => (prev.has(tab) ? prev : new Set([...prev, tab])));
  }, []);
  // `kubectl edit` brings its file forward in the editor, then hands back to the terminal.
  const followEdit = useCallback(
    (editing: boolean) => select(editing ? 'editor' : 'terminal'),
    [select],
  );
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next =
      TABS[
        (TABS.indexOf(selected) + (event.key === 'ArrowRight' ? 1 : -1) + TABS.length) % TABS.length
      ]!;
    select(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="workbench">
      <Suspense fallback={null}>
        <EditFollower onEditing={followEdit} />
      </Suspense>
      <div className="workbench-tabs" role="tablist" aria-label={t('tabs')} onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              buttons.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={`workbench-tab-${tab}`}
            aria-selected={selected === tab}
            aria-controls={`workbench-panel-${tab}`}
            tabIndex={selected === tab ? 0 : -1}
            onClick={() => select(tab)}
          >
            {t(tab)}
          </button>
        ))}
      </div>
      {TABS.map((tab) => (
        <div
          key={tab}
          className="workbench-panel"
          role="tabpanel"
          id={`workbench-panel-${tab}`}
          aria-labelledby={`workbench-tab-${tab}`}
          hidden={selected !== tab}
        >
          {opened.has(tab) &&
            (tab === 'editor' ? (
              editor
            ) : (
              <Suspense fallback={<p className="loading">{t('loading')}</p>}>
                <KubeTerminal />
              </Suspense>
            ))}
        </div>
      ))}
    </div>
  );
}
