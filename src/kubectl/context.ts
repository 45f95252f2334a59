import type { ApiRequest, ApiResponse, Cluster } from '../engine';
import type { Flags, FlagSpec } from './flags';

/** An Op is what a command waits on: an API request (one hop), simulated time, or the editor. */
export type Op = { kind: 'request'; request: ApiRequest } | { kind: 'sleep'; ms: number } | EditOp;

/** EditorFile is the temporary file `kubectl edit` hands to $KUBE_EDITOR. */
export interface EditorFile {
  /** where kubectl wrote it: /tmp/kubectl-edit-XXXXX.yaml */
  path: string;
  content: string;
}

/** EditorOutcome is the file as the editor left it, or why the editor could not run. */
export type EditorOutcome = { ok: true; content: string } | { ok: false; error: string };

/**
 * An Editor opens file and calls done once, when the learner (or a script's $KUBE_EDITOR) is
 * finished with it; closing without saving hands back the content unchanged, as quitting vi does.
 */
export type Editor = (file: EditorFile, done: (outcome: EditorOutcome) => void) => void;

/** EditOp waits for the editor; the runner stores the outcome on it before resuming the task. */
export interface EditOp {
  kind: 'edit';
  file: EditorFile;
  outcome?: EditorOutcome;
}

/** A Task is a command's body: a generator that yields Ops and is resumed with their results. */
export type Task = Generator<Op, void, ApiResponse | undefined>;

export interface KubectlInput {
  stdin?: string;
  readFile?: (path: string) => string | undefined;
  /** the editor `kubectl edit` opens; without one it fails as kubectl does when vi is missing */
  editor?: Editor;
}

export interface Context {
  cluster: Cluster;
  input: KubectlInput;
  flags: Flags;
  namespace: string;
  /** whether -n was given explicitly */
  namespaceSet: boolean;
  out: string[];
  err: string[];
  exitCode: number;
}

/** Command is one row of the command table (STYLE habit 8). */
export interface Command {
  name: string;
  aliases?: string[];
  flags: FlagSpec[];
  run(ctx: Context): Task;
}

/** request sends one API request and returns its response: `const res = yield* request(req)`. */
export function* request(req: ApiRequest): Generator<Op, ApiResponse, ApiResponse | undefined> {
  const response = yield { kind: 'request', request: req };
  return response!;
}

/** sleep lets simulated time pass (polling while kubectl waits). */
export function* sleep(ms: number): Generator<Op, void, ApiResponse | undefined> {
  yield { kind: 'sleep', ms };
}

/** editFile opens file in the editor and returns what it saved: `yield* editFile(file)`. */
export function* editFile(file: EditorFile): Generator<Op, EditorOutcome, ApiResponse | undefined> {
  const op: EditOp = { kind: 'edit', file };
  yield op;
  return op.outcome!;
}
