import type { KubeObject, Namespace } from '../api/types';
import { forbidden, type StatusError } from './errors';

/** The finalizer the namespace controller owns: it removes it once the namespace is empty. */
export const NAMESPACE_FINALIZER = 'kubernetes';

/**
 * namespaceHasFinalizers is ShouldDeleteNamespaceDuringUpdate's extra test: a namespace is only
 * removed once its spec.finalizers are gone too, not just metadata.finalizers.
 */
export function namespaceHasFinalizers(obj: KubeObject): boolean {
  return obj.kind === 'Namespace' && ((obj as Namespace).spec?.finalizers ?? []).length > 0;
}

/** finalizeNamespace is the namespaces/finalize subresource: only spec.finalizers change. */
export function finalizeNamespace(old: Namespace, body: Namespace): Namespace {
  const finalizers = body.spec?.finalizers ?? [];
  const spec = { ...old.spec };
  if (finalizers.length > 0) spec.finalizers = [...finalizers];
  else delete spec.finalizers;
  return { ...old, metadata: { ...old.metadata }, spec };
}

/** The namespaces the NamespaceLifecycle admission plugin never lets go (immortalNamespaces). */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/** immortalNamespaceRefusal is the plugin's answer to deleting one of them, if this is one. */
export function immortalNamespaceRefusal(name: string): StatusError | undefined {
  if (!IMMORTAL_NAMESPACES.has(name)) return undefined;
  return forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
}
