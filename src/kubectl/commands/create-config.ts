import type { Context, Task } from '../context';
import { KubectlError } from '../errors';
import { emitGenerated } from './generate';
import { HELP } from './help-data';

/**
 * `kubectl create configmap|secret generic|namespace|serviceaccount`: the objects built as
 * create_configmap.go, create_secret.go, create_namespace.go and create_serviceaccount.go do.
 */

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** requireName is the shared NameFromCommandArgs check: exactly one NAME. */
export function requireName(args: string[], command: string): string {
  if (args.length !== 1)
    throw new KubectlError(
      `error: exactly one NAME is required, got ${args.length}\nSee 'kubectl create ${command} -h' for help and examples`,
    );
  return args[0]!;
}

/** base64 encodes text as UTF-8 bytes, as Secret data is written. */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * collectData reads --from-file and --from-literal into one map (files first, as the options
 * are handled), refusing invalid and repeated keys with kubectl's messages.
 */
function collectData(ctx: Context, kind: 'ConfigMap' | 'Secret', name: string) {
  const data: Record<string, string> = {};
  const add = (key: string, value: string) => {
    if (!CONFIG_KEY.test(key))
      throw new KubectlError(
        `error: "${key}" is not a valid key name for a ${kind}: ${CONFIG_KEY_MESSAGE}`,
      );
    if (key in data)
      throw new KubectlError(
        `error: cannot add key "${key}", another key by that name already exists in Data for ${kind} "${name}"`,
      );
    data[key] = value;
  };
  for (const source of ctx.flags.strings('from-file')) {
    const eq = source.indexOf('=');
    const [key, path] =
      eq < 0 ? [source.split('/').pop()!, source] : [source.slice(0, eq), source.slice(eq + 1)];
    const text = ctx.input.readFile?.(path);
    if (text === undefined)
      throw new KubectlError(`error: error reading ${path}: no such file or directory`);
    add(key, text);
  }
  for (const literal of ctx.flags.strings('from-literal')) {
    const eq = literal.indexOf('=');
    if (eq <= 0)
      throw new KubectlError(`error: invalid literal source ${literal}, expected key=value`);
    add(literal.slice(0, eq), literal.slice(eq + 1));
  }
  return data;
}

/** meta is a generated object's metadata: a name, and the null creationTimestamp Go marshals. */
export const meta = (name: string) => ({ creationTimestamp: null, name });

/** emitObject prints or creates a generated object; server errors print as they are. */
export function emitObject(
  ctx: Context,
  object: Record<string, unknown>,
  resource: string,
  kindName: string,
  name: string,
): Task {
  return emitGenerated(
    ctx,
    object,
    { resource, namespace: ctx.namespace, kindName, name },
    (_m, formatted) => formatted,
  );
}

export function* createConfigMap(ctx: Context, args: string[]): Task {
  const name = requireName(args, 'configmap');
  const data = collectData(ctx, 'ConfigMap', name);
  const configMap: Record<string, unknown> = { apiVersion: 'v1', kind: 'ConfigMap' };
  if (Object.keys(data).length > 0) configMap.data = data;
  configMap.metadata = meta(name);
  yield* emitObject(ctx, configMap, 'configmaps', 'configmap', name);
}

export function* createSecret(ctx: Context, args: string[]): Task {
  const [type, ...rest] = args;
  // Bare `create secret` is a command group: cobra prints its help on stderr and fails.
  if (type === undefined) throw new KubectlError(HELP['create secret']!.replace(/\n$/, ''));
  if (type !== 'generic')
    throw new KubectlError(
      `error: unknown command "${type}"\nSee 'kubectl create secret -h' for help and examples`,
    );
  const name = requireName(rest, 'secret generic');
  const data = collectData(ctx, 'Secret', name);
  const secret: Record<string, unknown> = { apiVersion: 'v1', kind: 'Secret' };
  if (Object.keys(data).length > 0)
    secret.data = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64(v)]));
  secret.metadata = meta(name);
  if (ctx.flags.has('type')) secret.type = ctx.flags.string('type');
  yield* emitObject(ctx, secret, 'secrets', 'secret', name);
}

export function* createNamespace(ctx: Context, args: string[]): Task {
  const name = requireName(args, 'namespace');
  const namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta(name),
    spec: {},
    status: {},
  };
  yield* emitObject(ctx, namespace, 'namespaces', 'namespace', name);
}

export function* createServiceAccount(ctx: Context, args: string[]): Task {
  const name = requireName(args, 'serviceaccount');
  const serviceAccount = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(name) };
  yield* emitObject(ctx, serviceAccount, 'serviceaccounts', 'serviceaccount', name);
}
