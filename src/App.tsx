import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import LanguageSelect from './components/layout/LanguageSelect';
import PaneLayout from './components/layout/PaneLayout';
import ThemeSelect from './components/layout/ThemeSelect';
import WorkbenchTabs from './components/terminal/WorkbenchTabs';
import Timeline from './components/timeline/Timeline';
import { GraphLoading, PlaybackLoading, SidePanelLoading } from './startup/ClusterLoading';
import { afterCluster, loadCluster } from './startup/load-cluster';

// The lessons and the editor act on the cluster, so they appear once its saved session has begun
// to replay. Monaco (about 1 MB gzip) is fetched only after the cluster has arrived: on a slow
// link it would otherwise share the bandwidth the engine needs.
const LessonPanel = lazy(() => afterCluster(import('./components/lessons/LessonPanel')));
const ManifestEditor = lazy(() =>
  loadCluster().then(() => import('./components/editor/ManifestEditor')),
);

// The engine is not needed to paint the page: the parts that show the cluster load right after,
// with the engine, and ClusterLoading holds their places (controls disabled) until then.
type ClusterParts = typeof import('./startup/cluster-parts');
const clusterPart = (name: 'SessionBar' | 'Playback' | 'Graph' | 'SidePanel' | 'Dialogs') =>
  lazy(() =>
    afterCluster(import('./startup/cluster-parts')).then((parts: ClusterParts) => ({
      default: parts[name],
    })),
  );
const SessionBar = clusterPart('SessionBar');
const Playback = clusterPart('Playback');
const Graph = clusterPart('Graph');
const SidePanel = clusterPart('SidePanel');
const Dialogs = clusterPart('Dialogs');

/** App lays out the learner's screen: lessons left, the cluster in the middle, the hop (or the inspector) right, the terminal and editor below. */
export default function App() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <PaneLayout
        header={
          <>
            <h1>{t('appTitle')}</h1>
            <p className="tagline">{t('tagline')}</p>
            <Suspense fallback={null}>
              <SessionBar />
            </Suspense>
            <LanguageSelect />
            <ThemeSelect />
          </>
        }
        lessons={
          <div className="lessons-column">
            <Suspense fallback={<p className="loading">{t('loading')}</p>}>
              <LessonPanel />
            </Suspense>
          </div>
        }
        graph={
          <div className="graph-column">
            <Suspense fallback={<PlaybackLoading />}>
              <Playback />
            </Suspense>
            <Suspense fallback={<GraphLoading />}>
              <Graph />
            </Suspense>
            <Timeline />
          </div>
        }
        inspector={
          <Suspense fallback={<SidePanelLoading />}>
            <SidePanel />
          </Suspense>
        }
        workbench={
          <div className="editor-row">
            <WorkbenchTabs
              editor={
                <Suspense fallback={<p className="loading">{t('loading')}</p>}>
                  <ManifestEditor />
                </Suspense>
              }
            />
          </div>
        }
      />
      <Suspense fallback={null}>
        <Dialogs />
      </Suspense>
    </div>
  );
}
