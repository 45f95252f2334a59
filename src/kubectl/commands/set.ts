import type { KubeObject, PodSpec } from '../../engine';
import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { GROUPS } from './help';
import { helpText } from './help';
import { named, namespaceOf, resourceTargets } from './targets';

/** podSpecOf finds the pod template a `set` command edits: a pod's own spec or a workload's template. */
function podSpecOf(obj: KubeObject): { spec?: PodSpec; path: string[] } {
  if (obj.kind === 'Pod') return { spec: (obj as { spec?: PodSpec }).spec, path: ['spec'] };
  if (obj.kind === 'CronJob') {
    const o = obj as { spec?: { jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } };
    return {
      spec: o.spec?.jobTemplate?.spec?.template?.spec,
      path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    };
  }
  const o = obj as { spec?: { template?: { spec?: PodSpec } } };
  return { spec: o.spec?.template?.spec, path: ['spec', 'template', 'spec'] };
}

function nest(path: string[], leaf: unknown): unknown {
  return path.reduceRight((inner, key) => ({ [key]: inner }), leaf);
}

/** setImage is `kubectl set image TYPE/NAME CONTAINER=IMAGE...` (set_image.go). */
function* setImage(ctx: Context, args: string[]): Task {
  const pairs = args.filter((a) => a.includes('='));
  const resources = args.filter((a) => !a.includes('='));
  if (pairs.length === 0) throw new KubectlError('error: at least one image update is required');
  const images = pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]);
  const targets = resourceTargets(
    ctx,
    resources,
    "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  );
  for (const { info, names } of targets) {
    for (const name of names) {
      const namespace = namespaceOf(ctx, info);
      const got = yield* request({ verb: 'get', resource: info.resource, namespace, name });
      if (!got.ok) {
        ctx.err.push(formatStatusError(got.error));
        ctx.exitCode = 1;
        continue;
      }
      const { spec, path } = podSpecOf(got.result.object!);
      const containers = spec?.containers ?? [];
      const changes: { name: string; image: string }[] = [];
      let missing: string | undefined;
      for (const [container, image] of images) {
        const matched = containers.filter((c) => container === '*' || c.name === container);
        const inits = (spec?.initContainers ?? []).filter(
          (c) => container === '*' || c.name === container,
        );
        if (matched.length + inits.length === 0) missing ??= container;
        for (const c of matched)
          if (c.image !== image) changes.push({ name: c.name, image: image! });
      }
      if (missing !== undefined) {
        ctx.err.push(`error: unable to find container named "${missing}"`);
        ctx.exitCode = 1;
        continue;
      }
      // An unchanged image makes an empty patch, which kubectl skips without a word.
      if (changes.length === 0) continue;
      const res = yield* request({
        verb: 'patch',
        resource: info.resource,
        namespace,
        name,
        patchType: 'strategic',
        patch: nest(path, { containers: changes }),
      });
      if (!res.ok) {
        ctx.err.push(formatStatusError(res.error));
        ctx.exitCode = 1;
        continue;
      }
      ctx.out.push(named(info, name, 'image updated'));
    }
  }
}

/** SUBCOMMAND_ALIASES are the subcommands' cobra aliases (`kubectl config use`). */
const SUBCOMMAND_ALIASES: Record<string, Record<string, string>> = {
  config: { use: 'use-context' },
};

/** subcommandOf dispatches a command group (set, rollout, config) the way cobra does. */
export function subcommandOf(ctx: Context, group: string): { sub: string; args: string[] } {
  const [typed, ...args] = ctx.flags.args;
  const sub =
    typed && SUBCOMMAND_ALIASES[group]?.[typed] ? SUBCOMMAND_ALIASES[group][typed] : typed;
  if (sub === undefined) {
    // DefaultSubCommandRun: the group's help on stderr, exit 1.
    throw new KubectlError(helpText(group, [])!.replace(/\n$/, ''));
  }
  if (!GROUPS[group]!.includes(sub)) {
    throw new KubectlError(
      `error: unknown command "${sub}"\nSee 'kubectl ${group} -h' for help and examples`,
    );
  }
  return { sub, args };
}

function* setCommand(ctx: Context): Task {
  const { sub, args } = subcommandOf(ctx, 'set');
  if (sub === 'image') return yield* setImage(ctx, args);
  throw new KubectlError(`error: "kubectl set ${sub}" is not available in Kubeloop yet`);
}

/** set updates fields of existing objects; Kubeloop has `set image`. */
export const set: Command = {
  name: 'set',
  flags: [{ name: 'all', type: 'bool' }],
  run: setCommand,
};
