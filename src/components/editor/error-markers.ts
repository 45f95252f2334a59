import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';

/** ErrorMarker is a server error placed on the manifest: 1-based lines and columns, end exclusive. */
export interface ErrorMarker {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
}

/** FieldError is one field the server complained about, in the object it was about. */
interface FieldError {
  kind: string | undefined;
  name: string | undefined;
  path: string;
  message: string;
}

const REASONS =
  'Invalid value|Required value|Unsupported value|Duplicate value|Forbidden|Too long|Too many|Not found|Internal error';
/** `The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be ..., spec.x: Required value` */
const INVALID = /^(?:.*?: )?The (\w+) "([^"]+)" is invalid: (.*)$/;
const INVALID_CAUSE = new RegExp(`(?:^|\\[|, )([A-Za-z][\\w.\\[\\]/-]*): (?:${REASONS})`, 'g');
/** `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"` */
const DECODING = /(\w+) in version "[^"]+" cannot be handled as a \w+: (.*)$/;
const UNKNOWN_FIELD = /unknown field "([^"]+)"/g;
/** `json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string` */
const GO_FIELD = /Go struct field \w+\.([\w.]+) of type/;

/** fieldErrors reads kubectl's stderr for errors that name a field. */
export function fieldErrors(stderr: string): FieldError[] {
  const out: FieldError[] = [];
  for (const line of stderr.split('\n')) {
    const invalid = INVALID.exec(line);
    if (invalid) {
      const [, kind, name, causes] = invalid;
      const found = [...causes!.matchAll(INVALID_CAUSE)];
      for (const [index, match] of found.entries()) {
        const end = found[index + 1]?.index ?? causes!.length;
        const message = causes!
          .slice(match.index, end)
          .replace(/^(\[|, )/, '')
          .replace(/\]$/, '');
        out.push({ kind, name, path: match[1]!, message });
      }
      continue;
    }
    const decoding = DECODING.exec(line);
    if (decoding) {
      const [, kind, rest] = decoding;
      const unknown = [...rest!.matchAll(UNKNOWN_FIELD)];
      for (const match of unknown) {
        out.push({ kind, name: undefined, path: match[1]!, message: line.trim() });
      }
      const goField = GO_FIELD.exec(rest!);
      if (unknown.length === 0 && goField) {
        out.push({ kind, name: undefined, path: goField[1]!, message: line.trim() });
      }
    }
  }
  return out;
}

/** pathSegments splits `spec.containers[0].image` into spec, containers, 0, image. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|\[([^\]]+)\]|([^.[\]]+)/g)) {
    if (match[1] !== undefined) out.push(Number(match[1]));
    else out.push(match[2] ?? match[3]!);
  }
  return out;
}

/** nodeRange is the range of the deepest node on path: the field's key, or the list item. */
function deepestRange(
  root: Node | null,
  segments: (string | number)[],
): [number, number] | undefined {
  let node: unknown = root;
  let range: [number, number] | undefined = root?.range
    ? [root.range[0], root.range[1]]
    : undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      const key = pair.key as Node;
      if (key.range) range = [key.range[0], key.range[1]];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      if (item.range) range = [item.range[0], item.range[1]];
      node = item;
    } else {
      break;
    }
  }
  return range;
}

/**
 * errorMarkers places the server's field errors on the manifest's lines: the object is found by
 * kind (and name, when the error names it) among the YAML documents, the field by its path; a
 * field that is missing marks its closest parent.
 */
export function errorMarkers(text: string, stderr: string): ErrorMarker[] {
  const errors = fieldErrors(stderr);
  if (errors.length === 0) return [];
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter });
  if (!Array.isArray(documents)) return [];
  const markers: ErrorMarker[] = [];
  for (const error of errors) {
    const document = documents.find((doc) => {
      const value: unknown = doc.toJS();
      if (typeof value !== 'object' || value === null) return false;
      const object = value as { kind?: unknown; metadata?: { name?: unknown } };
      return (
        object.kind === error.kind &&
        (error.name === undefined || object.metadata?.name === error.name)
      );
    });
    if (!document) continue;
    const range = deepestRange(document.contents, pathSegments(error.path));
    if (!range) continue;
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(range[1]);
    markers.push({
      startLineNumber: start.line,
      startColumn: start.col,
      endLineNumber: end.line,
      endColumn: end.line === start.line ? Math.max(end.col, start.col + 1) : end.col,
      message: error.message,
    });
  }
  return markers;
}
