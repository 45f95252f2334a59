import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import ClusterGraph from './components/graph/ClusterGraph';
import SidePanel from './components/inspector/SidePanel';
import LanguageSelect from './components/layout/LanguageSelect';
import SessionBar from './components/layout/SessionBar';
import PlaybackToolbar from './components/playback/PlaybackToolbar';
import { usePlaybackKeys } from './components/playback/use-playback-keys';
import WorkbenchTabs from './components/terminal/WorkbenchTabs';

// Monaco is megabytes: the editor (and the lessons) load after first paint.
const ManifestEditor = lazy(() => import('./components/editor/ManifestEditor'));
const LessonPanel = lazy(() => import('./components/lessons/LessonPanel'));

/** App lays out the learner's screen: lessons left, the cluster in the middle, the hop (or the inspector) right, the terminal and editor below. */
export default function App() {
  const { t } = useTranslation();
  usePlaybackKeys();
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('appTitle')}</h1>
        <p className="tagline">{t('tagline')}</p>
        <SessionBar />
        <LanguageSelect />
      </header>
      <main className="app-main">
        <div className="lessons-column">
          <Suspense fallback={<p className="loading">{t('loading')}</p>}>
            <LessonPanel />
          </Suspense>
        </div>
        <div className="graph-column">
          <PlaybackToolbar />
          <ClusterGraph />
        </div>
        <SidePanel />
        <div className="editor-row">
          <WorkbenchTabs
            editor={
              <Suspense fallback={<p className="loading">{t('loading')}</p>}>
                <ManifestEditor />
              </Suspense>
            }
          />
        </div>
      </main>
    </div>
  );
}
