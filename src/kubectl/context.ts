import type { ApiRequest, ApiResponse, Cluster } from '../engine';
import type { Flags, FlagSpec } from './flags';

/** An Op is what a command waits on: an API request (one hop) or simulated time passing. */
export type Op = { kind: 'request'; request: ApiRequest } | { kind: 'sleep'; ms: number };

/** A Task is a command's body: a generator that yields Ops and is resumed with their results. */
export type Task = Generator<Op, void, ApiResponse | undefined>;

export interface KubectlInput {
  stdin?: string;
  readFile?: (path: string) => string | undefined;
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
