/**
 * The parts of the screen that need the cluster. They read the store, which creates the cluster
 * from the engine (about 80 kB gzip and growing), so the app loads them after the page shell has
 * painted; ClusterLoading holds their places until then.
 */
import ActionHost from '../components/actions/ActionHost';
import GraphActions from '../components/actions/GraphActions';
import ClusterGraph from '../components/graph/ClusterGraph';
import SidePanel from '../components/inspector/SidePanel';
import SessionBar from '../components/layout/SessionBar';
import PlaybackToolbar from '../components/playback/PlaybackToolbar';
import { usePlaybackKeys } from '../components/playback/use-playback-keys';
import ForkDialog from '../components/timeline/ForkDialog';

export { SessionBar, SidePanel };

/** Playback is the toolbar, and the keys (Space, ←, →) that work from anywhere on the page. */
export function Playback() {
  usePlaybackKeys();
  return <PlaybackToolbar />;
}

/** Graph is the cluster graph with its context menus and "Add node…". */
export function Graph() {
  return (
    <GraphActions>
      <ClusterGraph />
    </GraphActions>
  );
}

/** Dialogs are the fork question and the graph actions' menus and dialogs. */
export function Dialogs() {
  return (
    <>
      <ForkDialog />
      <ActionHost />
    </>
  );
}
