import type { Pod } from '../../api/types';
import { AtomicWriterFiles, LazyContent, type Payload } from '../../kubelet/atomic-writer';
import { fieldValue, readSource, type ObjectReader } from '../../kubelet/container-config';
import { sha256 } from '../../network/hash';
import { ROOT_CA_CONFIGMAP } from '../rootcacertpublisher/root-ca';
import { KUBELET_TOKEN_SECONDS, serviceAccountToken } from './token';

/**
 * The kubelet's token manager asks for a new token once 80% of the lifetime it asked for has
 * passed (requiresRefresh: within 20% of expiration), not the extended year.
 */
const TOKEN_REFRESH_FRACTION = 0.8;

interface KeyToPath {
  key: string;
  path: string;
}

/** A VolumeProjection is one source of a projected volume (core/v1 VolumeProjection). */
interface VolumeProjection {
  serviceAccountToken?: { path: string; expirationSeconds?: number; audience?: string };
  configMap?: { name: string; items?: KeyToPath[]; optional?: boolean };
  secret?: { name: string; items?: KeyToPath[]; optional?: boolean };
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath: string } }[] };
}

export type ProjectedSetUp = { ok: true; volume: ProjectedVolume } | { ok: false; message: string };

interface IssuedToken {
  /** the projection's path */
  path: string;
  /** the JWT, signed when the file is first read: its claims are fixed when it is issued */
  token: LazyContent;
  issuedAtMs: number;
  expirationSeconds: number;
}

/**
 * downwardValue is a downwardAPI volume file: a field's value, or for metadata.labels and
 * metadata.annotations one `key="value"` line per entry, sorted by key.
 */
function downwardValue(pod: Pod, path: string): string {
  if (path === 'metadata.labels' || path === 'metadata.annotations') {
    const map = (path === 'metadata.labels' ? pod.metadata.labels : pod.metadata.annotations) ?? {};
    return Object.keys(map)
      .sort()
      .map((k) => `${k}=${JSON.stringify(map[k])}`)
      .join('\n');
  }
  return fieldValue(pod, path);
}

/**
 * atomicDirectory is the name the kubelet's AtomicWriter gives each version of a volume's
 * payload: `..` and the UTC time, then os.MkdirTemp's random number (here from the payload, so
 * a run always writes the same names).
 */
function atomicDirectory(nowMs: number, salt: string): string {
  const stamp = new Date(nowMs).toISOString().slice(0, 19).replace(/[-T:]/g, '_');
  const digest = sha256(`${salt}\n${nowMs}`);
  const random = ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
  return `..${stamp}.${random}`;
}

/**
 * ProjectedVolume is the kubelet's projected volume plugin, which is how every pod gets its
 * kube-api-access-xxxxx volume: a service account token from TokenRequest, the cluster CA from
 * the kube-root-ca.crt ConfigMap, and the namespace from the downward API. Files are laid out
 * as the AtomicWriter leaves them: the payload in a timestamped directory, `..data` naming it,
 * and each top-level name pointing into `..data`.
 */
export class ProjectedVolume {
  readonly files = new AtomicWriterFiles();
  readonly readOnly = true;
  /** the tokens last issued, one per serviceAccountToken path (a volume has one or none) */
  private tokens: IssuedToken[] = [];

  constructor(
    private readonly sources: readonly VolumeProjection[],
    private readonly nodeName: string,
    private readonly read: ObjectReader,
    private readonly now: () => number,
  ) {}

  /**
   * refresh rewrites the files from the pod as it is now and the objects' current data, with a
   * new token once the last is due for rotation. A source gone after the mount leaves the files
   * as they were, as the kubelet does.
   */
  refresh(pod: Pod): void {
    const next = this.payload(pod);
    if (typeof next !== 'string') this.write(pod, next);
  }

  /** setUp writes the first payload, or says why it cannot be gathered. */
  setUp(pod: Pod): string | undefined {
    const first = this.payload(pod);
    if (typeof first === 'string') return first;
    this.write(pod, first);
    return undefined;
  }

  /** write swaps in the payload, in a directory named for the time it was written. */
  private write(pod: Pod, next: Payload): void {
    const writtenAtMs = this.now();
    const uid = pod.metadata.uid;
    this.files.write(next, () => atomicDirectory(writtenAtMs, uid));
  }

  /** token is the projection's current token, asked for anew once 80% of its lifetime has passed. */
  private token(
    pod: Pod,
    projection: NonNullable<VolumeProjection['serviceAccountToken']>,
  ): LazyContent | string {
    const index = this.tokens.findIndex((t) => t.path === projection.path);
    const current = this.tokens[index];
    const fresh =
      current &&
      this.now() - current.issuedAtMs < current.expirationSeconds * 1000 * TOKEN_REFRESH_FRACTION;
    if (fresh) return current.token;
    const issued = this.issue(pod, projection);
    if (typeof issued === 'string') return issued;
    if (current) this.tokens[index] = issued;
    // A new array rather than a push, which would leave room for 16 more.
    else this.tokens = [...this.tokens, issued];
    return issued.token;
  }

  /** issue asks the API server for a token bound to the pod (TokenRequest), or says why it cannot. */
  private issue(
    pod: Pod,
    projection: NonNullable<VolumeProjection['serviceAccountToken']>,
  ): IssuedToken | string {
    const { read, nodeName } = this;
    const namespace = pod.metadata.namespace ?? 'default';
    const name = pod.spec.serviceAccountName ?? 'default';
    const sa = read('serviceaccounts', namespace, name);
    if (!sa) return `failed to fetch token: serviceaccounts "${name}" not found`;
    const node = read('nodes', undefined, nodeName);
    // The API server signs with the key kubeadm made beside the cluster CA: one per cluster.
    const signingKey =
      readSource(read, 'configmap', 'kube-system', ROOT_CA_CONFIGMAP)?.data['ca.crt'] ?? '';
    const expirationSeconds = projection.expirationSeconds ?? KUBELET_TOKEN_SECONDS;
    const issuedAtMs = this.now();
    // The claims as plain values until the token is read: most never are.
    const saUid = sa.metadata.uid;
    const { name: podName, uid: podUid } = pod.metadata;
    const bound = node !== undefined;
    const nodeUid = node?.metadata.uid;
    const token = new LazyContent(() =>
      serviceAccountToken({
        namespace,
        serviceAccount: { name, uid: saUid },
        pod: { name: podName, uid: podUid },
        ...(bound ? { node: { name: nodeName, uid: nodeUid! } } : {}),
        issuedAtMs,
        expirationSeconds,
        signingKey,
      }),
    );
    return { path: projection.path, token, issuedAtMs, expirationSeconds };
  }

  /** payload gathers every source's files, or the first error, as the plugin's collectData does. */
  private payload(pod: Pod): Payload | string {
    const namespace = pod.metadata.namespace ?? 'default';
    const out = new Map<string, string | LazyContent>();
    for (const source of this.sources) {
      if (source.serviceAccountToken) {
        const token = this.token(pod, source.serviceAccountToken);
        if (typeof token === 'string') return token;
        out.set(source.serviceAccountToken.path, token);
      }
      const object = source.configMap ?? source.secret;
      if (object) {
        const kind = source.configMap ? 'configmap' : 'secret';
        const found = readSource(this.read, kind, namespace, object.name);
        if (!found) {
          if (object.optional) continue;
          return `${kind} "${object.name}" not found`;
        }
        const items = object.items ?? Object.keys(found.data).map((key) => ({ key, path: key }));
        for (const { key, path } of items) {
          const value = found.data[key];
          if (value === undefined) {
            if (object.optional) continue;
            return `${kind === 'configmap' ? 'configmap' : 'secret'} references non-existent ${kind === 'configmap' ? 'config' : 'secret'} key: ${key}`;
          }
          out.set(path, value);
        }
      }
      for (const item of source.downwardAPI?.items ?? [])
        if (item.fieldRef) out.set(item.path, downwardValue(pod, item.fieldRef.fieldPath));
    }
    return out;
  }
}

/** setUpProjectedVolume mounts a projected volume for a pod (MountVolume.SetUp). */
export function setUpProjectedVolume(
  pod: Pod,
  sources: readonly unknown[],
  nodeName: string,
  read: ObjectReader,
  now: () => number,
): ProjectedSetUp {
  const volume = new ProjectedVolume(sources as VolumeProjection[], nodeName, read, now);
  const error = volume.setUp(pod);
  return error === undefined ? { ok: true, volume } : { ok: false, message: error };
}
