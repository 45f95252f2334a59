import type { ContainerFiles } from '../runtime/process';

/**
 * A Mount is one volume as a container sees it: its files under mountPath. A read-only mount may
 * be any file table (a projected volume lays its files out itself); a writable one is a Map.
 */
export type Mount = {
  mountPath: string;
  /** the path inside the volume mounted at mountPath (a single file, or a sub-directory) */
  subPath?: string;
} & (
  | { readOnly: true; files: ReadonlyMap<string, string> }
  | { readOnly: false; files: Map<string, string> }
);

/**
 * MountedFiles is a container's file system: its own writable layer, with volumes mounted over
 * directories. A path under a mount reads and writes the volume (shared with other containers
 * and pods); anything else stays in the container's layer and is lost with it.
 */
export class MountedFiles implements ContainerFiles {
  private readonly mounts: Mount[];
  /** the container's own files, made at the first write (most containers never write one) */
  private layer: Map<string, string> | undefined;

  constructor(mounts: Mount[]) {
    // Deepest mount first, so /data/cache wins over /data.
    this.mounts = [...mounts].sort((a, b) => b.mountPath.length - a.mountPath.length);
  }

  /** resolve finds the mount a path lies on and its key there; no mount means the container's layer. */
  private resolve(path: string): { mount?: Mount; key: string } {
    for (const mount of this.mounts) {
      const root = mount.mountPath.replace(/\/+$/, '');
      const sub = mount.subPath?.replace(/\/+$/, '');
      if (sub !== undefined && path === root) return { mount, key: sub };
      if (path.startsWith(`${root}/`)) {
        const rest = path.slice(root.length + 1);
        return { mount, key: sub ? `${sub}/${rest}` : rest };
      }
    }
    return { key: path };
  }

  get(path: string): string | undefined {
    const { mount, key } = this.resolve(path);
    return mount ? mount.files.get(key) : this.layer?.get(key);
  }

  has(path: string): boolean {
    const { mount, key } = this.resolve(path);
    return mount ? mount.files.has(key) : (this.layer?.has(key) ?? false);
  }

  set(path: string, content: string): this {
    const { mount, key } = this.resolve(path);
    if (!mount) (this.layer ??= new Map()).set(key, content);
    // A read-only mount (configMap, secret) keeps its content; the shell sees the write fail.
    else if (!mount.readOnly) mount.files.set(key, content);
    return this;
  }

  delete(path: string): boolean {
    const { mount, key } = this.resolve(path);
    if (!mount) return this.layer?.delete(key) ?? false;
    return mount.readOnly ? false : mount.files.delete(key);
  }

  /** keys are the paths written in the container's own layer. */
  keys(): Iterable<string> {
    return this.layer?.keys() ?? [];
  }

  /**
   * list names what the mounts put directly under dir (for `ls`): a mount's own files when dir
   * is inside it, the next directory of a mount path below dir; undefined when no mount is there.
   */
  list(dir: string): string[] | undefined {
    const names = new Set<string>();
    let found = false;
    const prefix = dir === '/' ? '/' : `${dir}/`;
    for (const mount of this.mounts) {
      const root = mount.mountPath.replace(/\/+$/, '');
      if (root.startsWith(prefix)) {
        names.add(root.slice(prefix.length).split('/')[0]!);
        found = true;
      } else if ((dir === root || dir.startsWith(`${root}/`)) && !mount.subPath) {
        const inside = dir === root ? '' : `${dir.slice(root.length + 1)}/`;
        for (const key of mount.files.keys())
          if (key.startsWith(inside)) names.add(key.slice(inside.length).split('/')[0]!);
        found = true;
        break;
      }
    }
    return found ? [...names] : undefined;
  }

  /** readOnlyAt tells whether a path lies on a read-only mount. */
  readOnlyAt(path: string): boolean {
    return this.resolve(path).mount?.readOnly ?? false;
  }
}
