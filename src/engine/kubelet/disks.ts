/**
 * Disks is where volume data lives outside any container: a directory on a node (hostPath, and
 * the hostPath provisioner's volumes), an NFS export, a pod's emptyDir. Each is a flat map of
 * path (relative to the volume's root) to file content, shared by every container that mounts
 * it, so what one pod writes the next pod on the same storage reads.
 */
export class Disks {
  private readonly volumes = new Map<string, Map<string, string>>();

  /** open returns a volume's files, creating the empty directory on first use. */
  open(key: string): Map<string, string> {
    let files = this.volumes.get(key);
    if (!files) this.volumes.set(key, (files = new Map()));
    return files;
  }

  /** wipe deletes a volume's data (an emptyDir with its pod, a PV its reclaim policy deletes). */
  wipe(key: string): void {
    this.volumes.delete(key);
  }
}

/** hostPathKey names a directory on one node's disk. */
export const hostPathKey = (node: string, path: string) =>
  `hostPath:${node}:${path.replace(/\/+$/, '')}`;
/** nfsKey names an NFS export, the same from every node. */
export const nfsKey = (server: string, path: string) => `nfs:${server}:${path.replace(/\/+$/, '')}`;
/** emptyDirKey names a pod's scratch volume, which lives and dies with the pod. */
export const emptyDirKey = (podUid: string, volume: string) => `emptyDir:${podUid}:${volume}`;
