import { parseAllDocuments } from 'yaml';
import { etcdKey, resourceForKind, type Cluster, type KubeObject } from '../../engine';

/** ManifestDocument is one YAML document of the editor: its text and the object it names. */
export interface ManifestDocument {
  text: string;
  /** the document parsed */
  object: unknown;
  kind: string;
  name: string;
  namespace: string | undefined;
}

/**
 * documentAt is the YAML document around offset (the cursor) in a multi-document manifest, or
 * undefined when it does not name an object (no kind or metadata.name, or not YAML).
 */
export function documentAt(text: string, offset: number): ManifestDocument | undefined {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return undefined;
  const document =
    documents.find((doc) => offset >= doc.range[0] && offset <= doc.range[2]) ?? documents[0];
  if (!document || document.errors.length > 0) return undefined;
  const value: unknown = document.toJS();
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, metadata } = value as { kind?: unknown; metadata?: Record<string, unknown> };
  const name = metadata?.name;
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  const namespace = typeof metadata?.namespace === 'string' ? metadata.namespace : undefined;
  return {
    object: value,
    text: text.slice(document.range[0], document.range[2]).replace(/^---[^\n]*\n/, ''),
    kind,
    name,
    namespace,
  };
}

/** liveObject is the stored object the document names (kubectl's default namespace: default). */
export function liveObject(cluster: Cluster, doc: ManifestDocument): KubeObject | undefined {
  const info = resourceForKind(doc.kind);
  if (!info) return undefined;
  return cluster.etcd.get(etcdKey(info, doc.namespace ?? 'default', doc.name))?.value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * filledIn lists the fields the live object has and the manifest does not, two levels deep
 * (spec.strategy, metadata.uid, status): what the API server defaulted and controllers wrote.
 */
export function filledIn(applied: unknown, live: unknown): string[] {
  const out: string[] = [];
  const walk = (mine: unknown, theirs: unknown, prefix: string, depth: number) => {
    if (!isRecord(theirs)) return;
    for (const [key, value] of Object.entries(theirs)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (!isRecord(mine) || !(key in mine)) out.push(path);
      else if (depth > 1) walk(mine[key], value, path, depth - 1);
    }
  };
  walk(applied, live, '', 2);
  return out;
}
