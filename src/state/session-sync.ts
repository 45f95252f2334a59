import { create } from 'zustand';
import { withKubectl } from './kubectl-loader';
import {
  browserStorage,
  decodeSession,
  loadSession,
  saveSession,
  sharePayload,
  type Session,
} from './session';
import { SessionReplay } from './session-replay';
import { adoptCluster, currentSession, isPristine, setRestoring, useKubeloop } from './store';

/** SessionNotice is a message about the saved sandbox the learner should see once. */
export type SessionNotice = 'resetCorrupt' | 'resetVersion' | 'linkBad' | 'linkLoaded' | 'diverged';

export interface SessionStatus {
  /** progress of a replay in progress, 0..1; undefined when none is */
  restoring: number | undefined;
  notice: SessionNotice | undefined;
  dismiss(): void;
}

export const useSessionStatus = create<SessionStatus>()((set) => ({
  restoring: undefined,
  notice: undefined,
  dismiss: () => set({ notice: undefined }),
}));

/** How often, at most, the session is written while the learner works. */
export const SAVE_INTERVAL_MS = 500;
/** A replay slice runs this long before giving the page back (one frame's worth, about). */
const SLICE_MS = 12;
/** Engine tasks between clock checks inside a slice. */
const TASKS_PER_CHECK = 500;
/** The first slice may run longer: a short session restores before anything is painted twice. */
const FIRST_SLICE_MS = 40;

interface Env {
  storage: ReturnType<typeof browserStorage>;
  location: Pick<Location, 'hash' | 'href'> | undefined;
  history: Pick<History, 'replaceState'> | undefined;
}

const browserEnv = (): Env => ({
  storage: browserStorage(),
  location: typeof location === 'undefined' ? undefined : location,
  history: typeof history === 'undefined' ? undefined : history,
});

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());
const later = (fn: () => void) => setTimeout(fn, 0);

/**
 * startSessionSync restores the sandbox (from a share link in the hash, else from localStorage),
 * then keeps the save up to date as the learner works. Returns the function that stops it.
 */
export function startSessionSync(env: Env = browserEnv()): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const save = () => {
    timer = undefined;
    if (stopped || useKubeloop.getState().restoring) return;
    const session = currentSession();
    if (isPristine(session)) return;
    saveSession(session, env.storage);
  };
  const scheduleSave = () => {
    timer ??= setTimeout(save, SAVE_INTERVAL_MS);
  };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    save();
  };

  const restore = (session: Session, fromLink: boolean) => {
    setRestoring(true);
    // Replaying kubectl commands needs kubectl, which loads after the first paint.
    withKubectl(() => (stopped ? setRestoring(false) : replaySession(session, fromLink)));
  };
  const replaySession = (session: Session, fromLink: boolean) => {
    const replay = new SessionReplay(session);
    const finish = () => {
      adoptCluster(replay.cluster, session);
      useSessionStatus.setState({
        restoring: undefined,
        notice: replay.diverged ? 'diverged' : fromLink ? 'linkLoaded' : undefined,
      });
      save();
    };
    const slice = (ms: number): boolean => {
      const until = now() + ms;
      while (!replay.run(TASKS_PER_CHECK)) if (now() >= until) return false;
      return true;
    };
    if (slice(FIRST_SLICE_MS)) return finish();
    useSessionStatus.setState({ restoring: replay.progress });
    const next = () => {
      if (stopped) return setRestoring(false);
      if (slice(SLICE_MS)) return finish();
      useSessionStatus.setState({ restoring: replay.progress });
      later(next);
    };
    later(next);
  };

  const payload = env.location ? sharePayload(env.location.hash) : undefined;
  if (payload !== undefined) {
    // Decoding takes a moment: learner actions wait, or the shared sandbox would replace them.
    setRestoring(true);
    void decodeSession(payload).then((parsed) => {
      if (stopped) return setRestoring(false);
      // A reload should keep the local session, not reopen the link.
      env.history?.replaceState(null, '', env.location!.href.replace(/#.*$/, ''));
      if (parsed.ok) return restore(parsed.session, true);
      setRestoring(false);
      useSessionStatus.setState({ notice: 'linkBad' });
    });
  } else {
    const loaded = loadSession(env.storage);
    if (loaded.ok) restore(loaded.session, false);
    else if (loaded.problem !== 'none') {
      useSessionStatus.setState({
        notice: loaded.problem === 'version' ? 'resetVersion' : 'resetCorrupt',
      });
    }
  }

  const unsubscribe = useKubeloop.subscribe((state, previous) => {
    if (state.version !== previous.version) scheduleSave();
  });
  const onHide = () => flush();
  if (typeof addEventListener === 'function') addEventListener('pagehide', onHide);
  return () => {
    if (!stopped) flush();
    stopped = true;
    unsubscribe();
    if (typeof removeEventListener === 'function') removeEventListener('pagehide', onHide);
  };
}
