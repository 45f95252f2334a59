import { Suspense, lazy, memo, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { explainHop } from '../../engine';
import { currentLanguage } from '../../i18n';
import { formatSimTime, hopLabel } from '../../state/hop-label';
import type { Hop } from '../../engine';
import { selectLastHop, selectPickedHop, selectPlaying, useKubeloop } from '../../state/store';
import '../etcd/i18n';

// The object diff needs the YAML printer: it loads after first paint, with the first hop.
const HopChangeView = lazy(() => import('../etcd/HopChangeView'));

/**
 * HopPanel explains a hop: who sent what to whom, and why. It shows the last delivered hop, or
 * the one the learner picked on the graph until they go back to the latest. The hop is shown as a
 * deferred value: the graph's frame is drawn first and the explanation right after it, and when
 * playback delivers hops faster than the page can draw them, the panel skips to the newest.
 */
export default function HopPanel() {
  const { t } = useTranslation();
  const lastHop = useKubeloop(selectLastHop);
  const pickedHop = useKubeloop(selectPickedHop);
  const pickHop = useKubeloop((s) => s.pickHop);
  const hop = useDeferredValue(pickedHop ?? lastHop);
  const playing = useKubeloop(selectPlaying);
  const startTime = useKubeloop((s) => s.cluster.startTime);
  return (
    <aside className="hop-panel" aria-label={t('regions.hop')}>
      <h2>{t('regions.hop')}</h2>
      {pickedHop && (
        <div className="hop-picked">
          <p>{t('hop.picked')}</p>
          <button type="button" onClick={() => pickHop(undefined)}>
            {t('hop.latest')}
          </button>
        </div>
      )}
      {hop ? (
        <HopDetails hop={hop} playing={playing} startTime={startTime} />
      ) : (
        <p className="hop-empty" aria-live={playing ? 'off' : 'polite'}>
          {t('hop.none')}
        </p>
      )}
    </aside>
  );
}

/** HopDetails is the hop's summary, explanation and etcd change; memoised on the hop shown. */
const HopDetails = memo(function HopDetails({
  hop,
  playing,
  startTime,
}: {
  hop: Hop;
  playing: boolean;
  startTime: number;
}) {
  const { t, i18n } = useTranslation();
  void i18n.language; // re-render on language change
  return (
    <>
      {/* Only the summary is announced on each step; the YAML diff is there to read. */}
      <div aria-live={playing ? 'off' : 'polite'}>
        <p className="hop-seq">
          {t('hop.seq', { seq: hop.seq })} · {t(`hop.channel.${hop.channel}`)}
        </p>
        <p className="hop-label">{hopLabel(hop)}</p>
        <dl className="hop-facts">
          <dt>{t('hop.from')}</dt>
          <dd>{hop.from}</dd>
          <dt>{t('hop.to')}</dt>
          <dd>{hop.to}</dd>
          <dt>{t('hop.verb')}</dt>
          <dd>{hop.verb}</dd>
          <dt>{t('hop.object')}</dt>
          <dd>
            {hop.object.kind}
            {hop.object.name
              ? ` ${hop.object.namespace ? `${hop.object.namespace}/` : ''}${hop.object.name}`
              : ''}
          </dd>
          {hop.detail && (
            <>
              <dt>{t('detail', { ns: 'etcd' })}</dt>
              <dd className="hop-detail">{hop.detail}</dd>
            </>
          )}
          <dt>{t('hop.at')}</dt>
          <dd>{formatSimTime(hop.time - startTime)}</dd>
        </dl>
        <p className="hop-explanation">{explainHop(hop)[currentLanguage()]}</p>
      </div>
      <Suspense fallback={null}>
        <HopChangeView hop={hop} />
      </Suspense>
    </>
  );
});
