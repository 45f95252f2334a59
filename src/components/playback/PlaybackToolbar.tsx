import { selectPlaying, selectSimTime, selectSpeed, useKubeloop } from '../../state/store';
import PlaybackControls from './PlaybackControls';

/** PlaybackToolbar connects the playback controls to the cluster's store. */
export default function PlaybackToolbar() {
  const playing = useKubeloop(selectPlaying);
  const speed = useKubeloop(selectSpeed);
  const simTime = useKubeloop(selectSimTime);
  // Actions never change, so reading them once from the store is enough.
  const { play, pause, step, stepToQuiet, setSpeed } = useKubeloop.getState();
  return (
    <PlaybackControls
      playback={{ playing, speed, simTime, play, pause, step, stepToQuiet, setSpeed }}
    />
  );
}
