import { useMemo } from 'react';
import { create } from 'zustand';
import {
  createCluster,
  type Cluster,
  type ClusterOptions,
  type Hop,
  type KubeObject,
  type TrafficOrigin,
  type TrafficResult,
} from '../engine';
import type { Editor, EditorFile, KubectlExecution, KubectlResult } from '../kubectl';
import { kubectlIfLoaded, loadKubectl } from './kubectl-loader';
import { isReadOnlyCommand } from './read-only';
import { clearSession, SESSION_VERSION, type Session, type SessionAction } from './session';
import { positionOf } from './session-replay';
import { advanceBudget, clampSpeed, MAX_FRAME_MS } from './playback';
import type { ObjectRef, SidePanelTab } from './selection';
import { PastReplay } from './time-travel';

export type { KubectlResult };

/** How many delivered hops the store keeps for the UI. */
export const HOP_HISTORY = 200;
/** A command that never finishes (a bug, or `kubectl wait` on something impossible) stops here. */
const MAX_COMMAND_HOPS = 100_000;
/** At most this many hops per animation frame, whatever the speed. */
const MAX_HOPS_PER_FRAME = 64;

/** EditSession is the file a `kubectl edit` waits on while the learner has it in the editor. */
export interface EditSession {
  /** kubectl's temporary file: its path, and what it held when it was opened */
  file: EditorFile;
  /** counts the files opened, so a file reopened after an error is told apart */
  round: number;
  /** save hands the text to kubectl, which patches what changed (recorded in the session) */
  save(content: string): void;
  /** cancel closes the file unsaved, as quitting vi does: kubectl sees no change */
  cancel(): void;
}

/** Travel says where in the past the learner is looking. */
export interface Travel {
  /** the hop the cluster is shown right after (0: before the first hop) */
  hop: number;
  /** the present's hop count: the timeline's end */
  presentHops: number;
  /** the past cluster is still being rebuilt (a long replay runs in slices) */
  rebuilding: boolean;
}

/** ForkPrompt is a change asked for in the past, waiting for the learner to confirm the fork. */
export interface ForkPrompt {
  /** the hop the future forks after */
  hop: number;
  /** how many hops of the old future the fork discards */
  discards: number;
  /** what the learner asked for: a kubectl line, or a fault */
  change: SessionAction;
}

export interface KubeloopState {
  /** the cluster the UI shows: the present, or a replay of the past while travelling */
  cluster: Cluster;
  /** the live cluster, where the timeline ends; the same as cluster unless travelling */
  present: Cluster;
  /** the learner's recorded actions on the present, oldest first (the timeline marks them) */
  actions: readonly SessionAction[];
  travel: Travel | undefined;
  forkPrompt: ForkPrompt | undefined;
  /** version bumps whenever engine state changed: after each step or batch of steps. */
  version: number;
  /** the last HOP_HISTORY delivered hops, oldest first */
  hops: readonly Hop[];
  lastHop: Hop | undefined;
  /** the hop the learner picked on the graph (a packet in flight); the hop panel shows it over lastHop */
  pickedHop: Hop | undefined;
  playing: boolean;
  speed: number;
  /** simulated milliseconds since the cluster started */
  simTime: number;
  /** the object the inspector shows (picked on the graph), if any */
  selected: ObjectRef | undefined;
  /** what the right-hand panel shows */
  sidePanel: SidePanelTab;
  /** the file a running `kubectl edit` waits on, if any */
  editing: EditSession | undefined;

  step(): Hop | undefined;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  stepToQuiet(): void;
  runKubectl(line: string, stdin?: string): Promise<KubectlResult>;
  applyManifest(yaml: string): Promise<KubectlResult>;
  reset(options?: ClusterOptions): void;
  /** select shows ref in the inspector; undefined deselects and goes back to the current hop. */
  select(ref: ObjectRef | undefined): void;
  showSidePanel(tab: SidePanelTab): void;
  /** pickHop pauses and shows hop in the hop panel; undefined goes back to the latest hop. */
  pickHop(hop: Hop | undefined): void;
  /** restoring: a saved session is being replayed; learner actions wait until it is done. */
  restoring: boolean;
  /** stopNode powers a node off (a fault the learner injects); recorded like kubectl. */
  stopNode(name: string): boolean;
  startNode(name: string): boolean;
  killContainer(namespace: string, pod: string, container?: string): boolean;
  /** addNode joins a new worker (kubeadm join); recorded like kubectl. */
  addNode(name: string): boolean;
  /** setLoad puts a Deployment's pods under CPU load (percent of requests); recorded. */
  setLoad(namespace: string, deployment: string, percent: number): boolean;
  /** sendRequest sends an HTTP GET through the cluster network (hops animate it); recorded. */
  sendRequest(origin: TrafficOrigin, url: string): TrafficResult | undefined;
  /** travelTo shows the cluster right after hop (0: the start); the present's count returns there. */
  travelTo(hop: number): void;
  returnToPresent(): void;
  /** confirmFork discards the old future and performs the change in the past, now the present. */
  confirmFork(): void;
  cancelFork(): void;
}

const RESTORING_RESULT: KubectlResult = {
  stdout: '',
  stderr: 'error: the sandbox is still being restored; try again in a moment\n',
  exitCode: 1,
};

const REBUILDING_RESULT: KubectlResult = {
  stdout: '',
  stderr: 'error: the past is still being rebuilt; try again in a moment\n',
  exitCode: 1,
};

const forkCancelled = (hop: number): KubectlResult => ({
  stdout: '',
  stderr: `error: not run: it would change the past at hop ${hop}; fork from there, or go back to the present first\n`,
  exitCode: 1,
});

const DEFAULT_OPTIONS: ClusterOptions = { seed: 1, preset: 'kubeadm' };

/** Hops delivered since the last publish; the cluster's onHop listener fills it. */
let pending: Hop[] = [];
let unsubscribeHops: (() => void) | undefined;

function connect(cluster: Cluster): void {
  unsubscribeHops?.();
  pending = [];
  unsubscribeHops = cluster.onHop((hop) => pending.push(hop));
}

/** publish moves hops delivered since the last call into the state and bumps version. */
function publish(): void {
  const fresh = pending;
  pending = [];
  useKubeloop.setState((state) => {
    const hops = fresh.length === 0 ? state.hops : [...state.hops, ...fresh].slice(-HOP_HISTORY);
    return {
      version: state.version + 1,
      hops,
      lastHop: fresh.length > 0 ? fresh[fresh.length - 1] : state.lastHop,
      simTime: state.cluster.elapsed,
    };
  });
}

/** The replay the past is shown from, while travelling. */
let replay: PastReplay | undefined;
/** Read-only commands run in the past: the replay ran them, so its future differs from the session's. */
let pastLocal: SessionAction[] = [];
/** Bumped by every travel request: a slow rebuild gives up when a newer one comes. */
let travelRequest = 0;

const noop = () => {};
/** What the pending fork prompt does on yes and on no (kept out of the state: they are not data). */
let forkPromptPerform: () => void = noop;
let forkPromptCancel: () => void = noop;

/** The options the current cluster was created from and the learner's actions on it since. */
let sessionOptions: Pick<Session, 'seed' | 'preset' | 'workers'> = { seed: 1, preset: 'kubeadm' };
let sessionActions: SessionAction[] = [];

function recordAction(action: SessionAction): void {
  sessionActions.push(action);
  useKubeloop.setState({ actions: sessionActions.slice() });
}

function freshState(options: ClusterOptions) {
  const merged = { ...DEFAULT_OPTIONS, ...options };
  const cluster = createCluster(merged);
  sessionOptions = {
    seed: cluster.seed,
    preset: cluster.preset,
    ...(merged.workers === undefined ? {} : { workers: merged.workers }),
  };
  sessionActions = [];
  endTravel();
  connect(cluster);
  return {
    cluster,
    present: cluster,
    actions: [] as readonly SessionAction[],
    travel: undefined,
    forkPrompt: undefined,
    hops: [] as readonly Hop[],
    lastHop: undefined,
    pickedHop: undefined,
    simTime: cluster.elapsed,
  };
}

/** useKubeloop owns one simulated cluster and exposes its hops and a version to React. */
export const useKubeloop = create<KubeloopState>()((set, get) => ({
  ...freshState(DEFAULT_OPTIONS),
  version: 0,
  playing: false,
  speed: 1,
  selected: undefined,
  sidePanel: 'hop',
  restoring: false,
  editing: undefined,

  step() {
    const { restoring, travel } = get();
    if (restoring) return undefined;
    if (travel) {
      if (!travel.rebuilding) goToHop(travel.hop + 1, false);
      return get().lastHop;
    }
    const hop = get().cluster.step();
    publish();
    return hop;
  },
  play() {
    if (get().playing || get().restoring) return;
    // Playing again follows the newest hops, not the one picked while paused.
    set({ playing: true, pickedHop: undefined });
    startLoop();
  },
  pause() {
    set({ playing: false });
  },
  setSpeed(speed) {
    set({ speed: clampSpeed(speed) });
  },
  stepToQuiet() {
    const { restoring, travel } = get();
    if (restoring) return;
    if (travel) return void (travel.rebuilding || travelToQuiet());
    get().cluster.runUntilIdle();
    publish();
  },
  runKubectl(line, stdin) {
    const { cluster, restoring, travel } = get();
    if (restoring) return Promise.resolve(RESTORING_RESULT);
    const kubectl = kubectlIfLoaded();
    if (!kubectl) return loadKubectl().then(() => get().runKubectl(line, stdin));
    if (travel?.rebuilding) return Promise.resolve(REBUILDING_RESULT);
    const action: SessionAction = {
      kind: 'kubectl',
      at: positionOf(cluster),
      line,
      ...(stdin === undefined ? {} : { stdin }),
    };
    if (travel && !isReadOnlyCommand(line)) {
      return new Promise((resolve) =>
        askFork(
          action,
          () => void get().runKubectl(line, stdin).then(resolve),
          () => resolve(forkCancelled(travel.hop)),
        ),
      );
    }
    // A read-only command in the past runs there; a fork would keep it, so it is remembered.
    if (travel) pastLocal.push(action);
    else recordAction(action);
    let started: KubectlExecution | undefined;
    const editor = learnerEditor(cluster, line, () => started);
    const handle = (started = kubectl.startKubectl(cluster, line, { stdin, editor }));
    driveCommand(cluster, handle);
    if (handle.done && handle.result) return Promise.resolve(handle.result);
    // Still waiting (nothing left to run now): it finishes when playback moves the cluster on.
    return new Promise((resolve) => handle.onDone((result) => resolve(result)));
  },
  applyManifest(yaml) {
    return get().runKubectl('kubectl apply -f -', yaml);
  },
  reset(options) {
    get().editing?.cancel();
    clearSession();
    forkPromptCancel();
    set({
      ...freshState(options ?? {}),
      version: get().version + 1,
      playing: false,
      selected: undefined,
      sidePanel: 'hop',
    });
  },
  select(ref) {
    set(
      ref ? { selected: ref, sidePanel: 'inspector' } : { selected: undefined, sidePanel: 'hop' },
    );
  },
  showSidePanel(tab) {
    set({ sidePanel: tab });
  },
  pickHop(hop) {
    set(hop ? { pickedHop: hop, playing: false, sidePanel: 'hop' } : { pickedHop: undefined });
  },
  stopNode(name) {
    return fault({ kind: 'stopNode', at: positionOf(get().cluster), node: name }, (c) =>
      c.stopNode(name),
    );
  },
  startNode(name) {
    return fault({ kind: 'startNode', at: positionOf(get().cluster), node: name }, (c) =>
      c.startNode(name),
    );
  },
  killContainer(namespace, pod, container) {
    const at = positionOf(get().cluster);
    return fault(
      { kind: 'killContainer', at, namespace, pod, ...(container ? { container } : {}) },
      (c) => c.killContainer(namespace, pod, container),
    );
  },
  addNode(name) {
    return fault({ kind: 'addNode', at: positionOf(get().cluster), node: name }, (c) =>
      c.addNode(name),
    );
  },
  setLoad(namespace, deployment, percent) {
    const at = positionOf(get().cluster);
    return fault({ kind: 'setLoad', at, namespace, deployment, percent }, (c) => {
      c.setLoad(namespace, deployment, percent);
      return true;
    });
  },
  sendRequest(origin, url) {
    let result: TrafficResult | undefined;
    fault({ kind: 'request', at: positionOf(get().cluster), origin, url }, (c) => {
      result = c.network.request(origin, url);
      return true;
    });
    return result;
  },
  travelTo(hop) {
    if (get().restoring) return;
    goToHop(hop, false);
  },
  returnToPresent,
  confirmFork() {
    const prompt = get().forkPrompt;
    if (!prompt || !replay) return;
    // The past becomes the present: the actions issued up to here and the read-only commands run
    // here are its history; the old future is dropped.
    const cluster = replay.cluster;
    sessionActions = [...replay.issued, ...pastLocal];
    endTravel();
    connect(cluster);
    set((state) => ({
      cluster,
      present: cluster,
      actions: sessionActions.slice(),
      travel: undefined,
      forkPrompt: undefined,
      version: state.version + 1,
    }));
    const perform = forkPromptPerform;
    forkPromptPerform = forkPromptCancel = noop;
    perform();
  },
  cancelFork() {
    forkPromptCancel();
  },
}));

/** driveCommand runs kubectl's own requests to completion even when paused; not the editor. */
function driveCommand(cluster: Cluster, handle: KubectlExecution): void {
  for (let i = 0; i < MAX_COMMAND_HOPS && !handle.done && !handle.editing; i++) {
    if (!cluster.step()) break;
  }
  publish();
}

let editRounds = 0;

/**
 * learnerEditor is the editor `kubectl edit` opens in the app: the file waits in the store for the
 * editor panel. A save is recorded as the edit's line with the saved text, at the moment it was
 * saved, so a replay answers the edit there; a cancel changes nothing and is not recorded.
 */
function learnerEditor(
  cluster: Cluster,
  line: string,
  handle: () => KubectlExecution | undefined,
): Editor {
  return (file, done) => {
    const round = ++editRounds;
    const finish = (content: string, saved: boolean) => {
      const state = useKubeloop.getState();
      if (state.editing?.round !== round) return;
      useKubeloop.setState({ editing: undefined });
      if (saved && !state.travel && cluster === state.present) {
        recordAction({ kind: 'kubectl', at: positionOf(cluster), line, edited: content });
      }
      done({ ok: true, content });
      const running = handle();
      if (running) driveCommand(cluster, running);
    };
    useKubeloop.setState({
      editing: {
        file,
        round,
        save: (content) => finish(content, true),
        cancel: () => finish(file.content, false),
      },
    });
  };
}

/** askFork asks the learner to confirm a change in the past; an earlier question is cancelled. */
function askFork(change: SessionAction, perform: () => void, cancel: () => void): void {
  const travel = useKubeloop.getState().travel;
  if (!travel) return perform();
  forkPromptCancel();
  forkPromptPerform = perform;
  forkPromptCancel = () => {
    forkPromptPerform = forkPromptCancel = noop;
    useKubeloop.setState({ forkPrompt: undefined });
    cancel();
  };
  useKubeloop.setState({
    forkPrompt: { hop: travel.hop, discards: travel.presentHops - travel.hop, change },
    playing: false,
  });
}

/** fault performs a fault on the cluster and records it when it did something. */
function fault(action: SessionAction, perform: (cluster: Cluster) => boolean): boolean {
  const { restoring, travel } = useKubeloop.getState();
  if (restoring || travel?.rebuilding) return false;
  if (travel) {
    // In the past a fault forks the future: it happens once the learner says yes.
    askFork(
      action,
      () => void fault({ ...action, at: positionOf(useKubeloop.getState().cluster) }, perform),
      noop,
    );
    return false;
  }
  const done = perform(useKubeloop.getState().cluster);
  if (done) recordAction(action);
  publish();
  return done;
}

// --- time travel -------------------------------------------------------------------------------

/** A rebuild slice runs this long before giving the page back. */
const REBUILD_SLICE_MS = 12;
/** The first slice may run longer: short sessions rebuild before anything is painted twice. */
const REBUILD_FIRST_SLICE_MS = 40;
const REBUILD_TASKS_PER_CHECK = 500;
const clockNow = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

function endTravel(): void {
  travelRequest++;
  replay = undefined;
  pastLocal = [];
}

/** presentSession is the present's session, whatever the UI shows. */
function presentSession(): Session {
  return {
    v: SESSION_VERSION,
    ...sessionOptions,
    actions: sessionActions.slice(),
    end: positionOf(useKubeloop.getState().present),
  };
}

function returnToPresent(): void {
  const { present, travel } = useKubeloop.getState();
  if (!travel) return;
  forkPromptCancel();
  endTravel();
  connect(present);
  const hops = present.hops.all().slice(-HOP_HISTORY);
  useKubeloop.setState((state) => ({
    cluster: present,
    travel: undefined,
    hops,
    lastHop: hops.at(-1),
    simTime: present.elapsed,
    version: state.version + 1,
  }));
}

/** showReplay makes the replay's cluster the one the UI shows. */
function showReplay(past: PastReplay, presentHops: number): void {
  connect(past.cluster);
  const hops = past.cluster.hops.all().slice(-HOP_HISTORY);
  useKubeloop.setState((state) => ({
    cluster: past.cluster,
    travel: { hop: past.hop, presentHops, rebuilding: false },
    hops,
    lastHop: hops.at(-1),
    simTime: past.cluster.elapsed,
    version: state.version + 1,
  }));
}

/**
 * goToHop shows the cluster right after hop target: forward from the replay shown, or rebuilt
 * from the start (in slices when long). Reaching the present's last hop is the present.
 */
function goToHop(target: number, keepPlaying: boolean): void {
  const state = useKubeloop.getState();
  const presentHops = state.present.hops.count;
  const hop = Math.max(0, Math.min(Math.floor(target), presentHops));
  if (hop >= presentHops) return returnToPresent();
  forkPromptCancel();
  if (!keepPlaying && state.playing) useKubeloop.setState({ playing: false });
  if (!replay || pastLocal.length > 0 || replay.hop > hop) {
    replay = new PastReplay(presentSession());
    pastLocal = [];
  }
  const past = replay;
  const request = ++travelRequest;
  const run = (ms: number) => {
    const until = clockNow() + ms;
    while (!past.advance(hop, REBUILD_TASKS_PER_CHECK)) if (clockNow() >= until) return false;
    return true;
  };
  if (run(REBUILD_FIRST_SLICE_MS)) return showReplay(past, presentHops);
  useKubeloop.setState({ travel: { hop, presentHops, rebuilding: true }, playing: false });
  const next = () => {
    if (request !== travelRequest) return;
    if (run(REBUILD_SLICE_MS)) showReplay(past, presentHops);
    else setTimeout(next, 0);
  };
  setTimeout(next, 0);
}

/** travelToQuiet moves through the past until the cluster was quiet (or the present). */
function travelToQuiet(): void {
  const { present } = useKubeloop.getState();
  if (!replay || pastLocal.length > 0) return;
  const presentHops = present.hops.count;
  while (replay.hop < presentHops && !replay.cluster.isIdle()) {
    if (!replay.advance(replay.hop + 1)) break;
  }
  if (replay.hop >= presentHops) returnToPresent();
  else showReplay(replay, presentHops);
}

/** currentSession describes the sandbox's present: enough to rebuild it by replay. */
export function currentSession(): Session {
  return presentSession();
}

/** isPristine: nothing has happened since the cluster started, so there is nothing to save. */
export function isPristine(session: Session): boolean {
  return session.actions.length === 0 && session.end.tasks === 0 && session.end.elapsed === 0;
}

/** setRestoring marks a replay in progress (the UI says so; learner actions wait). */
export function setRestoring(restoring: boolean): void {
  useKubeloop.setState({ restoring, playing: restoring ? false : useKubeloop.getState().playing });
}

/** adoptCluster makes a cluster rebuilt from session the store's cluster, paused, at its end. */
export function adoptCluster(cluster: Cluster, session: Session): void {
  const { seed, preset, workers } = session;
  sessionOptions = { seed, preset, ...(workers === undefined ? {} : { workers }) };
  sessionActions = session.actions.slice();
  forkPromptCancel();
  endTravel();
  connect(cluster);
  const hops = cluster.hops.all().slice(-HOP_HISTORY);
  useKubeloop.setState((state) => ({
    cluster,
    present: cluster,
    actions: sessionActions.slice(),
    travel: undefined,
    hops,
    lastHop: hops.at(-1),
    simTime: cluster.elapsed,
    version: state.version + 1,
    playing: false,
    restoring: false,
    selected: undefined,
    pickedHop: undefined,
    sidePanel: 'hop',
  }));
}

/** playFrame delivers the hops due after dtMs of wall time at the current speed; returns how many. */
let hopBudget = 0;
export function playFrame(dtMs: number): number {
  const { cluster, speed, travel } = useKubeloop.getState();
  if (travel) {
    // Playing in the past replays the recorded future; at its end the present takes over.
    if (travel.rebuilding) return 0;
    const { due, budget } = advanceBudget(hopBudget, dtMs, speed);
    hopBudget = budget;
    const hops = Math.min(due, MAX_HOPS_PER_FRAME);
    if (hops > 0) goToHop(travel.hop + hops, true);
    return hops;
  }
  if (cluster.isIdle()) {
    // Nothing is happening but heartbeats: let simulated time flow at the chosen speed, so
    // leases tick, back-offs expire and lost nodes time out as they would on a real cluster.
    hopBudget = 0;
    const before = cluster.hops.count;
    // Whole milliseconds: the engine's clock (event names, saved positions) counts integers.
    cluster.runFor(Math.round(Math.min(Math.max(dtMs, 0), MAX_FRAME_MS) * speed));
    publish();
    return cluster.hops.count - before;
  }
  const { due, budget } = advanceBudget(hopBudget, dtMs, speed);
  hopBudget = budget;
  let delivered = 0;
  // cluster.step() runs the queue to the next hop, so a long quiet stretch (an image pull that
  // takes seconds) is jumped over instead of waited out in wall time.
  while (delivered < Math.min(due, MAX_HOPS_PER_FRAME) && cluster.step()) delivered++;
  if (delivered > 0) publish();
  // Nothing left to run: keep playing (a command may come), but do not bank hops for later.
  if (delivered < due && delivered < MAX_HOPS_PER_FRAME) hopBudget = 0;
  return delivered;
}

let frame: number | undefined;
function startLoop(): void {
  // Guarded: the store also runs in Node (tests, CLI) where there is no animation frame.
  if (typeof requestAnimationFrame !== 'function' || frame !== undefined) return;
  let last: number | undefined;
  const tick = (now: number) => {
    if (!useKubeloop.getState().playing) {
      frame = undefined;
      return;
    }
    if (last !== undefined) playFrame(now - last);
    last = now;
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
}

/** useObjects lists a resource (pods, nodes...) from the API server, recomputed when version bumps. */
export function useObjects<T extends KubeObject = KubeObject>(
  resource: string,
  namespace?: string,
): readonly T[] {
  const cluster = useKubeloop(selectCluster);
  const version = useKubeloop(selectVersion);
  return useMemo(
    () => {
      void version;
      return cluster.api.list(resource, namespace) as T[];
    },
    // version is the signal that engine state changed; the list itself is read fresh.
    [cluster, version, resource, namespace],
  );
}

export const selectCluster = (s: KubeloopState) => s.cluster;
export const selectVersion = (s: KubeloopState) => s.version;
export const selectLastHop = (s: KubeloopState) => s.lastHop;
export const selectPickedHop = (s: KubeloopState) => s.pickedHop;
export const selectPlaying = (s: KubeloopState) => s.playing;
export const selectSpeed = (s: KubeloopState) => s.speed;
export const selectSimTime = (s: KubeloopState) => s.simTime;
export const selectSelected = (s: KubeloopState) => s.selected;
export const selectSidePanel = (s: KubeloopState) => s.sidePanel;
export const selectTravel = (s: KubeloopState) => s.travel;
export const selectForkPrompt = (s: KubeloopState) => s.forkPrompt;
export const selectPresent = (s: KubeloopState) => s.present;
export const selectActions = (s: KubeloopState) => s.actions;
