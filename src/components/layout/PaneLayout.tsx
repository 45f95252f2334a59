import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Panel,
  PanelGroup,
  PanelResizeHandle,
  type ImperativePanelHandle,
  type PanelGroupStorage,
} from 'react-resizable-panels';
import './i18n';
import { useMediaQuery } from './use-media-query';

/** The panes the learner can resize and collapse; the graph always stays. */
export type PaneName = 'lessons' | 'inspector' | 'workbench';

/** Below this width the panes stack in one scrolling column (a phone). */
export const STACKED_QUERY = '(max-width: 760px)';

interface Slots {
  /** the header's own items; the pane toggles are added after them */
  header: ReactNode;
  lessons: ReactNode;
  graph: ReactNode;
  inspector: ReactNode;
  workbench: ReactNode;
}

interface PaneHandle {
  ref: RefObject<ImperativePanelHandle | null>;
  collapsed: boolean;
  onCollapse: () => void;
  onExpand: () => void;
}

/** usePane tracks a collapsible panel: its imperative handle and whether it is collapsed now. */
function usePane(): PaneHandle {
  const ref = useRef<ImperativePanelHandle>(null);
  const [collapsed, setCollapsed] = useState(false);
  return {
    ref,
    collapsed,
    onCollapse: () => setCollapsed(true),
    onExpand: () => setCollapsed(false),
  };
}

function PaneToggles({ panes }: { panes: Record<PaneName, PaneHandle> }) {
  const { t } = useTranslation('layout');
  return (
    <div className="pane-toggles" role="group" aria-label={t('panes')}>
      {(Object.keys(panes) as PaneName[]).map((name) => {
        const pane = panes[name];
        return (
          <button
            key={name}
            type="button"
            className="pane-toggle"
            aria-expanded={!pane.collapsed}
            aria-controls={`pane-${name}`}
            onClick={() =>
              pane.collapsed ? pane.ref.current?.expand() : pane.ref.current?.collapse()
            }
          >
            {t(`pane.${name}`)}
          </button>
        );
      })}
    </div>
  );
}

/**
 * PaneLayout places the lessons left, the cluster graph in the middle, the inspector right, and
 * the terminal and editor below. Every pane but the graph resizes (drag a separator, or focus it
 * and use the arrow keys) and collapses (drag it shut, or use its toggle); sizes are remembered.
 * On a narrow screen the panes stack in one column instead.
 */
export default function PaneLayout(slots: Slots) {
  const stacked = useMediaQuery(STACKED_QUERY);
  return stacked ? <StackedLayout {...slots} /> : <ResizableLayout {...slots} />;
}

function StackedLayout({ header, lessons, graph, inspector, workbench }: Slots) {
  return (
    <>
      <header className="app-header">{header}</header>
      <main className="app-main is-stacked">
        <div className="pane pane-graph">{graph}</div>
        <div className="pane pane-inspector" id="pane-inspector">
          {inspector}
        </div>
        <div className="pane pane-workbench" id="pane-workbench">
          {workbench}
        </div>
        <div className="pane pane-lessons" id="pane-lessons">
          {lessons}
        </div>
      </main>
    </>
  );
}

/** layoutStorage is localStorage when the page may use it; otherwise sizes last until reload. */
const layoutStorage: PanelGroupStorage = {
  getItem(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  setItem(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // storage full or blocked
    }
  },
};

function ResizableLayout({ header, lessons, graph, inspector, workbench }: Slots) {
  const { t } = useTranslation('layout');
  const panes = { lessons: usePane(), inspector: usePane(), workbench: usePane() };

  const content = (name: PaneName, children: ReactNode) => (
    // A collapsed pane keeps its content mounted (the terminal keeps its scrollback) but out of
    // the tab order and the accessibility tree.
    <div className="pane" id={`pane-${name}`} hidden={panes[name].collapsed}>
      {children}
    </div>
  );

  const collapsible = (name: PaneName, order: number, sizes: [number, number, number]) => ({
    id: name,
    order,
    ref: panes[name].ref,
    onCollapse: panes[name].onCollapse,
    onExpand: panes[name].onExpand,
    defaultSize: sizes[0],
    minSize: sizes[1],
    maxSize: sizes[2],
    collapsible: true,
  });

  return (
    <>
      <header className="app-header">
        {header}
        <PaneToggles panes={panes} />
      </header>
      <main className="app-main">
        <PanelGroup
          className="pane-group"
          direction="horizontal"
          autoSaveId="kubeloop.layout.columns"
          storage={layoutStorage}
        >
          <Panel {...collapsible('lessons', 1, [20, 12, 40])}>{content('lessons', lessons)}</Panel>
          <PanelResizeHandle className="pane-separator" aria-label={t('resize.lessons')} />
          <Panel id="main" order={2} minSize={40}>
            <PanelGroup
              className="pane-group"
              direction="vertical"
              autoSaveId="kubeloop.layout.rows"
              storage={layoutStorage}
            >
              <Panel id="top" order={1} minSize={30}>
                <PanelGroup
                  className="pane-group"
                  direction="horizontal"
                  autoSaveId="kubeloop.layout.top"
                  storage={layoutStorage}
                >
                  <Panel id="graph" order={1} minSize={40}>
                    <div className="pane pane-graph">{graph}</div>
                  </Panel>
                  <PanelResizeHandle
                    className="pane-separator"
                    aria-label={t('resize.inspector')}
                  />
                  <Panel {...collapsible('inspector', 2, [32, 20, 60])}>
                    {content('inspector', inspector)}
                  </Panel>
                </PanelGroup>
              </Panel>
              <PanelResizeHandle
                className="pane-separator is-row"
                aria-label={t('resize.workbench')}
              />
              <Panel {...collapsible('workbench', 2, [36, 15, 70])}>
                {content('workbench', workbench)}
              </Panel>
            </PanelGroup>
          </Panel>
        </PanelGroup>
      </main>
    </>
  );
}
