// Generates src/kubectl/explain/schemas.json, the OpenAPI field descriptions `kubectl explain`
// prints, from the TypeScript declarations of the kubernetes-models package (generated from the
// Kubernetes OpenAPI spec; 4.5.1 carries v1.33 descriptions, the nearest published to v1.32).
//
//   mkdir -p /tmp/km && cd /tmp/km && npm init -y && npm i kubernetes-models@4.5.1
//   node scripts/gen-explain-data.mjs /tmp/km/node_modules > src/kubectl/explain/schemas.json
//   npx prettier --write src/kubectl/explain/schemas.json
//
// Each type is { n: display name, d: description, f: fields } (or { n, d, s: 1 } for a scalar
// such as Time); a field is [name, type, description, required?, enum?] where type is `string`,
// `integer`, `boolean`, `#Id` (a type), `[]T` or `map[string]T`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const modules = process.argv[2];
if (!modules) throw new Error('usage: gen-explain-data.mjs NODE_MODULES');

/** ROOTS are the kinds Kubeloop stores, by their declaration file. */
const ROOTS = [
  'kubernetes-models/v1/Pod',
  'kubernetes-models/v1/Service',
  'kubernetes-models/v1/Node',
  'kubernetes-models/v1/Namespace',
  'kubernetes-models/v1/ConfigMap',
  'kubernetes-models/v1/Secret',
  'kubernetes-models/v1/ServiceAccount',
  'kubernetes-models/v1/Endpoints',
  'kubernetes-models/v1/Event',
  'kubernetes-models/v1/PersistentVolume',
  'kubernetes-models/v1/PersistentVolumeClaim',
  'kubernetes-models/v1/ResourceQuota',
  'kubernetes-models/v1/LimitRange',
  'kubernetes-models/storage.k8s.io/v1/StorageClass',
  'kubernetes-models/networking.k8s.io/v1/IngressClass',
  'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
  'kubernetes-models/apps/v1/Deployment',
  'kubernetes-models/apps/v1/ReplicaSet',
  'kubernetes-models/apps/v1/DaemonSet',
  'kubernetes-models/apps/v1/StatefulSet',
  'kubernetes-models/batch/v1/Job',
  'kubernetes-models/batch/v1/CronJob',
  'kubernetes-models/networking.k8s.io/v1/Ingress',
  'kubernetes-models/rbac.authorization.k8s.io/v1/Role',
  'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole',
  'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding',
  'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'kubernetes-models/scheduling.k8s.io/v1/PriorityClass',
  'kubernetes-models/policy/v1/PodDisruptionBudget',
  'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
  'kubernetes-models/discovery.k8s.io/v1/EndpointSlice',
  'kubernetes-models/coordination.k8s.io/v1/Lease',
];

/** NEWER_THAN_1_32 are fields v1.33 added; v1.32's schema does not have them. */
const NEWER_THAN_1_32 = new Set([
  'Lifecycle.stopSignal',
  'ContainerStatus.stopSignal',
  'PodStatus.observedGeneration',
  'PodCondition.observedGeneration',
  'DeploymentStatus.terminatingReplicas',
  'ReplicaSetStatus.terminatingReplicas',
  'EndpointHints.forNodes',
]);

/** ONE_OF are types whose v3 schema is oneOf (no `type`), so explain names them. */
const ONE_OF = new Set(['Quantity', 'IntOrString']);

/**
 * QUANTITY is resource.Quantity's doc comment (k8s.io/apimachinery/pkg/api/resource), which the
 * package's declaration leaves out.
 */
const QUANTITY =
  'Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.\n\nThe serialization format is:\n\n``` <quantity>        ::= <signedNumber><suffix>\n\n\t(Note that <suffix> may be empty, from the "" case in <decimalSI>.)\n\n<digit>           ::= 0 | 1 | ... | 9 <digits>          ::= <digit> | <digit><digits> <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits> <sign>            ::= "+" | "-" <signedNumber>    ::= <number> | <sign><number> <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI> <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei\n\n\t(International System of units; See: http://physics.nist.gov/cuu/Units/binary.html)\n\n<decimalSI>       ::= m | "" | k | M | G | T | P | E\n\n\t(Note that 1024 = 1Ki but 1000 = 1k; I didn\'t choose the capitalization.)\n\n<decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber> ```\n\nNo matter which of the three exponent forms is used, no quantity may represent a number greater than 2^63-1 in magnitude, nor may it have more than 3 decimal places. Numbers larger or more precise will be capped or rounded up. (E.g.: 0.1m will rounded up to 1m.) This may be extended in the future if we require larger or smaller quantities.\n\nWhen a Quantity is parsed from a string, it will remember the type of suffix it had, and will use the same type again when it is serialized.\n\nBefore serializing, Quantity will be put in "canonical form". This means that Exponent/suffix will be adjusted up or down (with a corresponding increase or decrease in Mantissa) such that:\n\n- No precision is lost - No fractional digits will be emitted - The exponent (or suffix) is as large as possible.\n\nThe sign will be omitted unless the number is negative.\n\nExamples:\n\n- 1.5 will be serialized as "1500m" - 1.5Gi will be serialized as "1536Mi"\n\nNote that the quantity will NEVER be internally represented by a floating point number. That is the whole point of this exercise.\n\nNon-canonical values will still parse as long as they are well formed, but will be re-emitted in their canonical form. (So always use canonical form, or don\'t diff.)\n\nThis format is intended to make it difficult to use these numbers without writing some sort of special handling code in the hopes that that will cause implementors to also use a fixed point implementation.';

/** TYPE_META are apiVersion's and kind's descriptions, which the declarations of kinds drop. */
const TYPE_META = {
  apiVersion:
    'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
  kind: 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
};

/** comment turns a JSDoc block's lines into the description text. */
function comment(lines) {
  return lines
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}

const types = {};

function fileOf(id) {
  const base = join(modules, id);
  for (const f of [`${base}.d.ts`, join(base, 'index.d.ts')]) if (existsSync(f)) return f;
  throw new Error(`no declaration for ${id}`);
}

/** visit reads a declaration file and every type its fields reach. */
function visit(id) {
  if (types[id]) return;
  const text = readFileSync(fileOf(id), 'utf8');
  const name = id.split('/').pop();
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)"/g)) {
    const from = m[2].startsWith('.')
      ? resolve('/', dirname(id), m[2]).slice(1).replace(/\.js$/, '')
      : m[2].replace(/\.js$/, '');
    imports.set(m[1], from);
  }
  const head = /\/\*\*\n([\s\S]*?)\*\/\n(?:export declare type|export interface)/.exec(text);
  const description = head ? comment(head[1].split('\n')) : '';
  if (/export declare type I\w+ = /.test(text) && !/export interface/.test(text)) {
    types[id] = { n: name, d: name === 'Quantity' ? QUANTITY : description, s: 1 };
    if (ONE_OF.has(name)) types[id].o = 1;
    return;
  }
  types[id] = { n: name, d: description, f: [] };
  // StatefulSetSpec spells its PersistentVolumeClaim template out inline; it is that type.
  const body = /export interface I\w+[^{]*\{\n([\s\S]*?)\n\}\n/
    .exec(text)[1]
    .replace(/Array<\{\n[\s\S]*?\n {4}\}>;/, () => {
      imports.set('IPersistentVolumeClaim', 'kubernetes-models/v1/PersistentVolumeClaim');
      return 'Array<IPersistentVolumeClaim>;';
    })
    .concat('\n');
  const fieldRe =
    /(?:\s*\/\*\*\n([\s\S]*?)\*\/\n)?\s*"([^"]+)"(\??): ([\s\S]*?);\n(?=\s*(?:\/\*\*|"|$))/g;
  const fields = [];
  for (const m of body.matchAll(fieldRe)) {
    const [, doc, field, optional, tsType] = m;
    if (TYPE_META[field] && /^"[^"]*"$/.test(tsType.trim())) {
      fields.push([field, 'string', TYPE_META[field]]);
      continue;
    }
    if (NEWER_THAN_1_32.has(`${name}.${field}`)) continue;
    const { type, enums } = typeOf(tsType.trim(), imports);
    const entry = [field, type, doc ? comment(doc.split('\n')) : ''];
    if (!optional || enums) entry.push(optional ? 0 : 1);
    if (enums) entry.push(enums);
    fields.push(entry);
  }
  types[id].f = fields.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** typeOf maps a TypeScript field type to the explain type expression, visiting referenced types. */
function typeOf(ts, imports) {
  if (ts === 'string' || (/^"[^"]*"$/.test(ts) && !ts.includes('|'))) return { type: 'string' };
  if (ts === 'number') return { type: 'integer' };
  if (ts === 'boolean') return { type: 'boolean' };
  if (/^"[^"]*"( \| "[^"]*")+$/.test(ts))
    return { type: 'string', enums: [...ts.matchAll(/"([^"]*)"/g)].map((m) => m[1]) };
  let m = /^Array<(.+)>$/s.exec(ts);
  if (m) {
    const inner = typeOf(m[1].trim(), imports);
    return { type: `[]${inner.type}`, enums: inner.enums };
  }
  m = /^\{\s*\[key: string\]: ([\s\S]+?);?\s*\}$/.exec(ts);
  if (m) return { type: `map[string]${typeOf(m[1].trim(), imports).type}` };
  if (ts === 'any' || ts === 'object' || ts === '{}') return { type: 'Object' };
  const ref = imports.get(ts);
  if (!ref) throw new Error(`unknown type ${ts}`);
  visit(ref);
  return { type: `#${ref}` };
}

for (const root of ROOTS) visit(root);
// Short, stable ids: the display name, qualified only where two types share it.
const counts = {};
for (const t of Object.values(types)) counts[t.n] = (counts[t.n] ?? 0) + 1;
const short = {};
for (const [id, t] of Object.entries(types))
  short[id] = counts[t.n] > 1 ? id.replace(/^(kubernetes-models|@kubernetes-models)\//, '') : t.n;
const out = {};
for (const [id, t] of Object.entries(types)) {
  const copy = { ...t };
  if (copy.f)
    copy.f = copy.f.map((f) => [
      f[0],
      f[1].replace(/#([@\w./-]+)/, (_, r) => `#${short[r]}`),
      ...f.slice(2),
    ]);
  out[short[id]] = copy;
}
process.stdout.write(`${JSON.stringify(out)}\n`);
