import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import './graph.css';
import TextView from './TextView';
import { showOwners, showStorage, type GraphOption } from './graph-options';
import { setShowSystemPods, useShowSystemPods } from './system-pods';
import './i18n';

// React Flow and its d3 helpers are about 55 kB gzip: the page paints first, the canvas follows.
const FlowCanvas = lazy(() => import('./FlowCanvas'));

/** ClusterGraph is the graph region: the React Flow canvas, and its text view for screen readers. */
export default function ClusterGraph() {
  const { t } = useTranslation();
  const showSystem = useShowSystemPods();
  return (
    <section className="graph" aria-label={t('regions.graph')}>
      <div className="graph-options">
        <label className="graph-option">
          <input
            type="checkbox"
            checked={showSystem}
            onChange={(e) => setShowSystemPods(e.target.checked)}
          />
          {t('graph:showSystemPods')}
        </label>
        <OptionBox option={showOwners} label={t('graph:showOwners')} />
        <OptionBox option={showStorage} label={t('graph:showStorage')} />
      </div>
      <div className="graph-canvas">
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          <FlowCanvas />
        </Suspense>
      </div>
      <TextView />
    </section>
  );
}

function OptionBox({ option, label }: { option: GraphOption; label: string }) {
  const useOption = option.use;
  const on = useOption();
  return (
    <label className="graph-option">
      <input type="checkbox" checked={on} onChange={(e) => option.set(e.target.checked)} />
      {label}
    </label>
  );
}
