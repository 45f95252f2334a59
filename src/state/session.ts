/**
 * A saved sandbox: the seed and preset a cluster started from, and every learner action that
 * changed it, each stamped with the engine position it was issued at. The engine is deterministic,
 * so replaying the actions at their positions through a fresh cluster rebuilds the same cluster
 * (same pod names, same hop count). Saved in localStorage ('kubeloop.session.v1') and carried in
 * share links (`#s=`).
 */
import { PRESETS, type PresetName, type TrafficOrigin } from '../engine';

export const SESSION_KEY = 'kubeloop.session.v1';
export const SESSION_VERSION = 1;

/**
 * EnginePosition pins a moment of a run exactly: how many engine tasks had run, and the simulated
 * clock (ms since start; idle playback moves the clock without running tasks). hops is the hop
 * count there, kept to check that a replay came out the same.
 */
export interface EnginePosition {
  tasks: number;
  elapsed: number;
  hops: number;
}

/** SessionAction is one learner action that changed the cluster, at the position it happened. */
export type SessionAction =
  | {
      kind: 'kubectl';
      at: EnginePosition;
      line: string;
      stdin?: string;
      /** the file saved in the editor, answering the `kubectl edit` this line started earlier */
      edited?: string;
    }
  | { kind: 'stopNode' | 'startNode' | 'addNode'; at: EnginePosition; node: string }
  | { kind: 'setLoad'; at: EnginePosition; namespace: string; deployment: string; percent: number }
  | {
      kind: 'killContainer';
      at: EnginePosition;
      namespace: string;
      pod: string;
      container?: string;
    }
  /** an HTTP GET through the cluster network (its packets are hops), from a pod or from outside */
  | { kind: 'request'; at: EnginePosition; origin: TrafficOrigin; url: string };

export interface Session {
  v: typeof SESSION_VERSION;
  seed: number;
  preset: PresetName;
  workers?: number;
  actions: SessionAction[];
  /** where the learner was when the session was saved */
  end: EnginePosition;
}

/** SessionProblem says why a save or link could not be used. */
export type SessionProblem = 'corrupt' | 'version';

export type ParsedSession = { ok: true; session: Session } | { ok: false; problem: SessionProblem };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isString = (v: unknown): v is string => typeof v === 'string';
const isOptionalString = (v: unknown) => v === undefined || isString(v);

function isPosition(v: unknown): v is EnginePosition {
  return isObject(v) && isCount(v.tasks) && isCount(v.hops) && isCount(v.elapsed);
}

function isOrigin(v: unknown): v is TrafficOrigin {
  if (!isObject(v)) return false;
  if (v.kind === 'external') return true;
  if (v.kind === 'node') return isString(v.node);
  return v.kind === 'pod' && isString(v.namespace) && isString(v.name);
}

function isAction(v: unknown): v is SessionAction {
  if (!isObject(v) || !isPosition(v.at)) return false;
  switch (v.kind) {
    case 'kubectl':
      return isString(v.line) && isOptionalString(v.stdin) && isOptionalString(v.edited);
    case 'stopNode':
    case 'startNode':
    case 'addNode':
      return isString(v.node);
    case 'setLoad':
      return (
        isString(v.namespace) &&
        isString(v.deployment) &&
        isCount(v.percent) &&
        (v.percent as number) <= 1000
      );
    case 'killContainer':
      return isString(v.namespace) && isString(v.pod) && isOptionalString(v.container);
    case 'request':
      return isString(v.url) && isOrigin(v.origin);
    default:
      return false;
  }
}

const notBefore = (a: EnginePosition, b: EnginePosition) =>
  a.tasks >= b.tasks && a.elapsed >= b.elapsed && a.hops >= b.hops;

/** validateSession checks shape and order: positions never go backwards. */
export function validateSession(data: unknown): ParsedSession {
  if (!isObject(data)) return { ok: false, problem: 'corrupt' };
  if (data.v !== SESSION_VERSION) {
    return { ok: false, problem: isCount(data.v) ? 'version' : 'corrupt' };
  }
  const { seed, preset, workers, actions, end } = data;
  if (
    !Number.isSafeInteger(seed) ||
    !isString(preset) ||
    !Object.hasOwn(PRESETS, preset) ||
    (workers !== undefined && !(isCount(workers) && workers <= 64)) ||
    !Array.isArray(actions) ||
    !actions.every(isAction) ||
    !isPosition(end)
  ) {
    return { ok: false, problem: 'corrupt' };
  }
  let last: EnginePosition = { tasks: 0, elapsed: 0, hops: 0 };
  for (const { at } of [...actions, { at: end }]) {
    if (!notBefore(at, last)) return { ok: false, problem: 'corrupt' };
    last = at;
  }
  return { ok: true, session: data as unknown as Session };
}

/** parseSession reads a session from JSON text; anything malformed is 'corrupt'. */
export function parseSession(json: string): ParsedSession {
  try {
    return validateSession(JSON.parse(json));
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** browserStorage is localStorage when the page may use it. */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** LoadedSession: none saved, a usable one, or a bad one (already removed from storage). */
export type LoadedSession =
  { ok: true; session: Session } | { ok: false; problem: SessionProblem | 'none' };

/** loadSession reads the save; a corrupted or old-version one is removed so the next load starts clean. */
export function loadSession(storage: Storage | undefined = browserStorage()): LoadedSession {
  let raw: string | null;
  try {
    raw = storage?.getItem(SESSION_KEY) ?? null;
  } catch {
    return { ok: false, problem: 'none' };
  }
  if (raw === null) return { ok: false, problem: 'none' };
  const parsed = parseSession(raw);
  if (!parsed.ok) clearSession(storage);
  return parsed;
}

export function saveSession(
  session: Session,
  storage: Storage | undefined = browserStorage(),
): void {
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // storage full or blocked: the sandbox lives in memory only
  }
}

export function clearSession(storage: Storage | undefined = browserStorage()): void {
  try {
    storage?.removeItem(SESSION_KEY);
  } catch {
    // blocked: nothing to clear
  }
}

// --- share links -------------------------------------------------------------------------------

/** SHARE_PARAM starts the hash of a share link: `#s=z.<base64url of deflate-raw JSON>`. */
export const SHARE_PARAM = 's=';
/** The scheme before the dot: z = deflate-raw compressed, j = plain JSON. */
type Scheme = 'z' | 'j';

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** fromBase64Url throws on characters outside the base64url alphabet. */
export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const canCompress = () =>
  typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** encodeSession makes the hash payload (without `#s=`); compressed where the platform can. */
export async function encodeSession(session: Session, compress = canCompress()): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(session));
  const scheme: Scheme = compress ? 'z' : 'j';
  const bytes = compress ? await pipe(json, new CompressionStream('deflate-raw')) : json;
  return `${scheme}.${toBase64Url(bytes)}`;
}

/** decodeSession reverses encodeSession; a malformed payload is 'corrupt', never a throw. */
export async function decodeSession(payload: string): Promise<ParsedSession> {
  try {
    const dot = payload.indexOf('.');
    const scheme = payload.slice(0, dot);
    const bytes = fromBase64Url(payload.slice(dot + 1));
    let json: Uint8Array;
    if (scheme === 'j') json = bytes;
    else if (scheme === 'z' && canCompress()) {
      json = await pipe(bytes, new DecompressionStream('deflate-raw'));
    } else return { ok: false, problem: 'corrupt' };
    return parseSession(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
}

/** shareUrl is base (the page's address without its hash) with the session in the hash. */
export async function shareUrl(base: string, session: Session): Promise<string> {
  return `${base.replace(/#.*$/, '')}#${SHARE_PARAM}${await encodeSession(session)}`;
}

/** sharePayload extracts the payload from a location hash, if it is a share link. */
export function sharePayload(hash: string): string | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body.startsWith(SHARE_PARAM) ? body.slice(SHARE_PARAM.length) : undefined;
}
