import { useTranslation } from 'react-i18next';
import { formatSimTime } from '../../state/hop-label';
import { SPEEDS } from '../../state/playback';
import { selectPlaying, selectSimTime, selectSpeed, useKubeloop } from '../../state/store';

/** PlaybackToolbar: Play/Pause, Step, Step to quiet, the speed and the simulated clock. */
export default function PlaybackToolbar() {
  const { t } = useTranslation();
  const playing = useKubeloop(selectPlaying);
  const speed = useKubeloop(selectSpeed);
  const simTime = useKubeloop(selectSimTime);
  // Actions never change, so reading them once from the store is enough.
  const { play, pause, step, stepToQuiet, setSpeed } = useKubeloop.getState();
  return (
    <div className="playback" role="toolbar" aria-label={t('playback.toolbar')}>
      {playing ? (
        <button type="button" onClick={pause} aria-keyshortcuts="Space">
          <span aria-hidden="true">⏸ </span>
          {t('playback.pause')}
        </button>
      ) : (
        <button type="button" onClick={play} aria-keyshortcuts="Space">
          <span aria-hidden="true">▶ </span>
          {t('playback.play')}
        </button>
      )}
      <button type="button" onClick={() => step()} aria-keyshortcuts="ArrowRight">
        <span aria-hidden="true">⏭ </span>
        {t('playback.step')}
      </button>
      <button type="button" onClick={stepToQuiet}>
        {t('playback.stepToQuiet')}
      </button>
      <label className="speed">
        <span aria-hidden="true">{t('playback.speed')}</span>
        <select
          aria-label={t('playback.speed')}
          value={speed}
          onChange={(e) => setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <output className="sim-clock" aria-label={t('playback.clock')}>
        {formatSimTime(simTime)}
      </output>
    </div>
  );
}
