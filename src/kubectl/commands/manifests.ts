import { loadAll } from 'js-yaml';
import { apiVersionOf, resourceForKind, type AnyObject, type ResourceInfo } from '../../engine';
import type { Context } from '../context';
import { KubectlError } from '../errors';
import { goYamlError } from '../yaml-errors';

/** Manifest is one document of a -f source, resolved to its resource. */
export interface Manifest {
  source: string;
  body: AnyObject;
  info: ResourceInfo;
  name: string;
  namespace?: string;
}

/** readSources reads every -f (a path, or - for stdin) and returns [display name, text]. */
function readSources(ctx: Context): [string, string][] {
  const files = ctx.flags.strings('filename');
  return files.map((file) => {
    if (file === '-') return ['STDIN', ctx.input.stdin ?? ''];
    const text = ctx.input.readFile?.(file);
    if (text === undefined) throw new KubectlError(`error: the path "${file}" does not exist`);
    return [file, text];
  });
}

/**
 * readManifests parses -f sources (multi-document YAML or JSON) and maps each object to its
 * resource as cli-runtime's builder does, with its errors for bad YAML and unknown kinds.
 */
export function readManifests(ctx: Context): Manifest[] {
  const manifests: Manifest[] = [];
  for (const [source, text] of readSources(ctx)) {
    let docs: unknown[];
    try {
      // json: duplicate keys keep the last value, as sigs.k8s.io/yaml's YAMLToJSON does for -f.
      docs = loadAll(text, { json: true });
    } catch (error) {
      throw new KubectlError(
        `error: error parsing ${source}: error converting YAML to JSON: yaml: ${goYamlError(text, error)}`,
      );
    }
    for (const doc of docs) {
      if (doc === null || doc === undefined) continue;
      if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new KubectlError(
          `error: error validating "${source}": error validating data: invalid object to validate`,
        );
      }
      const body = doc as AnyObject;
      const meta = (body.metadata ?? {}) as { name?: string; namespace?: string };
      if (typeof body.kind !== 'string' || body.kind === '') {
        throw new KubectlError(
          `error: error validating "${source}": error validating data: kind not set`,
        );
      }
      if (typeof body.apiVersion !== 'string' || body.apiVersion === '') {
        throw new KubectlError(
          `error: error validating "${source}": error validating data: apiVersion not set`,
        );
      }
      const info = resourceForKind(body.kind);
      if (!info || apiVersionOf(info) !== body.apiVersion) {
        throw new KubectlError(
          `error: resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${source}": no matches for kind "${body.kind}" in version "${body.apiVersion}"\nensure CRDs are installed first`,
        );
      }
      let namespace: string | undefined;
      if (info.namespaced) {
        namespace = meta.namespace ?? ctx.namespace;
        if (ctx.namespaceSet && meta.namespace && meta.namespace !== ctx.namespace) {
          throw new KubectlError(
            `error: the namespace from the provided object "${meta.namespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${meta.namespace}' to perform this operation.`,
          );
        }
      }
      manifests.push({ source, body, info, name: meta.name ?? '', namespace });
    }
  }
  if (manifests.length === 0) throw new KubectlError('error: no objects passed to apply');
  return manifests;
}
