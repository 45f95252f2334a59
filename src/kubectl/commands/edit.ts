import { load } from 'js-yaml';
import {
  apiVersionOf,
  formatCause,
  resourceForKind,
  type ApiResponse,
  type KubeObject,
  type ResourceInfo,
  type StatusError,
} from '../../engine';
import { editFile, request, type Command, type Context, type Op, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { sortKeys, toJson, toYaml } from '../printers/yaml';
import { kindName, resourceName } from '../resources';
import { goYamlError } from '../yaml-errors';
import { threeWayPatch } from './apply-patch';
import { stripManagedFields } from './get';
import { namespaceOf, resourceTargets } from './targets';

/** The comment kubectl puts above the object (editHeader.writeTo, normal edit mode). */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

/** EditReason is one failure the reopened file lists in its header (editReason). */
interface EditReason {
  head: string;
  other: string[];
}

/** An Original is one fetched object, as the file shows it, with where it came from. */
interface Original {
  info: ResourceInfo;
  object: KubeObject;
}

type JsonMap = Record<string, unknown>;
const isMap = (v: unknown): v is JsonMap =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** hashOnLineBreak keeps a multi-line reason inside the comment: each new line starts with '# '. */
const hashOnLineBreak = (s: string) => s.replace(/\n(?!#)/g, '\n# ');

function header(reasons: readonly EditReason[]): string {
  let text = EDIT_HEADER;
  for (const r of reasons) {
    text += `# ${hashOnLineBreak(r.head)}${r.other.length > 0 ? ':' : ''}\n`;
    for (const o of r.other) text += `# * ${hashOnLineBreak(o)}\n`;
    text += '#\n';
  }
  return text;
}

/** manualStrip drops comment lines ('#', but not '#!'), as cmdutil.ManualStrip does. */
function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

/**
 * loadDocument parses YAML as go-yaml does: a file of blanks and comments is the null document
 * (js-yaml refuses to load one).
 */
function loadDocument(text: string): unknown {
  const blank = text.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('#'));
  return blank ? null : load(text, { json: true });
}

/**
 * stripComments is what kubectl compares files by (cmdutil.StripComments): the document as JSON
 * when it parses, so comments, key order and spacing are not changes; else the text minus comments.
 */
function stripComments(text: string): string {
  try {
    return JSON.stringify(sortKeys(loadDocument(text) ?? null));
  } catch {
    return manualStrip(text);
  }
}

/**
 * tempPath names the file as LaunchTempFile's os.CreateTemp does: /tmp/kubectl-edit-<a random
 * uint32 in decimal>.yaml. The number comes from the objects edited, not a random source, so a
 * replay prints the same path.
 */
function tempPath(objects: readonly KubeObject[], ext: string): string {
  let hash = 0x811c9dc5;
  for (const o of objects) {
    for (const ch of `${o.metadata.uid ?? ''}/${o.metadata.resourceVersion ?? ''};`) {
      hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    }
  }
  return `/tmp/kubectl-edit-${hash}${ext}`;
}

/** fail ends the edit with kubectl's error, after saying where the changes were kept. */
function fail(ctx: Context, message: string, kept: string | undefined): never {
  if (kept) ctx.err.push(`A copy of your changes has been stored to "${kept}"`);
  throw new KubectlError(`error: ${message}`);
}

/**
 * validationError is what the client-side validator (ValidateBytes) finds in the saved file
 * before anything else is compared: YAML that does not parse (go-yaml's words, lines counted
 * without the comments), a document that is not an object, or one without apiVersion or kind.
 */
function validationError(text: string): string | undefined {
  const stripped = manualStrip(text);
  let doc: unknown;
  try {
    doc = loadDocument(stripped);
  } catch (error) {
    return `yaml: ${goYamlError(stripped, error)}`;
  }
  if (!isMap(doc)) return 'invalid object to validate';
  const missing = [
    ...(doc.apiVersion ? [] : ['apiVersion not set']),
    ...(doc.kind ? [] : ['kind not set']),
  ];
  if (missing.length === 0) return undefined;
  return missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
}

/**
 * parseEdited reads the saved file, which validationError has parsed, into objects, or returns
 * the error kubectl reports as a syntax error (a List item without kind, a kind it cannot map).
 */
function parseEdited(text: string): { objects: JsonMap[] } | { error: string } {
  const doc = loadDocument(manualStrip(text)) as JsonMap;
  const items = doc.kind === 'List' && Array.isArray(doc.items) ? doc.items : [doc];
  const objects: JsonMap[] = [];
  for (const item of items) {
    if (!isMap(item) || typeof item.kind !== 'string' || item.kind === '') {
      return { error: `Object 'Kind' is missing in '${JSON.stringify(item)}'` };
    }
    const info = resourceForKind(item.kind);
    if (!info || apiVersionOf(info) !== item.apiVersion) {
      return {
        error: `no matches for kind "${item.kind}" in version "${String(item.apiVersion ?? '')}"`,
      };
    }
    objects.push(item);
  }
  return { objects };
}

/** unchangedIdentity is mergepatch's precondition: apiVersion, kind and name stay as they were. */
function unchangedIdentity(original: JsonMap, edited: JsonMap): boolean {
  const name = (o: JsonMap) => (isMap(o.metadata) ? o.metadata.name : undefined);
  return (
    original.apiVersion === edited.apiVersion &&
    original.kind === edited.kind &&
    name(original) === name(edited)
  );
}

/** addError reports a failed patch as editResults.addError does, and sorts it for the retry. */
function addError(
  ctx: Context,
  error: StatusError,
  original: Original,
  results: { reasons: EditReason[]; retryable: number; notFound: number; invalid: number },
): void {
  const what = `${resourceName(original.info)} "${original.object.metadata.name}"`;
  const { reason, details } = error.status;
  if (reason === 'Invalid') {
    results.invalid++;
    results.reasons.push({
      head: `${what} was not valid`,
      other: (details?.causes ?? []).map(formatCause),
    });
    ctx.err.push(`error: ${what} is invalid`);
  } else if (reason === 'NotFound') {
    results.notFound++;
    ctx.err.push(`error: ${what} could not be found on the server`);
  } else {
    results.retryable++;
    ctx.err.push(`error: ${what} could not be patched: ${error.status.message}`);
  }
}

/** fetchOriginals gets every object named (or listed, for a bare TYPE), stopping at the first error. */
function* fetchOriginals(ctx: Context): Generator<Op, Original[], ApiResponse | undefined> {
  const targets = resourceTargets(
    ctx,
    ctx.flags.args,
    "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  );
  const originals: Original[] = [];
  for (const { info, names } of targets) {
    const namespace = namespaceOf(ctx, info);
    if (names.length === 0) {
      const res = yield* request({ verb: 'list', resource: info.resource, namespace });
      if (!res.ok) throw new KubectlError(formatStatusError(res.error));
      for (const object of res.result.items ?? []) originals.push({ info, object });
      continue;
    }
    for (const name of names) {
      const res = yield* request({ verb: 'get', resource: info.resource, namespace, name });
      if (!res.ok) throw new KubectlError(formatStatusError(res.error));
      originals.push({ info, object: res.result.object! });
    }
  }
  return originals;
}

/**
 * editCommand is kubectl's EditOptions.Run in normal mode: fetch, write the objects (several as a
 * v1 List) under the header to a temporary file, wait for the editor, then send each changed
 * object a strategic merge patch of the two versions. An Invalid answer reopens the file with the
 * reasons on top; saving it again unchanged gives up and says where the file was kept.
 */
function* editCommand(ctx: Context): Task {
  const output = ctx.flags.string('output', 'yaml');
  if (output !== 'yaml' && output !== 'json') {
    throw new KubectlError(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`,
    );
  }
  const originals = yield* fetchOriginals(ctx);
  if (originals.length === 0) throw new KubectlError('error: edit cancelled, no objects found');
  const shown = originals.map((o) => ({ ...o, object: stripManagedFields(o.object) }));
  const document =
    shown.length === 1
      ? shown[0]!.object
      : { apiVersion: 'v1', items: shown.map((o) => o.object), kind: 'List', metadata: {} };
  const json = output === 'json';
  // -o json gets no header: a comment would not be JSON (editPrinterOptions.Complete).
  const body = json ? toJson(document) : toYaml(document);
  const path = tempPath(
    shown.map((o) => o.object),
    json ? '.json' : '.yaml',
  );

  let reasons: EditReason[] = [];
  let containsError = false;
  let edited = '';
  let kept: string | undefined;
  for (;;) {
    const file = (json ? '' : header(reasons)) + (containsError ? manualStrip(edited) : body);
    const outcome = yield* editFile({ path, content: file });
    if (!outcome.ok) fail(ctx, outcome.error, kept);
    const previous = edited;
    edited = outcome.content;
    if (containsError && stripComments(previous) === stripComments(edited)) {
      fail(ctx, 'Edit cancelled, no valid changes were saved.', path);
    }
    kept = path;
    const invalid = validationError(edited);
    if (invalid !== undefined) {
      // Reported as an Invalid error about the first object, with no field (hence <nil>).
      const what = `${resourceName(shown[0]!.info)} "${shown[0]!.object.metadata.name}"`;
      reasons = [
        {
          head: `${what} was not valid`,
          other: [`<nil>: Invalid value: "The edited file failed validation": ${invalid}`],
        },
      ];
      ctx.err.push(`error: ${what} is invalid`);
      containsError = true;
      continue;
    }
    if (stripComments(body) === stripComments(edited)) {
      ctx.err.push('Edit cancelled, no changes made.');
      return;
    }
    reasons = [];
    const parsed = parseEdited(edited);
    if ('error' in parsed) {
      containsError = true;
      reasons = [{ head: `The edited file had a syntax error: ${parsed.error}`, other: [] }];
      continue;
    }

    for (const object of parsed.objects) {
      const meta = isMap(object.metadata) ? object.metadata : {};
      const info = resourceForKind(object.kind as string)!;
      if (info.namespaced && typeof meta.namespace === 'string' && meta.namespace !== '') {
        if (meta.namespace !== ctx.namespace) {
          fail(
            ctx,
            `the namespace from the provided object "${meta.namespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${meta.namespace}' to perform this operation.`,
            kept,
          );
        }
      }
    }

    const results = { reasons, retryable: 0, notFound: 0, invalid: 0 };
    for (const object of parsed.objects) {
      const uid = isMap(object.metadata) ? object.metadata.uid : undefined;
      const original = shown.find((o) => o.object.metadata.uid === uid);
      if (!original) {
        fail(
          ctx,
          `no original object found for ${object.kind as string} "${String((object.metadata as JsonMap | undefined)?.name ?? '')}"`,
          kept,
        );
      }
      const before = original.object as unknown as JsonMap;
      const label = `${kindName(original.info)}/${original.object.metadata.name}`;
      if (stripComments(JSON.stringify(before)) === stripComments(JSON.stringify(object))) {
        ctx.out.push(`${label} skipped\n`);
        continue;
      }
      if (!unchangedIdentity(before, object)) {
        fail(ctx, 'At least one of apiVersion, kind and name was changed', kept);
      }
      // Two versions and no last-applied: a three-way patch whose original is the current object.
      // It goes over the wire as JSON, which drops the undefined a list without merge keys leaves.
      const patch = JSON.parse(JSON.stringify(threeWayPatch(before, object, before))) as JsonMap;
      const res = yield* request({
        verb: 'patch',
        resource: original.info.resource,
        namespace: namespaceOf(ctx, original.info),
        name: original.object.metadata.name,
        patchType: 'strategic',
        patch,
      });
      if (!res.ok) {
        addError(ctx, res.error, original, results);
        continue;
      }
      const patched = res.result.object!;
      // An explicit -o prints the patched object instead of the name (PrintFlags.ToPrinter).
      if (ctx.flags.has('output')) {
        const clean = stripManagedFields(patched);
        ctx.out.push(json ? toJson(clean) : toYaml(clean));
      } else {
        ctx.out.push(`${label} edited\n`);
      }
    }
    if (results.retryable > 0) {
      ctx.err.push(`You can run \`kubectl replace -f ${path}\` to try this update again.`);
      ctx.exitCode = 1;
      return;
    }
    if (results.notFound > 0) {
      ctx.err.push(`The edits you made on deleted resources have been saved to "${path}"`);
      ctx.exitCode = 1;
      return;
    }
    if (results.invalid === 0) return;
    containsError = true;
  }
}

/** edit opens objects in the editor and patches what was changed: `kubectl edit deploy/web`. */
export const edit: Command = {
  name: 'edit',
  flags: [{ name: 'output', short: 'o', type: 'string' }],
  run: editCommand,
};
