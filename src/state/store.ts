import { useMemo } from 'react';
import { create } from 'zustand';
import {
  createCluster,
  type Cluster,
  type ClusterOptions,
  type Hop,
  type KubeObject,
} from '../engine';
import { startKubectl, type KubectlResult } from '../kubectl';
import { clearSession, SESSION_VERSION, type Session, type SessionAction } from './session';
import { positionOf } from './session-replay';
import { advanceBudget, clampSpeed, MAX_FRAME_MS } from './playback';
import type { ObjectRef, SidePanelTab } from './selection';

export type { KubectlResult };

/** How many delivered hops the store keeps for the UI. */
export const HOP_HISTORY = 200;
/** A command that never finishes (a bug, or `kubectl wait` on something impossible) stops here. */
const MAX_COMMAND_HOPS = 100_000;
/** At most this many hops per animation frame, whatever the speed. */
const MAX_HOPS_PER_FRAME = 64;

export interface KubeloopState {
  cluster: Cluster;
  /** version bumps whenever engine state changed: after each step or batch of steps. */
  version: number;
  /** the last HOP_HISTORY delivered hops, oldest first */
  hops: readonly Hop[];
  lastHop: Hop | undefined;
  playing: boolean;
  speed: number;
  /** simulated milliseconds since the cluster started */
  simTime: number;
  /** the object the inspector shows (picked on the graph), if any */
  selected: ObjectRef | undefined;
  /** what the right-hand panel shows */
  sidePanel: SidePanelTab;

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
  /** restoring: a saved session is being replayed; learner actions wait until it is done. */
  restoring: boolean;
  /** stopNode powers a node off (a fault the learner injects); recorded like kubectl. */
  stopNode(name: string): boolean;
  startNode(name: string): boolean;
  killContainer(namespace: string, pod: string, container?: string): boolean;
}

const RESTORING_RESULT: KubectlResult = {
  stdout: '',
  stderr: 'error: the sandbox is still being restored; try again in a moment\n',
  exitCode: 1,
};

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

/** The options the current cluster was created from and the learner's actions on it since. */
let sessionOptions: Pick<Session, 'seed' | 'preset' | 'workers'> = { seed: 1, preset: 'kubeadm' };
let sessionActions: SessionAction[] = [];

function recordAction(action: SessionAction): void {
  sessionActions.push(action);
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
  connect(cluster);
  return { cluster, hops: [] as readonly Hop[], lastHop: undefined, simTime: cluster.elapsed };
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

  step() {
    if (get().restoring) return undefined;
    const hop = get().cluster.step();
    publish();
    return hop;
  },
  play() {
    if (get().playing || get().restoring) return;
    set({ playing: true });
    startLoop();
  },
  pause() {
    set({ playing: false });
  },
  setSpeed(speed) {
    set({ speed: clampSpeed(speed) });
  },
  stepToQuiet() {
    if (get().restoring) return;
    get().cluster.runUntilIdle();
    publish();
  },
  runKubectl(line, stdin) {
    const { cluster, restoring } = get();
    if (restoring) return Promise.resolve(RESTORING_RESULT);
    recordAction({
      kind: 'kubectl',
      at: positionOf(cluster),
      line,
      ...(stdin === undefined ? {} : { stdin }),
    });
    const handle = startKubectl(cluster, line, { stdin });
    // kubectl's own requests must complete even when paused: drive the engine until it is done.
    for (let i = 0; i < MAX_COMMAND_HOPS && !handle.done; i++) {
      if (!cluster.step()) break;
    }
    publish();
    if (handle.done && handle.result) return Promise.resolve(handle.result);
    // Still waiting (nothing left to run now): it finishes when playback moves the cluster on.
    return new Promise((resolve) => handle.onDone((result) => resolve(result)));
  },
  applyManifest(yaml) {
    return get().runKubectl('kubectl apply -f -', yaml);
  },
  reset(options) {
    clearSession();
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
}));

/** fault performs a fault on the cluster and records it when it did something. */
function fault(action: SessionAction, perform: (cluster: Cluster) => boolean): boolean {
  if (useKubeloop.getState().restoring) return false;
  const done = perform(useKubeloop.getState().cluster);
  if (done) recordAction(action);
  publish();
  return done;
}

/** currentSession describes the sandbox as it is now: enough to rebuild it by replay. */
export function currentSession(): Session {
  return {
    v: SESSION_VERSION,
    ...sessionOptions,
    actions: sessionActions.slice(),
    end: positionOf(useKubeloop.getState().cluster),
  };
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
  connect(cluster);
  const hops = cluster.hops.all().slice(-HOP_HISTORY);
  useKubeloop.setState((state) => ({
    cluster,
    hops,
    lastHop: hops.at(-1),
    simTime: cluster.elapsed,
    version: state.version + 1,
    playing: false,
    restoring: false,
    selected: undefined,
    sidePanel: 'hop',
  }));
}

/** playFrame delivers the hops due after dtMs of wall time at the current speed; returns how many. */
let hopBudget = 0;
export function playFrame(dtMs: number): number {
  const { cluster, speed } = useKubeloop.getState();
  if (cluster.isIdle()) {
    // Nothing is happening but heartbeats: let simulated time flow at the chosen speed, so
    // leases tick, back-offs expire and lost nodes time out as they would on a real cluster.
    hopBudget = 0;
    const before = cluster.hops.count;
    cluster.runFor(Math.min(Math.max(dtMs, 0), MAX_FRAME_MS) * speed);
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
export const selectPlaying = (s: KubeloopState) => s.playing;
export const selectSpeed = (s: KubeloopState) => s.speed;
export const selectSimTime = (s: KubeloopState) => s.simTime;
export const selectSelected = (s: KubeloopState) => s.selected;
export const selectSidePanel = (s: KubeloopState) => s.sidePanel;
