/** A Mount is one volume as a container sees it: its files under mountPath. */
export interface Mount {
  mountPath: string;
  /** the volume's files, by path relative to its root */
  files: Map<string, string>;
  readOnly: boolean;
  /** the path inside the volume mounted at mountPath (a single file, or a sub-directory) */
  subPath?: string;
}

/** FileTable is what a path resolves into: a volume's files or the container's own layer. */
interface FileTable {
  get(key: string): string | undefined;
  set(key: string, value: string): unknown;
  has(key: string): boolean;
  delete(key: string): boolean;
}

/**
 * MountedFiles is a container's file system: its own writable layer, with volumes mounted over
 * directories. A path under a mount reads and writes the volume (shared with other containers
 * and pods); anything else stays in the container's layer and is lost with it.
 */
export class MountedFiles extends Map<string, string> {
  private readonly mounts: Mount[];

  constructor(mounts: Mount[]) {
    super();
    // Deepest mount first, so /data/cache wins over /data.
    this.mounts = [...mounts].sort((a, b) => b.mountPath.length - a.mountPath.length);
  }

  private resolve(path: string): { files: FileTable; key: string; mount?: Mount } {
    for (const mount of this.mounts) {
      const root = mount.mountPath.replace(/\/+$/, '');
      const sub = mount.subPath?.replace(/\/+$/, '');
      if (sub !== undefined && path === root) return { files: mount.files, key: sub, mount };
      if (path.startsWith(`${root}/`)) {
        const rest = path.slice(root.length + 1);
        return { files: mount.files, key: sub ? `${sub}/${rest}` : rest, mount };
      }
    }
    return { files: this.layer(), key: path };
  }

  /** layer is the container's own files (the Map itself). */
  private layer(): FileTable {
    return {
      get: (k) => super.get(k),
      set: (k, v) => super.set(k, v),
      has: (k) => super.has(k),
      delete: (k) => super.delete(k),
    };
  }

  override get(path: string): string | undefined {
    const { files, key } = this.resolve(path);
    return files.get(key);
  }

  override has(path: string): boolean {
    const { files, key } = this.resolve(path);
    return files.has(key);
  }

  override set(path: string, content: string): this {
    const { files, key, mount } = this.resolve(path);
    // A read-only mount (configMap, secret) keeps its content; the shell sees the write fail.
    if (!mount?.readOnly) files.set(key, content);
    return this;
  }

  override delete(path: string): boolean {
    const { files, key, mount } = this.resolve(path);
    return mount?.readOnly ? false : files.delete(key);
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
