import type { ResourceInfo } from '../../engine';
import type { Context } from '../context';
import { KubectlError } from '../errors';
import { kindName, requireResource } from '../resources';

/** A Target is one object named on the command line. */
export interface Target {
  info: ResourceInfo;
  namespace?: string;
  name: string;
}

/**
 * resourceTargets reads `TYPE NAME...` or `TYPE/NAME...` (resource.Builder's ResourceTypeOrNameArgs)
 * from args; an empty name list is allowed only when the caller lists (--all, -l).
 */
export function resourceTargets(
  ctx: Context,
  args: readonly string[],
  emptyMessage: string,
): { info: ResourceInfo; names: string[] }[] {
  if (args.length === 0) throw new KubectlError(emptyMessage);
  if (args.some((a) => a.includes('/'))) {
    const out: { info: ResourceInfo; names: string[] }[] = [];
    for (const arg of args) {
      const [type, name] = arg.split('/', 2);
      if (!name) {
        throw new KubectlError(
          "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>')",
        );
      }
      const info = requireResource(type!);
      const same = out.find((t) => t.info === info);
      if (same) same.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  void ctx;
  return [{ info: requireResource(args[0]!), names: args.slice(1) }];
}

/** namespaceOf is the namespace a target of this resource lives in (none for nodes). */
export const namespaceOf = (ctx: Context, info: ResourceInfo) =>
  info.namespaced ? ctx.namespace : undefined;

/** named prints `deployment.apps/web <what>` as the name printer does. */
export const named = (info: ResourceInfo, name: string, what: string) =>
  `${kindName(info)}/${name} ${what}\n`;
