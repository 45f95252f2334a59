import { useTranslation } from 'react-i18next';
import PlaybackControls from '../components/playback/PlaybackControls';
// The side panel's frame paints with the shell, not when the panel arrives.
import '../components/inspector/inspector.css';
import { addTranslations } from '../i18n';
import './startup.css';

addTranslations('startup', {
  en: { loadingCluster: 'Loading the cluster…' },
  ko: { loadingCluster: '클러스터를 불러오는 중…' },
});

/** PlaybackLoading is the playback toolbar before the cluster is there: every control disabled. */
export function PlaybackLoading() {
  return <PlaybackControls playback={undefined} />;
}

/** GraphLoading holds the graph region's place and says the cluster is on its way. */
export function GraphLoading() {
  const { t } = useTranslation();
  return (
    <section className="graph" aria-label={t('regions.graph')} aria-busy="true">
      <p className="loading" role="status">
        {t('startup:loadingCluster')}
      </p>
    </section>
  );
}

/** SidePanelLoading holds the side panel's place. */
export function SidePanelLoading() {
  const { t } = useTranslation();
  return (
    <div className="side-panel">
      <p className="loading">{t('loading')}</p>
    </div>
  );
}
