import { matchesSelector } from '../api/labels';
import { clone, deepEqual, objectKey } from '../api/objects';
import { isPodReady } from '../api/pod';
import type {
  AnyObject,
  Binding,
  KubeObject,
  LabelSelector,
  Namespace,
  Pod,
  PodDisruptionBudget,
} from '../api/types';
import { Random, toTimestamp, type Clock } from '../clock';
import type { EtcdEvent, EtcdStore } from '../etcd/store';
import { freezeSharing } from '../etcd/share';
import type { Hop, HopDraft, HopNote, HopObject } from '../hops';
import { LATENCY, Message, type Transport } from '../transport';
import { randomSuffix } from './admission';
import { decodeBody, decodePatched, type FieldValidation } from './decoding';
import {
  alreadyExists,
  badRequest,
  internalError,
  conflict,
  forbidden,
  namespaceTerminating,
  invalid,
  notFound,
  OBJECT_MODIFIED,
  StatusError,
  tooManyRequests,
} from './errors';
import { applyMergePatch, applyStrategicMergePatch } from './patch';
import { etcdKey, RESOURCES, resourceInfo, type ResourceInfo } from './resources';
import { STRATEGIES } from './strategies';
import { forbiddenMessage, RBACAuthorizer } from '../auth/rbac';
import { answerReview, REVIEW_RESOURCES } from '../auth/reviews';
import type { UserInfo } from '../auth/user';
import { admitQuota, InFlightCreates } from './quota-admission';
import {
  finalizeNamespace,
  immortalNamespaceRefusal,
  namespaceHasFinalizers,
} from './namespace-registry';

export const API_SERVER = 'kube-apiserver';
const HEX_DIGITS = '0123456789abcdef';
export const ETCD = 'etcd';

/** FieldRequirement is one term of a field selector: spec.nodeName=w1-k8s. */
export interface FieldRequirement {
  path: string;
  op: '=' | '!=';
  value: string;
}

interface Target {
  resource: string;
  namespace?: string;
  fieldValidation?: FieldValidation;
  /** who asks (kubectl, or whom it impersonates); components' own requests carry no user */
  user?: UserInfo;
}

export type ApiRequest =
  | (Target & { verb: 'get'; name: string })
  | (Target & { verb: 'list'; labelSelector?: LabelSelector; fieldSelector?: FieldRequirement[] })
  | (Target & { verb: 'create'; body: AnyObject; dryRun?: boolean })
  | (Target & { verb: 'bind'; name: string; body: Binding })
  | (Target & {
      verb: 'update';
      name: string;
      body: KubeObject;
      /** finalize is the namespaces/finalize subresource: it writes spec.finalizers only */
      subresource?: 'status' | 'finalize';
      dryRun?: boolean;
    })
  | (Target & {
      verb: 'patch';
      name: string;
      patchType: 'merge' | 'strategic';
      patch: unknown;
      subresource?: 'status';
      dryRun?: boolean;
    })
  | (Target & {
      verb: 'delete';
      name: string;
      gracePeriodSeconds?: number;
      propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
      preconditionUid?: string;
      dryRun?: boolean;
    })
  | (Target & { verb: 'logs'; name: string; container: string } & PodLogOptions)
  | (Target & { verb: 'evict'; name: string })
  | (Target & { verb: 'exec'; name: string; container: string; command: string[] });

export interface ApiResult {
  object?: KubeObject;
  items?: KubeObject[];
  resourceVersion: string;
  /** log lines (pods/log) or command output (pods/exec) relayed from the kubelet */
  lines?: string[];
  /** the exit code of a pods/exec command */
  exitCode?: number;
}

/**
 * A NodeConnection is the API server's link to a kubelet's own API (port 10250), over which
 * it streams logs and exec sessions. Answers are undefined when the container cannot serve them.
 */
/** The PodLogOptions a logs request carries (previous, sinceSeconds/sinceTime, timestamps). */
export interface PodLogOptions {
  previous?: boolean;
  /** only lines from the last this many seconds, counted by the kubelet's clock */
  sinceSeconds?: number;
  /** only lines logged at or after this simulated time */
  sinceTime?: number;
  /** prefix each line with its RFC 3339 timestamp, to the nanosecond */
  timestamps?: boolean;
}

export interface NodeConnection {
  logs(podUid: string, container: string, options: PodLogOptions): string[] | undefined;
  exec(
    podUid: string,
    container: string,
    command: string[],
  ): { exitCode: number; output: string[]; error?: string } | undefined;
}

export type ApiResponse = { ok: true; result: ApiResult } | { ok: false; error: StatusError };
export type ApiCallback = (response: ApiResponse) => void;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchOptions {
  component: string;
  resource: string;
  namespace?: string;
  fieldSelector?: FieldRequirement[];
  labelSelector?: LabelSelector;
}

/**
 * A WatchHandler hears one watch event. key is the object's cache key (`namespace/name`), made
 * once per event for every watcher: a fresh string would be hashed again by each cache it keys.
 */
export type WatchHandler = (type: WatchEventType, object: KubeObject, key: string) => void;

/** A Write is what a request would store; computed once to check, once more to commit. */
interface Write {
  key: string;
  info: ResourceInfo;
  /** the object to store, or undefined to delete the key */
  value?: KubeObject;
  /** returned to the caller: the stored object, or the deleted one */
  result: KubeObject;
  /** the key's mod revision the write was computed against (0: the key did not exist) */
  baseRevision: number;
}

interface Watcher extends WatchOptions {
  handler: WatchHandler;
  /** registration order: events reach watchers in it, whatever index found them */
  order: number;
  /** false once cancelled: events already in flight to it are dropped */
  active: boolean;
}

/**
 * WatcherIndex finds the watchers an event may concern without asking every one: watchers with
 * a single `field=value` selector (each kubelet's spec.nodeName) are found by that value.
 */
class WatcherIndex {
  private readonly general = new Map<string, Set<Watcher>>();
  /** each resource's general watchers in registration order; replaced, never changed, on (un)watch */
  private readonly generalLists = new Map<string, Watcher[]>();
  private readonly byField = new Map<string, Map<string, Map<string, Set<Watcher>>>>();
  private nextOrder = 0;

  add(options: WatchOptions, handler: WatchHandler): Watcher {
    const watcher: Watcher = { ...options, handler, order: this.nextOrder++, active: true };
    this.bucket(watcher, true).add(watcher);
    this.generalLists.delete(watcher.resource);
    return watcher;
  }

  remove(watcher: Watcher): void {
    if (this.bucket(watcher, false)?.delete(watcher)) watcher.active = false;
    this.generalLists.delete(watcher.resource);
  }

  /** candidates lists, in registration order, the watchers of resource that might match either object. */
  candidates(resource: string, value: KubeObject, prevValue: KubeObject | undefined): Watcher[] {
    let general = this.generalLists.get(resource);
    if (!general)
      this.generalLists.set(resource, (general = [...(this.general.get(resource) ?? [])]));
    const byPath = this.byField.get(resource);
    if (!byPath) return general;
    let found: Watcher[] | undefined;
    for (const path of byPath.keys()) {
      const byValue = byPath.get(path)!;
      const current = readField(value, path);
      for (const w of byValue.get(current) ?? NO_WATCHERS) (found ??= []).push(w);
      const previous = prevValue ? readField(prevValue, path) : current;
      if (previous !== current)
        for (const w of byValue.get(previous) ?? NO_WATCHERS) (found ??= []).push(w);
    }
    if (!found) return general;
    // found holds a watcher or two (the node's kubelet): insert them in order, no sort.
    const merged = general.slice();
    for (const w of found) {
      if (merged.includes(w)) continue;
      let at = merged.length;
      while (at > 0 && merged[at - 1]!.order > w.order) at--;
      merged.splice(at, 0, w);
    }
    return merged;
  }

  private bucket(watcher: Watcher, create: true): Set<Watcher>;
  private bucket(watcher: Watcher, create: false): Set<Watcher> | undefined;
  private bucket(watcher: Watcher, create: boolean): Set<Watcher> | undefined {
    const fields = watcher.fieldSelector ?? [];
    const [single] = fields;
    if (fields.length !== 1 || single!.op !== '=') {
      let set = this.general.get(watcher.resource);
      if (!set && create) this.general.set(watcher.resource, (set = new Set()));
      return set;
    }
    let byPath = this.byField.get(watcher.resource);
    if (!byPath && create) this.byField.set(watcher.resource, (byPath = new Map()));
    let byValue = byPath?.get(single!.path);
    if (!byValue && create) byPath!.set(single!.path, (byValue = new Map()));
    let set = byValue?.get(single!.value);
    if (!set && create) byValue!.set(single!.value, (set = new Set()));
    return set;
  }
}

const NO_WATCHERS: ReadonlySet<Watcher> = new Set();

/** A RequestMessage is a client's request on its way to kube-apiserver. */
class RequestMessage extends Message {
  constructor(
    private readonly from: string,
    private readonly request: ApiRequest,
    private readonly callback: ApiCallback | undefined,
    private readonly note: HopNote | undefined,
    private readonly receive: (request: ApiRequest, callback?: ApiCallback) => void,
  ) {
    super();
  }

  describe(): HopDraft {
    return {
      from: this.from,
      to: API_SERVER,
      channel: 'request',
      verb: requestVerb(this.request),
      object: requestObject(this.request),
      note: this.note,
    };
  }

  deliver(): void {
    this.receive(this.request, this.callback);
  }
}

/** A StorageMessage is kube-apiserver's transaction for a checked write on its way to etcd. */
class StorageMessage extends Message {
  /** the name the write was checked under (a generated name stays the same if checked again) */
  readonly fixedName: string;

  constructor(
    readonly request: ApiRequest,
    readonly callback: ApiCallback | undefined,
    readonly planned: Write,
    /** releases the quota admission charged for an admitted create */
    readonly settleQuota: (() => void) | undefined,
    private readonly store: (message: StorageMessage) => Partial<Hop> | undefined,
  ) {
    super();
    this.fixedName = planned.result.metadata.name;
  }

  describe(): HopDraft {
    return {
      from: API_SERVER,
      to: ETCD,
      channel: 'storage',
      verb: this.planned.value ? 'put' : 'delete',
      object: objectRef(this.planned.result),
      detail: this.planned.key,
    };
  }

  deliver(): Partial<Hop> | undefined {
    return this.store(this);
  }
}

/** A WatchMessage is one watch event on its way from kube-apiserver's watch cache to a watcher. */
class WatchMessage extends Message {
  constructor(
    private readonly watcher: Watcher,
    private readonly type: WatchEventType,
    private readonly object: KubeObject,
    private readonly key: string,
    private readonly revision: number,
  ) {
    super();
  }

  describe(): HopDraft {
    return {
      from: API_SERVER,
      to: this.watcher.component,
      channel: 'watch',
      verb: this.type,
      object: objectRef(this.object),
      revision: this.revision,
    };
  }

  deliver(): void {
    // A watcher cancelled while the event was in flight never hears of it.
    if (this.watcher.active) this.watcher.handler(this.type, this.object, this.key);
  }
}

/**
 * ApiServer is kube-apiserver: every component reads and writes cluster state only through it.
 * A write is checked when its request arrives, and stored (checked again, since the world may
 * have moved) when the transaction reaches etcd; watchers hear of it one hop later.
 */
export class ApiServer {
  private readonly watchers = new WatcherIndex();
  /** etcd key directory -> its resource, for dispatching every write to watchers */
  private readonly resourceByDirectory = new Map<string, ResourceInfo | undefined>();
  /** the last object stored of each resource, which the next one shares its equal parts with */
  private readonly lastStored = new Map<string, KubeObject>();
  /** admitted creates not yet in etcd, which quota admission counts as used */
  private readonly inFlightCreates = new InFlightCreates();
  /** the RBAC authorizer, reading roles and bindings from storage */
  readonly authorizer: RBACAuthorizer;

  constructor(
    private readonly etcd: EtcdStore,
    private readonly clock: Clock,
    private readonly names: Random,
    private readonly uids: Random,
    private readonly transport: Transport,
    /** the service IP and node-port allocators' random source */
    private readonly allocations: Random = new Random(0),
  ) {
    etcd.watch('/registry/', etcd.revision + 1, (event) => this.dispatch(event));
    this.authorizer = new RBACAuthorizer(etcd);
  }

  /** submit sends a request from a component as a hop; callback gets the response. */
  submit(from: string, request: ApiRequest, callback?: ApiCallback, note?: HopNote): void {
    this.transport.post(
      new RequestMessage(from, request, callback, note, this.receiveRequest),
      LATENCY.request,
    );
  }

  /** receiveRequest is receive, bound once for every request message to call. */
  private readonly receiveRequest = (request: ApiRequest, callback?: ApiCallback): void =>
    this.receive(request, callback);

  /** storeWrite is store, bound once for every storage message to call. */
  private readonly storeWrite = (message: StorageMessage): Partial<Hop> | undefined =>
    this.store(message);

  /** connectNodes gives the API server its connections to the kubelets, by node name. */
  connectNodes(connect: (node: string) => NodeConnection | undefined): void {
    this.nodeConnection = connect;
  }

  private nodeConnection: (node: string) => NodeConnection | undefined = () => undefined;

  /**
   * proxyToKubelet serves pods/log and pods/exec: the API server checks the pod and container,
   * then relays the request to the kubelet of the pod's node (one more hop).
   */
  private proxyToKubelet(
    request: Extract<ApiRequest, { verb: 'logs' | 'exec' }>,
    callback?: ApiCallback,
  ): void {
    let pod: Pod;
    try {
      pod = this.current(
        resourceInfo('pods')!,
        request.namespace ?? 'default',
        request.name,
      ) as Pod;
    } catch (error) {
      return respond(callback, error);
    }
    const container = request.container;
    const known = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some(
      (c) => c.name === container,
    );
    if (!known) {
      return respond(
        callback,
        badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`),
      );
    }
    const status = [
      ...(pod.status.containerStatuses ?? []),
      ...(pod.status.initContainerStatuses ?? []),
    ].find((c) => c.name === container);
    const waiting = status?.state.waiting;
    const previous = request.verb === 'logs' && request.previous === true;
    if (
      !pod.spec.nodeName ||
      (!previous && waiting && !status?.lastState.terminated && !status?.containerID)
    ) {
      const reason = waiting?.reason ?? 'ContainerCreating';
      return respond(
        callback,
        badRequest(
          `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`,
        ),
      );
    }
    const node = pod.spec.nodeName;
    this.transport.send(
      {
        from: API_SERVER,
        to: `kubelet@${node}`,
        channel: 'request',
        verb: request.verb === 'logs' ? 'get logs' : 'exec',
        object: objectRef(pod),
        detail: container,
      },
      LATENCY.request,
      () => {
        const kubelet = this.nodeConnection(node);
        if (request.verb === 'logs') {
          const lines = kubelet?.logs(pod.metadata.uid, container, {
            previous,
            sinceSeconds: request.sinceSeconds,
            sinceTime: request.sinceTime,
            timestamps: request.timestamps,
          });
          if (!lines) {
            return respond(
              callback,
              badRequest(
                previous
                  ? `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`
                  : `container "${container}" in pod "${pod.metadata.name}" is not available`,
              ),
            );
          }
          callback?.({ ok: true, result: { lines, resourceVersion: '' } });
          return;
        }
        const result = kubelet?.exec(pod.metadata.uid, container, request.command);
        if (!result) {
          return respond(
            callback,
            badRequest(`unable to upgrade connection: container not found ("${container}")`),
          );
        }
        if (result.error) {
          return respond(
            callback,
            internalError(`error executing command in container: ${result.error}`),
          );
        }
        callback?.({
          ok: true,
          result: { lines: result.output, exitCode: result.exitCode, resourceVersion: '' },
        });
      },
    );
  }

  /**
   * evict is the pods/eviction subresource: a delete that first asks the pod's
   * PodDisruptionBudget. A healthy pod whose budget allows no more disruptions is refused with
   * 429; otherwise the budget is debited and the pod deleted gracefully, in one transaction.
   */
  private evict(request: Extract<ApiRequest, { verb: 'evict' }>, callback?: ApiCallback): void {
    const namespace = request.namespace ?? 'default';
    let pod: Pod;
    try {
      pod = this.current(resourceInfo('pods')!, namespace, request.name) as Pod;
    } catch (error) {
      return respond(callback, error);
    }
    const budgets = this.etcd
      .range(`/registry/poddisruptionbudgets/${namespace}/`)
      .map((kv) => kv.value as PodDisruptionBudget)
      .filter((pdb) => matchesSelector(pdb.spec.selector, pod.metadata.labels));
    if (budgets.length > 1) {
      return respond(
        callback,
        new StatusError({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message:
            'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
          reason: 'InternalError',
          code: 500,
        }),
      );
    }
    const budget = budgets[0];
    const healthy = isPodReady(pod) && pod.metadata.deletionTimestamp === undefined;
    if (budget && healthy && budget.status.disruptionsAllowed <= 0) {
      return respond(
        callback,
        tooManyRequests("Cannot evict pod as it would violate the pod's disruption budget."),
      );
    }
    this.transport.send(
      {
        from: API_SERVER,
        to: ETCD,
        channel: 'storage',
        verb: 'delete',
        object: objectRef(pod),
        detail: etcdKey(resourceInfo('pods')!, namespace, pod.metadata.name),
      },
      LATENCY.storage,
      () => {
        try {
          if (budget && healthy) {
            this.execute({
              verb: 'update',
              resource: 'poddisruptionbudgets',
              namespace,
              name: budget.metadata.name,
              subresource: 'status',
              body: {
                ...budget,
                metadata: { ...budget.metadata, resourceVersion: '' },
                status: {
                  ...budget.status,
                  disruptionsAllowed: budget.status.disruptionsAllowed - 1,
                  disruptedPods: {
                    ...budget.status.disruptedPods,
                    [pod.metadata.name]: toTimestamp(this.clock.now),
                  },
                },
              } as PodDisruptionBudget,
            });
          }
          const result = this.execute({
            verb: 'delete',
            resource: 'pods',
            namespace,
            name: pod.metadata.name,
          });
          callback?.({ ok: true, result });
          return { revision: this.etcd.revision };
        } catch (error) {
          respond(callback, error);
          return undefined;
        }
      },
    );
  }

  private receive(request: ApiRequest, callback?: ApiCallback): void {
    if (request.user) {
      if (request.verb === 'create' && REVIEW_RESOURCES.includes(request.resource)) {
        const object = answerReview(request.resource, request.body, request.user, this.authorizer);
        return callback?.({
          ok: true,
          result: { object: object as unknown as KubeObject, resourceVersion: '' },
        });
      }
      const refusal = this.authorize(request, request.user);
      if (refusal) return respond(callback, refusal);
    }
    if (request.verb === 'logs' || request.verb === 'exec')
      return this.proxyToKubelet(request, callback);
    if (request.verb === 'evict') return this.evict(request, callback);
    let planned: ApiResult | Write;
    try {
      planned = this.plan(request);
    } catch (error) {
      return respond(callback, error);
    }
    if (!isWrite(planned)) return callback?.({ ok: true, result: planned });
    if ('dryRun' in request && request.dryRun) {
      return callback?.({ ok: true, result: { object: planned.result, resourceVersion: '' } });
    }
    const settleQuota =
      request.verb === 'create' && planned.value
        ? this.inFlightCreates.charge(planned.info, planned.value)
        : undefined;
    this.transport.post(
      new StorageMessage(request, callback, planned, settleQuota, this.storeWrite),
      LATENCY.storage,
    );
  }

  /** store is a planned write reaching etcd; it returns what the storage hop learned. */
  private store(message: StorageMessage): Partial<Hop> | undefined {
    const { request, callback, planned } = message;
    message.settleQuota?.();
    try {
      // Unchanged since the request was checked: etcd takes what was planned (its
      // compare-and-swap tells). Otherwise check again against what is there now.
      let write = planned;
      let result = this.tryCommit(planned);
      if (!result) {
        const replanned = this.plan(request, message.fixedName);
        if (!isWrite(replanned)) {
          callback?.({ ok: true, result: replanned });
          return undefined;
        }
        write = replanned;
        result = this.commit(write);
      }
      callback?.({ ok: true, result });
      return { revision: Number(result.resourceVersion), detail: write.key };
    } catch (error) {
      respond(callback, error);
      return undefined;
    }
  }

  /**
   * authorize asks RBAC about a user's request (the WithAuthorization filter) and returns the
   * Forbidden error to answer with, if refused.
   */
  private authorize(request: ApiRequest, user: UserInfo): StatusError | undefined {
    const info = resourceInfo(request.resource);
    const [verb, subresource] = AUTHORIZATION_VERBS[request.verb];
    const name = 'name' in request ? request.name : undefined;
    const attrs = {
      user,
      verb,
      apiGroup: info?.group ?? '',
      resource: request.resource,
      subresource:
        'subresource' in request && request.subresource ? request.subresource : subresource,
      namespace: info?.namespaced === false ? undefined : request.namespace,
      name,
    };
    const decision = this.authorizer.authorize(attrs);
    if (decision.allowed) return undefined;
    const why = forbiddenMessage(attrs) + (decision.reason ? `: ${decision.reason}` : '');
    const qualified = info?.group ? `${request.resource}.${info.group}` : request.resource;
    return forbidden(`${qualified}${name ? ` "${name}"` : ''} is forbidden: ${why}`);
  }

  /** execute performs a request at once, without hops: for cluster bootstrap and tests. */
  execute(request: ApiRequest): ApiResult {
    const planned = this.plan(request);
    if (!isWrite(planned)) return planned;
    if ('dryRun' in request && request.dryRun)
      return { object: planned.result, resourceVersion: '' };
    return this.commit(planned);
  }

  /** watch registers a watcher; events reach it as hops. Returns the cancel function. */
  watch(options: WatchOptions, handler: WatchHandler): () => void {
    const watcher = this.watchers.add(options, handler);
    return () => this.watchers.remove(watcher);
  }

  /** list reads a collection directly (an informer's initial list at start-up). */
  list(resource: string, namespace?: string, fieldSelector?: FieldRequirement[]): KubeObject[] {
    return this.execute({ verb: 'list', resource, namespace, fieldSelector }).items ?? [];
  }

  get revision(): number {
    return this.etcd.revision;
  }

  private commit(write: Write): ApiResult {
    return this.tryCommit(write)!;
  }

  /** tryCommit stores a write if its key is still at the revision it was planned against. */
  private tryCommit(write: Write): ApiResult | undefined {
    if (write.value) {
      // The value (built by plan, never shared with the caller) takes the revision etcd will give it.
      write.value.metadata.resourceVersion = String(this.etcd.revision + 1);
      const kv = this.etcd.put(write.key, write.value, write.baseRevision);
      if (!kv) return undefined;
      // Frozen once stored (watchers only see it from their next hop on), sharing what it has
      // in common with the last object stored of its resource.
      freezeSharing(kv.value, this.lastStored.get(write.info.resource));
      this.lastStored.set(write.info.resource, kv.value);
      return { object: kv.value, resourceVersion: String(kv.modRevision) };
    }
    if (!this.etcd.delete(write.key, write.baseRevision)) return undefined;
    return { object: write.result, resourceVersion: String(this.etcd.revision) };
  }

  private plan(request: ApiRequest, fixedName?: string): ApiResult | Write {
    const info = resourceInfo(request.resource);
    if (!info) {
      throw new StatusError({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        code: 404,
      });
    }
    const namespace = info.namespaced ? (request.namespace ?? 'default') : undefined;
    if (request.fieldValidation && (request.verb === 'create' || request.verb === 'update'))
      decodeBody(info, request.body, request.fieldValidation);
    switch (request.verb) {
      case 'get': {
        const kv = this.etcd.get(etcdKey(info, namespace, request.name));
        if (!kv) throw notFound(info.resource, info.group, request.name);
        return { object: kv.value, resourceVersion: String(kv.modRevision) };
      }
      case 'list': {
        const scoped = !info.namespaced || request.namespace !== undefined;
        const name = scoped ? singleName(request.fieldSelector) : undefined;
        // metadata.name=NAME in one namespace names one key: the registry reads it alone
        // (MatchesSingle), rather than ranging over every object of the resource.
        const kvs =
          name !== undefined
            ? [this.etcd.get(etcdKey(info, namespace, name))].filter((kv) => kv !== undefined)
            : this.etcd.range(
                info.namespaced && request.namespace
                  ? `${info.etcdPrefix}${request.namespace}/`
                  : info.etcdPrefix,
              );
        const items = kvs
          .map((kv) => kv.value)
          .filter((obj) => selects(obj, request.labelSelector, request.fieldSelector));
        return { items, resourceVersion: String(this.etcd.revision) };
      }
      case 'create':
        return this.planCreate(info, namespace, request.body, fixedName);
      case 'bind':
        return this.planBind(info, namespace!, request.name, request.body);
      case 'update':
        return this.planUpdate(info, namespace, request.name, request.body, request.subresource);
      case 'patch': {
        const current = this.current(info, namespace, request.name);
        const apply = request.patchType === 'merge' ? applyMergePatch : applyStrategicMergePatch;
        const patched = apply(current, request.patch) as KubeObject;
        if (request.fieldValidation)
          decodePatched(info, patched, request.patch, request.fieldValidation);
        const patchedRv = (request.patch as { metadata?: { resourceVersion?: string } } | null)
          ?.metadata?.resourceVersion;
        // A patch applies to the latest object unless it names a resourceVersion itself.
        const body = patchedRv
          ? patched
          : {
              ...patched,
              metadata: { ...patched.metadata, resourceVersion: current.metadata.resourceVersion },
            };
        return this.planUpdate(info, namespace, request.name, body, request.subresource);
      }
      case 'delete':
        return this.planDelete(info, namespace, request);
      case 'logs':
      case 'exec':
      case 'evict':
        throw badRequest(`${request.verb} is served by the kubelet, through a request`);
    }
  }

  /** others lists every stored object of a resource except self (what allocators must avoid). */
  private others(info: ResourceInfo, self?: KubeObject): KubeObject[] {
    return this.etcd
      .range(info.etcdPrefix)
      .map((kv) => kv.value)
      .filter((o) => o.metadata.uid !== self?.metadata.uid);
  }

  private current(info: ResourceInfo, namespace: string | undefined, name: string): KubeObject {
    const kv = this.etcd.get(etcdKey(info, namespace, name));
    if (!kv) throw notFound(info.resource, info.group, name);
    return kv.value;
  }

  private planCreate(
    info: ResourceInfo,
    namespace: string | undefined,
    body: AnyObject,
    fixedName: string | undefined,
  ): Write {
    const obj = clone(body) as unknown as KubeObject;
    if (obj.kind !== undefined && obj.kind !== info.kind) {
      throw badRequest(
        `the kind in the data (${String(obj.kind)}) does not match the expected kind (${info.kind})`,
      );
    }
    obj.kind = info.kind;
    obj.apiVersion = info.group === '' ? info.version : `${info.group}/${info.version}`;
    const meta = (obj.metadata ??= {} as KubeObject['metadata']);
    if (info.namespaced) {
      if (meta.namespace !== undefined && meta.namespace !== namespace) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      meta.namespace = namespace;
      this.requireActiveNamespace(info, namespace!, meta.name);
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName) {
      meta.name = fixedName ?? `${meta.generateName.slice(0, 58)}${randomSuffix(this.names)}`;
      if (this.etcd.get(etcdKey(info, namespace, meta.name))) {
        meta.name = `${meta.generateName.slice(0, 58)}${randomSuffix(this.names)}`;
      }
    }
    const strategy = STRATEGIES[info.resource]!;
    strategy.applyDefaults(obj);
    strategy.admit?.(obj, this.names, this.etcd);
    strategy.prepareForCreate(obj);
    const allocated = strategy.allocate?.(obj, undefined, this.others(info), this.allocations);
    if (allocated?.length) throw invalid(info.kind, info.group, meta.name ?? '', allocated);
    meta.uid = this.uuid();
    meta.creationTimestamp = toTimestamp(this.clock.now);
    if (info.tracksGeneration) meta.generation = 1;
    // Only when present: deleting a field V8 would otherwise just skip costs a runtime call.
    if ('deletionTimestamp' in meta) delete meta.deletionTimestamp;
    if ('deletionGracePeriodSeconds' in meta) delete meta.deletionGracePeriodSeconds;
    const errors = strategy.validate(obj);
    if (errors.length > 0) throw invalid(info.kind, info.group, meta.name ?? '', errors);
    admitQuota(info, obj, this.etcd, this.inFlightCreates);
    const key = etcdKey(info, namespace, meta.name);
    if (this.etcd.get(key)) throw alreadyExists(info.resource, info.group, meta.name);
    return { key, info, value: obj, result: obj, baseRevision: 0 };
  }

  private requireActiveNamespace(info: ResourceInfo, namespace: string, name?: string): void {
    const ns = this.etcd.get(`/registry/namespaces/${namespace}`)?.value as
      { status?: { phase?: string } } | undefined;
    if (!ns) throw notFound('namespaces', '', namespace);
    if (ns.status?.phase === 'Terminating') {
      const resource = info.group ? `${info.resource}.${info.group}` : info.resource;
      throw namespaceTerminating(resource, name, namespace);
    }
  }

  private planBind(info: ResourceInfo, namespace: string, name: string, binding: Binding): Write {
    const pod = this.current(info, namespace, name) as Pod;
    if (pod.spec.nodeName) {
      throw conflict(
        'pods/binding',
        '',
        name,
        `pod ${name} is already assigned to node "${pod.spec.nodeName}"`,
      );
    }
    if (pod.metadata.deletionTimestamp) {
      throw conflict(
        'pods/binding',
        '',
        name,
        `pod ${name} is being deleted, cannot be assigned to a host`,
      );
    }
    const now = toTimestamp(this.clock.now);
    const others = (pod.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    const next: Pod = {
      ...pod,
      metadata: { ...pod.metadata },
      spec: { ...pod.spec, nodeName: binding.target.name },
      status: {
        ...pod.status,
        conditions: [
          ...others,
          { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
        ],
      },
    };
    const key = etcdKey(info, namespace, name);
    return {
      key,
      info,
      value: next,
      result: next,
      baseRevision: Number(pod.metadata.resourceVersion),
    };
  }

  private planUpdate(
    info: ResourceInfo,
    namespace: string | undefined,
    name: string,
    body: KubeObject,
    subresource: 'status' | 'finalize' | undefined,
  ): ApiResult | Write {
    const old = this.current(info, namespace, name);
    const rv = body.metadata?.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== old.metadata.resourceVersion) {
      throw conflict(info.resource, info.group, name, OBJECT_MODIFIED);
    }
    if (body.metadata?.name !== undefined && body.metadata.name !== name) {
      throw badRequest('the name of the object does not match the name on the URL');
    }
    // Copy on write: the new version shares every part it does not change with the old one
    // (stored objects are frozen), so only what a request touches is copied and compared.
    let next: KubeObject & { spec?: unknown; status?: unknown };
    const previous = old as KubeObject & { spec?: unknown; status?: unknown };
    if (subresource === 'status') {
      next = {
        ...previous,
        metadata: { ...old.metadata },
        status: (body as { status?: unknown }).status,
      };
    } else if (subresource === 'finalize') {
      next = finalizeNamespace(old as Namespace, body as Namespace);
    } else {
      next = {
        ...(body as KubeObject & { spec?: unknown }),
        kind: old.kind,
        apiVersion: old.apiVersion,
        metadata: {
          ...body.metadata,
          name: old.metadata.name,
          namespace: old.metadata.namespace,
          uid: old.metadata.uid,
          creationTimestamp: old.metadata.creationTimestamp,
          generation: old.metadata.generation,
          deletionTimestamp: old.metadata.deletionTimestamp,
          deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
        },
      };
      if (!info.namespaced) delete next.metadata.namespace;
      if (old.metadata.deletionTimestamp === undefined) delete next.metadata.deletionTimestamp;
      if (old.metadata.deletionGracePeriodSeconds === undefined)
        delete next.metadata.deletionGracePeriodSeconds;
      if (old.metadata.generation === undefined) delete next.metadata.generation;
      if (info.hasStatus) next.status = previous.status;
      if (next.spec !== previous.spec || next.metadata.labels !== old.metadata.labels) {
        // What changed is checked as on create: defaulted, then validated.
        if (next.spec !== undefined) next.spec = clone(next.spec);
        const strategy = STRATEGIES[info.resource]!;
        strategy.applyDefaults(next);
        const allocated = strategy.allocate?.(next, old, this.others(info, old), this.allocations);
        if (allocated?.length) throw invalid(info.kind, info.group, name, allocated);
        const errors = [
          ...strategy.validate(next),
          ...(strategy.validateUpdate?.(next, old) ?? []),
        ];
        if (errors.length > 0) throw invalid(info.kind, info.group, name, errors);
        if (info.tracksGeneration && !deepEqual(next.spec, previous.spec)) {
          next.metadata.generation = (old.metadata.generation ?? 0) + 1;
        }
      }
    }
    next.metadata.resourceVersion = old.metadata.resourceVersion;
    if (deepEqual(next, old)) {
      return { object: old, resourceVersion: old.metadata.resourceVersion };
    }
    const key = etcdKey(info, namespace, name);
    if (
      next.metadata.deletionTimestamp &&
      (next.metadata.finalizers ?? []).length === 0 &&
      !namespaceHasFinalizers(next)
    ) {
      return { key, info, result: next, baseRevision: Number(old.metadata.resourceVersion) };
    }
    return {
      key,
      info,
      value: next,
      result: next,
      baseRevision: Number(old.metadata.resourceVersion),
    };
  }

  private planDelete(
    info: ResourceInfo,
    namespace: string | undefined,
    request: Extract<ApiRequest, { verb: 'delete' }>,
  ): Write | ApiResult {
    const old = this.current(info, namespace, request.name);
    const key = etcdKey(info, namespace, request.name);
    if (request.preconditionUid && request.preconditionUid !== old.metadata.uid) {
      throw conflict(
        info.resource,
        info.group,
        request.name,
        `Precondition failed: UID in precondition: ${request.preconditionUid}, UID in object meta: ${old.metadata.uid}`,
      );
    }
    if (info.resource === 'namespaces') {
      const refusal = immortalNamespaceRefusal(request.name);
      if (refusal) throw refusal;
    }
    if (namespaceHasFinalizers(old)) return this.planNamespaceTermination(info, old as Namespace);
    const next = { ...old, metadata: { ...old.metadata } };
    const finalizers = new Set(next.metadata.finalizers ?? []);
    if (request.propagationPolicy === 'Foreground') finalizers.add('foregroundDeletion');
    if (request.propagationPolicy === 'Orphan') finalizers.add('orphan');
    let grace = 0;
    if (info.resource === 'pods')
      grace = this.podGracePeriod(old as Pod, request.gracePeriodSeconds);
    if (finalizers.size === 0 && grace === 0)
      return { key, info, result: old, baseRevision: Number(old.metadata.resourceVersion) };
    if (finalizers.size > 0) next.metadata.finalizers = [...finalizers];
    const deadline = toTimestamp(this.clock.now + grace * 1000);
    const current = old.metadata.deletionTimestamp;
    if (current === undefined || deadline < current) {
      next.metadata.deletionTimestamp = deadline;
      next.metadata.deletionGracePeriodSeconds = grace;
    }
    if (deepEqual(next, old)) return { object: old, resourceVersion: old.metadata.resourceVersion };
    return {
      key,
      info,
      value: next,
      result: next,
      baseRevision: Number(old.metadata.resourceVersion),
    };
  }

  /**
   * planNamespaceTermination is the namespace registry's Delete while spec.finalizers remain: the
   * first request marks the namespace Terminating (deletionTimestamp set, phase Terminating), and
   * it stays until the namespace controller has emptied it and finalized it.
   */
  private planNamespaceTermination(info: ResourceInfo, old: Namespace): Write | ApiResult {
    if (old.metadata.deletionTimestamp)
      return { object: old, resourceVersion: old.metadata.resourceVersion };
    const next: Namespace = {
      ...old,
      metadata: { ...old.metadata, deletionTimestamp: toTimestamp(this.clock.now) },
      status: { ...old.status, phase: 'Terminating' },
    };
    return {
      key: etcdKey(info, undefined, old.metadata.name),
      info,
      value: next,
      result: next,
      baseRevision: Number(old.metadata.resourceVersion),
    };
  }

  /**
   * podGracePeriod: a pod that never reached a node, or has finished, goes at once; others get
   * their terminationGracePeriodSeconds (or the request's), and the kubelet deletes them for good.
   */
  /** resourceOfKey finds the resource an etcd key belongs to, by its directory (prefixes end in `/`). */
  private resourceOfKey(key: string): ResourceInfo | undefined {
    const directory = key.slice(0, key.lastIndexOf('/') + 1);
    if (!this.resourceByDirectory.has(directory))
      this.resourceByDirectory.set(
        directory,
        RESOURCES.find((r) => directory.startsWith(r.etcdPrefix)),
      );
    return this.resourceByDirectory.get(directory);
  }

  private podGracePeriod(pod: Pod, requested: number | undefined): number {
    if (!pod.spec.nodeName) return 0;
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return 0;
    return Math.max(0, requested ?? pod.spec.terminationGracePeriodSeconds ?? 30);
  }

  private dispatch(event: EtcdEvent): void {
    const info = this.resourceOfKey(event.key);
    if (!info) return;
    let key: string | undefined;
    for (const watcher of this.watchers.candidates(info.resource, event.value, event.prevValue)) {
      const before = watches(watcher, event.prevValue);
      const now = event.type === 'PUT' && watches(watcher, event.value);
      let type: WatchEventType | undefined;
      if (now) type = before ? 'MODIFIED' : 'ADDED';
      else if (before) type = 'DELETED';
      if (!type) continue;
      this.transport.post(
        new WatchMessage(
          watcher,
          type,
          event.value,
          (key ??= objectKey(event.value)),
          event.revision,
        ),
        LATENCY.watch,
      );
    }
  }

  /** uuid draws a version 4 UUID: the variant digit first, then the hex digits left to right. */
  private uuid(): string {
    const variant = HEX_DIGITS[8 + this.uids.int(4)]!;
    // One join, not a template of parts: each uid is kept for the object's life, so keep it flat.
    for (const at of UUID_DIGITS) UUID_CHARS[at] = HEX_DIGITS[this.uids.int(16)]!;
    UUID_CHARS[UUID_VARIANT] = variant;
    return UUID_CHARS.join('');
  }
}

/**
 * A UUID's characters, refilled for every uid (the dashes and version 4 stay): joined at once,
 * with no array of parts to grow per uid.
 */
const UUID_CHARS = [...'00000000-0000-4000-0000-000000000000'];
/** where the variant digit goes, and the random digits in the order they are drawn */
const UUID_VARIANT = 19;
const UUID_DIGITS = UUID_CHARS.flatMap((c, at) => (c === '0' && at !== UUID_VARIANT ? [at] : []));

/** AUTHORIZATION_VERBS maps a request to the verb (and subresource) RBAC rules name. */
const AUTHORIZATION_VERBS: Record<ApiRequest['verb'], [string, string?]> = {
  get: ['get'],
  list: ['list'],
  create: ['create'],
  bind: ['create', 'binding'],
  update: ['update'],
  patch: ['patch'],
  delete: ['delete'],
  logs: ['get', 'log'],
  evict: ['create', 'eviction'],
  exec: ['create', 'exec'],
};

function isWrite(planned: ApiResult | Write): planned is Write {
  return 'key' in planned;
}

function respond(callback: ApiCallback | undefined, error: unknown): void {
  if (!(error instanceof StatusError)) throw error;
  callback?.({ ok: false, error });
}

/** Field selector paths, split once: every watch event reads spec.nodeName. */
const fieldPaths = new Map<string, string[]>();

/** readField follows a dotted path (spec.nodeName) into an object; absent reads as "". */
function readField(obj: unknown, path: string): string {
  let value: unknown = obj;
  let parts = fieldPaths.get(path);
  if (!parts) fieldPaths.set(path, (parts = path.split('.')));
  for (const part of parts) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined || value === null ? '' : String(value);
}

/** singleName is the name a field selector pins with metadata.name=NAME, if it does. */
function singleName(fields: FieldRequirement[] | undefined): string | undefined {
  return fields?.find((req) => req.path === 'metadata.name' && req.op === '=')?.value;
}

/** watches tells whether obj is in what watcher asked to see. */
function watches(watcher: Watcher, obj: KubeObject | undefined): boolean {
  return (
    obj !== undefined &&
    (watcher.namespace === undefined || obj.metadata.namespace === watcher.namespace) &&
    selects(obj, watcher.labelSelector, watcher.fieldSelector)
  );
}

function selects(obj: KubeObject, labels?: LabelSelector, fields?: FieldRequirement[]): boolean {
  if (labels && !matchesSelector(labels, obj.metadata.labels)) return false;
  for (const req of fields ?? []) {
    const value = readField(obj, req.path);
    if (req.op === '=' ? value !== req.value : value === req.value) return false;
  }
  return true;
}

/** objectRef names an object in a hop. */
export function objectRef(obj: KubeObject): HopObject {
  return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name };
}

function requestVerb(request: ApiRequest): string {
  if ('subresource' in request && request.subresource)
    return `${request.verb} ${request.subresource}`;
  return request.verb;
}

function requestObject(request: ApiRequest): HopObject {
  const info = resourceInfo(request.resource);
  const kind = info?.kind ?? request.resource;
  const namespace = info?.namespaced ? (request.namespace ?? 'default') : undefined;
  switch (request.verb) {
    case 'list':
      return { kind: request.resource, namespace, name: '' };
    case 'create': {
      const meta = (request.body.metadata ?? {}) as { name?: string; generateName?: string };
      return { kind, namespace, name: meta.name ?? meta.generateName ?? '' };
    }
    default:
      return { kind, namespace, name: request.name };
  }
}
