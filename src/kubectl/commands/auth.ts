import type { ApiResponse, PolicyRule } from '../../engine';
import { request, type Command, type Context, type Op, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { printTable } from '../printers/table';
import { findResource } from '../resources';
import { subcommandOf } from './set';

/** Verbs kubectl knows; others get a warning but are still asked (cani.go knownResourceVerbs). */
const KNOWN_VERBS = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'use',
  'bind',
  'impersonate',
  '*',
  'approve',
  'sign',
  'escalate',
  'attest',
];

interface ReviewStatus {
  allowed?: boolean;
  reason?: string;
  evaluationError?: string;
  resourceRules?: PolicyRule[];
  nonResourceRules?: PolicyRule[];
  userInfo?: { username: string; groups?: string[] };
}

function* review(
  resource: string,
  spec: unknown,
): Generator<Op, ReviewStatus, ApiResponse | undefined> {
  const res = yield* request({
    verb: 'create',
    resource,
    body: {
      apiVersion:
        resource === 'selfsubjectreviews' ? 'authentication.k8s.io/v1' : 'authorization.k8s.io/v1',
      metadata: {},
      spec,
    } as never,
  });
  if (!res.ok) throw new KubectlError(formatStatusError(res.error));
  return ((res.result.object as { status?: ReviewStatus } | undefined)?.status ??
    {}) as ReviewStatus;
}

/**
 * canI is `kubectl auth can-i VERB TYPE[/NAME]`: a SelfSubjectAccessReview, answered yes (exit 0)
 * or no (exit 1); with --list, a SelfSubjectRulesReview printed as a table of rules.
 */
function* canI(ctx: Context, args: string[]): Task {
  const { flags } = ctx;
  const namespace = flags.bool('all-namespaces') ? '' : ctx.namespace;
  if (flags.bool('list')) {
    if (args.length > 0)
      throw new KubectlError('error: list option must be specified with no arguments');
    const status = yield* review('selfsubjectrulesreviews', { namespace });
    ctx.out.push(printRules(status, flags.bool('no-headers')));
    return;
  }
  if (args.length !== 2)
    throw new KubectlError(
      "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.",
    );
  const [verb, target] = args as [string, string];
  if (!KNOWN_VERBS.includes(verb)) ctx.err.push(`Warning: verb '${verb}' is not a known verb`);
  const [typeWord, name = ''] = target.split(/\/(.*)/s, 2) as [string, string?];
  const info = findResource(typeWord);
  if (!info && typeWord !== '*')
    ctx.err.push(`Warning: the server doesn't have a resource type '${typeWord}'`);
  const status = yield* review('selfsubjectaccessreviews', {
    resourceAttributes: {
      namespace,
      verb,
      group: info?.group ?? (typeWord === '*' ? '*' : ''),
      resource: info?.resource ?? typeWord,
      subresource: flags.string('subresource'),
      name,
    },
  });
  if (flags.bool('quiet')) {
    ctx.exitCode = status.allowed ? 0 : 1;
    return;
  }
  if (status.allowed) {
    ctx.out.push('yes\n');
    return;
  }
  let answer = 'no';
  if (status.reason) answer += ` - ${status.reason}`;
  if (status.evaluationError) answer += ` - ${status.evaluationError}`;
  ctx.out.push(`${answer}\n`);
  ctx.exitCode = 1;
}

/** goList prints a []string as Go's %v does: [a b c]. */
const goList = (items: string[] | undefined) => `[${(items ?? []).join(' ')}]`;

/** goRuleString is PolicyRule.String(), the key kubectl sorts rules by. */
function goRuleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** breakdownRule splits a rule into one per group, resource and name (rbac BreakdownRule). */
function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      const names = rule.resourceNames?.length ? rule.resourceNames : [undefined];
      for (const name of names)
        out.push({
          apiGroups: [group],
          resources: [resource],
          verbs: rule.verbs,
          ...(name !== undefined ? { resourceNames: [name] } : {}),
        });
    }
  }
  for (const url of rule.nonResourceURLs ?? [])
    out.push({ nonResourceURLs: [url], verbs: rule.verbs });
  return out;
}

/** compactRules merges the verbs of rules about the same single group, resource and name (CompactRules). */
function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const isSimple =
      rule.apiGroups?.length === 1 &&
      rule.resources?.length === 1 &&
      !rule.nonResourceURLs?.length &&
      (rule.resourceNames?.length ?? 0) <= 1;
    if (!isSimple) {
      compacted.push(rule);
      continue;
    }
    const key = `${rule.apiGroups![0]}\u0000${rule.resources![0]}\u0000${rule.resourceNames?.[0] ?? ''}`;
    const existing = simple.get(key);
    if (existing) existing.verbs = [...(existing.verbs ?? []), ...(rule.verbs ?? [])];
    else simple.set(key, { ...rule, verbs: [...(rule.verbs ?? [])] });
  }
  return [...compacted, ...simple.values()];
}

/** combineResourceGroup prints resources and their group as kubectl does: pods, deployments.apps, *.*. */
function combineResourceGroup(rule: PolicyRule): string {
  const resource = rule.resources?.[0];
  if (resource === undefined) return '';
  const group = rule.apiGroups?.[0] ?? '';
  return group === '' ? resource : `${resource}.${group}`;
}

function printRules(status: ReviewStatus, noHeaders: boolean): string {
  const all = [...(status.resourceRules ?? []), ...(status.nonResourceRules ?? [])];
  const rules = compactRules(all.flatMap(breakdownRule));
  const keyed = rules.map((r) => ({ r, key: goRuleString(r) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return printTable(
    {
      headers: ['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'],
      rows: keyed.map(({ r }) => [
        combineResourceGroup(r),
        goList(r.nonResourceURLs),
        goList(r.resourceNames),
        goList(r.verbs),
      ]),
    },
    noHeaders,
  );
}

/** whoami is `kubectl auth whoami`: the user the API server sees, from a SelfSubjectReview. */
function* whoami(ctx: Context): Task {
  const status = yield* review('selfsubjectreviews', {});
  const user = status.userInfo ?? { username: '' };
  ctx.out.push(
    printTable({
      headers: ['ATTRIBUTE', 'VALUE'],
      rows: [
        ['Username', user.username],
        ['Groups', goList(user.groups)],
      ],
    }),
  );
}

function* authCommand(ctx: Context): Task {
  const { sub, args } = subcommandOf(ctx, 'auth');
  if (sub === 'can-i') return yield* canI(ctx, args);
  if (sub === 'whoami') return yield* whoami(ctx);
  throw new KubectlError(`error: "kubectl auth ${sub}" is not available in Kubeloop yet`);
}

/** auth inspects authorisation: `kubectl auth can-i list pods --as=alice`, `kubectl auth whoami`. */
export const auth: Command = {
  name: 'auth',
  flags: [
    { name: 'list', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'subresource', type: 'string' },
  ],
  run: authCommand,
};
