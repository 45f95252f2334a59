import { useTranslation } from 'react-i18next';
import { formatSimTime } from '../../state/hop-label';
import { SPEEDS } from '../../state/playback';

/** Playback is what the toolbar shows and does once the cluster is there. */
export interface Playback {
  playing: boolean;
  speed: number;
  /** simulated milliseconds since the cluster started */
  simTime: number;
  play(): void;
  pause(): void;
  step(): void;
  stepToQuiet(): void;
  setSpeed(speed: number): void;
}

/**
 * PlaybackControls: Play/Pause, Step, Step to quiet, the speed and the simulated clock. It needs
 * no store, so the page paints it before the engine arrives: without playback every control is
 * there but disabled, and the toolbar is busy.
 */
export default function PlaybackControls({ playback }: { playback: Playback | undefined }) {
  const { t } = useTranslation();
  const disabled = playback === undefined;
  return (
    <div
      className="playback"
      role="toolbar"
      aria-label={t('playback.toolbar')}
      aria-busy={disabled || undefined}
    >
      {playback?.playing ? (
        <button type="button" onClick={playback.pause} aria-keyshortcuts="Space">
          <span aria-hidden="true">⏸ </span>
          {t('playback.pause')}
        </button>
      ) : (
        <button
          type="button"
          onClick={playback?.play}
          disabled={disabled}
          aria-keyshortcuts="Space"
        >
          <span aria-hidden="true">▶ </span>
          {t('playback.play')}
        </button>
      )}
      <button
        type="button"
        onClick={playback && (() => playback.step())}
        disabled={disabled}
        aria-keyshortcuts="ArrowRight"
      >
        <span aria-hidden="true">⏭ </span>
        {t('playback.step')}
      </button>
      <button type="button" onClick={playback?.stepToQuiet} disabled={disabled}>
        {t('playback.stepToQuiet')}
      </button>
      <label className="speed">
        <span aria-hidden="true">{t('playback.speed')}</span>
        <select
          aria-label={t('playback.speed')}
          value={playback?.speed ?? 1}
          disabled={disabled}
          onChange={(e) => playback?.setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <output className="sim-clock" aria-label={t('playback.clock')}>
        {playback && formatSimTime(playback.simTime)}
      </output>
    </div>
  );
}
