import {
  formatLabels,
  isDefaultStorageClass,
  type Event,
  type LimitRange,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type Pod,
  type ResourceQuota,
  type StorageClass,
} from '../../engine';
import { age } from './age';
import { annotationLines, finish, multiline } from './describe';
import { labelLine, limitRangeRows, plain } from './describe-config';

/** QUOTA_SCOPE_HELP is helpTextForResourceQuotaScope. */
const QUOTA_SCOPE_HELP: Record<string, string> = {
  Terminating:
    'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating:
    'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort:
    'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort:
    'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** describeResourceQuota is describeQuota: scopes with their meaning, then used against hard. */
export function describeResourceQuota(quota: ResourceQuota): string {
  const w = [`Name:\t${quota.metadata.name}`, `Namespace:\t${quota.metadata.namespace ?? ''}`];
  const scopes = [...(quota.spec.scopes ?? [])].sort();
  if (scopes.length > 0) {
    w.push(`Scopes:\t${scopes.join(', ')}`);
    for (const scope of scopes)
      if (QUOTA_SCOPE_HELP[scope]) w.push(` * ${QUOTA_SCOPE_HELP[scope]}`);
  }
  w.push('Resource\tUsed\tHard', '--------\t----\t----');
  const hard = quota.status?.hard ?? {};
  for (const resource of Object.keys(hard).sort())
    w.push(`${resource}\t${quota.status?.used?.[resource] ?? '0'}\t${hard[resource]}`);
  return plain(w);
}

/** describeLimitRange is describeLimitRange: the limits table without the namespace's indent. */
export function describeLimitRange(range: LimitRange): string {
  return plain([
    `Name:\t${range.metadata.name}`,
    `Namespace:\t${range.metadata.namespace ?? ''}`,
    'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio',
    '----\t--------\t---\t---\t---------------\t-------------\t-----------------------',
    ...limitRangeRows(range, ''),
  ]);
}

/** accessModes is GetAccessModesAsString: the short forms, in kubectl's fixed order. */
function accessModes(modes: string[] | undefined): string {
  const short: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short
    .filter(([mode]) => modes?.includes(mode as never))
    .map(([, s]) => s)
    .join(',');
}

/** goList prints a []string as Go's %v does: [a b]. */
const goList = (items: string[] | undefined) => `[${(items ?? []).join(' ')}]`;

/** volumeSource is the Source section of a PersistentVolume. */
function volumeSource(spec: PersistentVolume['spec']): string[] {
  if (spec.hostPath)
    return [
      '    Type:\tHostPath (bare host directory volume)',
      `    Path:\t${spec.hostPath.path}`,
      `    HostPathType:\t${spec.hostPath.type ?? ''}`,
    ];
  if (spec.nfs)
    return [
      '    Type:\tNFS (an NFS mount that lasts the lifetime of a pod)',
      `    Server:\t${spec.nfs.server}`,
      `    Path:\t${spec.nfs.path}`,
      `    ReadOnly:\t${spec.nfs.readOnly === true}`,
    ];
  if (spec.local)
    return [
      '    Type:\tLocalVolume (a persistent volume backed by local storage on a node)',
      `    Path:\t${spec.local.path}`,
    ];
  return ['  <unknown>'];
}

/** nodeAffinity is printVolumeNodeAffinity: each required term's expressions. */
function nodeAffinity(pv: PersistentVolume): string[] {
  const terms = pv.spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return ['Node Affinity:\t<none>'];
  if (terms.length === 0) return ['Node Affinity:\t', '  Required Terms:\t<none>'];
  const w = ['Node Affinity:\t', '  Required Terms:\t'];
  terms.forEach((term, i) => {
    const exprs = term.matchExpressions ?? [];
    if (exprs.length === 0) w.push(`    Term ${i}:\t<none>`);
    exprs.forEach((req, j) => {
      const values = (req.values ?? []).length > 0 ? ` [${req.values!.join(', ')}]` : '';
      w.push(
        `${j === 0 ? `    Term ${i}:` : '    '}\t${req.key} ${req.operator.toLowerCase()}${values}`,
      );
    });
  });
  return w;
}

/** describePersistentVolume is describePersistentVolume: binding, capacity, source, events. */
export function describePersistentVolume(
  pv: PersistentVolume,
  events: Event[],
  now: number,
): string {
  const claim = pv.spec.claimRef;
  return finish(
    [
      `Name:\t${pv.metadata.name}`,
      ...multiline('Labels', pv.metadata.labels, labelLine),
      ...annotationLines(pv.metadata.annotations),
      `Finalizers:\t${goList(pv.metadata.finalizers)}`,
      `StorageClass:\t${pv.spec.storageClassName ?? ''}`,
      pv.metadata.deletionTimestamp
        ? `Status:\tTerminating (lasts ${age(pv.metadata.deletionTimestamp, now)})`
        : `Status:\t${pv.status?.phase ?? ''}`,
      `Claim:\t${claim ? `${claim.namespace ?? ''}/${claim.name ?? ''}` : ''}`,
      `Reclaim Policy:\t${pv.spec.persistentVolumeReclaimPolicy ?? ''}`,
      `Access Modes:\t${accessModes(pv.spec.accessModes)}`,
      ...(pv.spec.volumeMode ? [`VolumeMode:\t${pv.spec.volumeMode}`] : []),
      `Capacity:\t${pv.spec.capacity?.storage ?? '0'}`,
      ...nodeAffinity(pv),
      `Message:\t${pv.status?.message ?? ''}`,
      'Source:',
      ...volumeSource(pv.spec),
    ],
    events,
    now,
  );
}

/** claimUsers is getPodsForPVC: the pods that mount the claim, by name. */
function claimUsers(pvc: PersistentVolumeClaim, pods: Pod[]): string[] {
  const names = pods
    .filter((p) =>
      (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
    )
    .map((p) => p.metadata.name)
    .sort();
  if (names.length === 0) return ['Used By:\t<none>'];
  return names.map((name, i) => `${i === 0 ? 'Used By:' : ''}\t${name}`);
}

/** describePersistentVolumeClaim is describePersistentVolumeClaim with the pods that use it. */
export function describePersistentVolumeClaim(
  pvc: PersistentVolumeClaim,
  pods: Pod[],
  events: Event[],
  now: number,
): string {
  const bound = (pvc.spec.volumeName ?? '') !== '';
  return finish(
    [
      `Name:\t${pvc.metadata.name}`,
      `Namespace:\t${pvc.metadata.namespace ?? ''}`,
      `StorageClass:\t${pvc.spec.storageClassName ?? ''}`,
      pvc.metadata.deletionTimestamp
        ? `Status:\tTerminating (lasts ${age(pvc.metadata.deletionTimestamp, now)})`
        : `Status:\t${pvc.status?.phase ?? ''}`,
      `Volume:\t${pvc.spec.volumeName ?? ''}`,
      ...multiline('Labels', pvc.metadata.labels, labelLine),
      ...annotationLines(pvc.metadata.annotations),
      `Finalizers:\t${goList(pvc.metadata.finalizers)}`,
      `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '0') : ''}`,
      `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}`,
      ...(pvc.spec.volumeMode ? [`VolumeMode:\t${pvc.spec.volumeMode}`] : []),
      ...claimUsers(pvc, pods),
    ],
    events,
    now,
  );
}

/** describeStorageClass is describeStorageClass: provisioner, parameters and binding policy. */
export function describeStorageClass(sc: StorageClass, events: Event[], now: number): string {
  const expansion = sc.allowVolumeExpansion;
  return finish(
    [
      `Name:\t${sc.metadata.name}`,
      `IsDefaultClass:\t${isDefaultStorageClass(sc) ? 'Yes' : 'No'}`,
      `Annotations:\t${formatLabels(sc.metadata.annotations)}`,
      `Provisioner:\t${sc.provisioner}`,
      `Parameters:\t${formatLabels(sc.parameters)}`,
      `AllowVolumeExpansion:\t${expansion === undefined ? '<unset>' : expansion ? 'True' : 'False'}`,
      ...((sc.mountOptions ?? []).length === 0
        ? ['MountOptions:\t<none>']
        : ['MountOptions:', ...sc.mountOptions!.map((o) => `  ${o}`)]),
      ...(sc.reclaimPolicy ? [`ReclaimPolicy:\t${sc.reclaimPolicy}`] : []),
      ...(sc.volumeBindingMode ? [`VolumeBindingMode:\t${sc.volumeBindingMode}`] : []),
    ],
    events,
    now,
  );
}
