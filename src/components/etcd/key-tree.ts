/** A KeyDir is one level of the /registry tree: its sub-folders and the keys directly in it. */
export interface KeyDir {
  /** the folder's path with a trailing slash: /registry/pods/ */
  path: string;
  dirs: KeyDir[];
  keys: string[];
  /** every key under this folder, at any depth */
  count: number;
}

/**
 * childrenOf splits sorted keys under prefix into sub-folders and leaves, one level deep (the UI
 * expands one folder at a time, so a cluster of 10,000 pods never builds the whole tree).
 */
export function childrenOf(sortedKeys: readonly string[], prefix: string): KeyDir {
  const dirs = new Map<string, KeyDir>();
  const keys: string[] = [];
  let count = 0;
  for (const key of sortedKeys) {
    if (!key.startsWith(prefix)) continue;
    count++;
    const slash = key.indexOf('/', prefix.length);
    if (slash < 0) {
      keys.push(key);
      continue;
    }
    const path = key.slice(0, slash + 1);
    let dir = dirs.get(path);
    if (!dir) dirs.set(path, (dir = { path, dirs: [], keys: [], count: 0 }));
    dir.count++;
  }
  return { path: prefix, dirs: [...dirs.values()], keys, count };
}

/** allKeys is every key etcd holds plus the deleted ones it still has history for, sorted. */
export function allKeys(live: readonly string[], withHistory: readonly string[]): string[] {
  const seen = new Set(live);
  for (const key of withHistory) seen.add(key);
  return [...seen].sort();
}

/** lastSegment is what a tree row shows: the part of path below its parent. */
export function lastSegment(path: string): string {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) + (path.endsWith('/') ? '/' : '');
}
