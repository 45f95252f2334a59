import {
  formatLabels,
  formatSelector,
  type CronJob,
  type DaemonSet,
  type Deployment,
  type Job,
  type PodDisruptionBudget,
  type PriorityClass,
  type StatefulSet,
  type Event,
  type HorizontalPodAutoscaler,
  type KubeObject,
  type Namespace,
  type Node,
  type Pod,
  type ReplicaSet,
} from '../../engine';
import { age, humanDuration } from './age';
import { summarizePod } from './pod-status';
import { CONFIG_PRINTERS } from './config-columns';
import { SERVICE_PRINTERS } from './service-columns';
import { NETWORK_PRINTERS } from './network-columns';
import { STORAGE_PRINTERS } from './storage-columns';
import type { Table } from './table';

/** A ResourcePrinter gives the columns of one resource, as printers.go AddHandlers registers them. */
interface ResourcePrinter {
  headers: string[];
  wide: string[];
  row(obj: KubeObject, now: number, wide: boolean): string[];
}

const orNone = (s: string | undefined) => (s ? s : '<none>');

function containersAndImages(spec: { containers: { name: string; image: string }[] }): string[] {
  return [
    spec.containers.map((c) => c.name).join(','),
    spec.containers.map((c) => c.image).join(','),
  ];
}

export function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  let status = ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown';
  if (node.spec?.unschedulable) status += ',SchedulingDisabled';
  return status;
}

export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/'))
      roles.add(key.slice('node-role.kubernetes.io/'.length));
    else if (key === 'kubernetes.io/role' && value) roles.add(value);
  }
  return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
}

const PRINTERS: Record<string, ResourcePrinter> = {
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row(obj, now, wide) {
      const pod = obj as Pod;
      const s = summarizePod(pod, now);
      const cells = [
        pod.metadata.name,
        s.ready,
        s.status,
        s.restarts,
        age(pod.metadata.creationTimestamp, now),
      ];
      if (wide) {
        cells.push(
          orNone(pod.status?.podIPs?.[0]?.ip),
          orNone(pod.spec.nodeName),
          orNone(pod.status?.nominatedNodeName),
          '<none>',
        );
      }
      return cells;
    },
  },
  Deployment: {
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row(obj, now, wide) {
      const d = obj as Deployment;
      const st = d.status ?? {};
      const cells = [
        d.metadata.name,
        `${st.readyReplicas ?? 0}/${d.spec.replicas}`,
        String(st.updatedReplicas ?? 0),
        String(st.availableReplicas ?? 0),
        age(d.metadata.creationTimestamp, now),
      ];
      if (wide)
        cells.push(...containersAndImages(d.spec.template.spec), formatSelector(d.spec.selector));
      return cells;
    },
  },
  ReplicaSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row(obj, now, wide) {
      const rs = obj as ReplicaSet;
      const cells = [
        rs.metadata.name,
        String(rs.spec.replicas),
        String(rs.status?.replicas ?? 0),
        String(rs.status?.readyReplicas ?? 0),
        age(rs.metadata.creationTimestamp, now),
      ];
      if (wide)
        cells.push(...containersAndImages(rs.spec.template.spec), formatSelector(rs.spec.selector));
      return cells;
    },
  },
  Node: {
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row(obj, now, wide) {
      const node = obj as Node;
      const info = node.status.nodeInfo;
      const cells = [
        node.metadata.name,
        nodeStatus(node),
        nodeRoles(node),
        age(node.metadata.creationTimestamp, now),
        info.kubeletVersion,
      ];
      if (wide) {
        const address = (type: string) =>
          node.status.addresses.find((a) => a.type === type)?.address;
        cells.push(
          orNone(address('InternalIP')),
          orNone(address('ExternalIP')),
          info.osImage,
          info.kernelVersion,
          info.containerRuntimeVersion,
        );
      }
      return cells;
    },
  },
  Namespace: {
    headers: ['NAME', 'STATUS', 'AGE'],
    wide: [],
    row(obj, now) {
      const ns = obj as Namespace;
      return [ns.metadata.name, ns.status?.phase ?? '', age(ns.metadata.creationTimestamp, now)];
    },
  },
  Event: {
    headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wide: [],
    row(obj, now, wide) {
      const e = obj as Event;
      const first = age(e.firstTimestamp || e.eventTime, now);
      const last = e.lastTimestamp ? age(e.lastTimestamp, now) : first;
      const target = e.involvedObject.name
        ? `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`
        : e.involvedObject.kind.toLowerCase();
      if (!wide) return [last, e.type, e.reason, target, e.message.trim()];
      const source = e.source?.component || e.reportingComponent || '<unknown>';
      const host = e.source?.host || e.reportingInstance;
      return [
        last,
        e.type,
        e.reason,
        target,
        e.involvedObject.fieldPath ?? '',
        host ? `${source}, ${host}` : source,
        e.message.trim(),
        first,
        String(e.count ?? 1),
        e.metadata.name,
      ];
    },
  },
};

/** jobStatus is printJob's STATUS: the first of these conditions that holds, else Running. */
function jobStatus(job: Job): string {
  const is = (type: string) =>
    job.status?.conditions?.some((c) => c.type === type && c.status === 'True');
  if (is('Complete')) return 'Complete';
  if (is('Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (is('Suspended')) return 'Suspended';
  if (is('FailureTarget')) return 'FailureTarget';
  if (is('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec.completions !== undefined) return `${succeeded}/${job.spec.completions}`;
  return job.spec.parallelism > 1 ? `${succeeded}/1 of ${job.spec.parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: Job, now: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status.completionTime ? Date.parse(job.status.completionTime) : now;
  return humanDuration(end - Date.parse(start));
}

const boolCell = (b: boolean | undefined) => (b === undefined ? '<unset>' : b ? 'True' : 'False');

PRINTERS.DaemonSet = {
  headers: [
    'NAME',
    'DESIRED',
    'CURRENT',
    'READY',
    'UP-TO-DATE',
    'AVAILABLE',
    'NODE SELECTOR',
    'AGE',
  ],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now, wide) {
    const ds = obj as DaemonSet;
    const st = ds.status;
    const cells = [
      ds.metadata.name,
      String(st?.desiredNumberScheduled ?? 0),
      String(st?.currentNumberScheduled ?? 0),
      String(st?.numberReady ?? 0),
      String(st?.updatedNumberScheduled ?? 0),
      String(st?.numberAvailable ?? 0),
      formatLabels(ds.spec.template.spec.nodeSelector),
      age(ds.metadata.creationTimestamp, now),
    ];
    if (wide)
      cells.push(...containersAndImages(ds.spec.template.spec), formatSelector(ds.spec.selector));
    return cells;
  },
};

PRINTERS.PodDisruptionBudget = {
  headers: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
  wide: [],
  row(obj, now) {
    const pdb = obj as PodDisruptionBudget;
    const show = (v: number | string | undefined) => (v === undefined ? 'N/A' : String(v));
    return [
      pdb.metadata.name,
      show(pdb.spec.minAvailable),
      show(pdb.spec.maxUnavailable),
      String(pdb.status?.disruptionsAllowed ?? 0),
      age(pdb.metadata.creationTimestamp, now),
    ];
  },
};

PRINTERS.PriorityClass = {
  headers: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'],
  wide: [],
  row(obj, now) {
    const pc = obj as PriorityClass;
    return [
      pc.metadata.name,
      String(pc.value),
      String(pc.globalDefault ?? false),
      age(pc.metadata.creationTimestamp, now),
      pc.preemptionPolicy ?? '',
    ];
  },
};

PRINTERS.StatefulSet = {
  headers: ['NAME', 'READY', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES'],
  row(obj, now, wide) {
    const sts = obj as StatefulSet;
    const cells = [
      sts.metadata.name,
      `${sts.status?.readyReplicas ?? 0}/${sts.spec.replicas}`,
      age(sts.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(...containersAndImages(sts.spec.template.spec));
    return cells;
  },
};

PRINTERS.Job = {
  headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now, wide) {
    const job = obj as Job;
    const cells = [
      job.metadata.name,
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, now),
      age(job.metadata.creationTimestamp, now),
    ];
    if (wide)
      cells.push(...containersAndImages(job.spec.template.spec), formatSelector(job.spec.selector));
    return cells;
  },
};

PRINTERS.CronJob = {
  headers: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now, wide) {
    const cj = obj as CronJob;
    const last = cj.status?.lastScheduleTime;
    const cells = [
      cj.metadata.name,
      cj.spec.schedule,
      orNone(cj.spec.timeZone),
      boolCell(cj.spec.suspend),
      String(cj.status?.active?.length ?? 0),
      last ? age(last, now) : '<none>',
      age(cj.metadata.creationTimestamp, now),
    ];
    if (wide) {
      const jobSpec = cj.spec.jobTemplate.spec;
      cells.push(
        ...containersAndImages(jobSpec.template.spec),
        jobSpec.selector ? formatSelector(jobSpec.selector) : '<none>',
      );
    }
    return cells;
  },
};

/**
 * hpaTargets is the TARGETS cell (printers.go formatHPAMetrics): `cpu: 45%/50%`, `<unknown>`
 * before a value is known; past two metrics, ` + N more...`.
 */
export function hpaTargets(hpa: HorizontalPodAutoscaler): string {
  const metrics = hpa.spec.metrics ?? [];
  if (metrics.length === 0) return '<none>';
  const cells = metrics.map((m, i) => {
    const name = m.resource?.name ?? m.type;
    const target = m.resource?.target;
    const current = hpa.status?.currentMetrics?.[i]?.resource?.current;
    if (target?.type === 'Utilization') {
      const now =
        current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : '<unknown>';
      return `${name}: ${now}/${target.averageUtilization}%`;
    }
    return `${name}: ${current?.averageValue ?? '<unknown>'}/${target?.averageValue ?? target?.value ?? ''}`;
  });
  const shown = cells.slice(0, 2).join(', ');
  return cells.length > 2 ? `${shown} + ${cells.length - 2} more...` : shown;
}

PRINTERS.HorizontalPodAutoscaler = {
  headers: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
  wide: [],
  row(obj, now) {
    const hpa = obj as HorizontalPodAutoscaler;
    const ref = hpa.spec.scaleTargetRef;
    return [
      hpa.metadata.name,
      `${ref.kind}/${ref.name}`,
      hpaTargets(hpa),
      hpa.spec.minReplicas === undefined ? '<unset>' : String(hpa.spec.minReplicas),
      String(hpa.spec.maxReplicas),
      String(hpa.status?.currentReplicas ?? 0),
      age(hpa.metadata.creationTimestamp, now),
    ];
  },
};

PRINTERS.Event!.wide = ['SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'];
Object.assign(PRINTERS, SERVICE_PRINTERS, CONFIG_PRINTERS, NETWORK_PRINTERS, STORAGE_PRINTERS);

export interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  showLabels: boolean;
  /** prefix names with kind.group/ (when several types are printed) */
  kindPrefix?: string;
}

/** buildTable turns objects of one kind into kubectl get's table. */
export function buildTable(
  kind: string,
  objects: KubeObject[],
  now: number,
  opts: TableOptions,
): Table {
  const printer = PRINTERS[kind]!;
  let headers = [...printer.headers];
  if (opts.wide) {
    headers =
      kind === 'Event' ? [...headers.slice(0, 4), ...printer.wide] : [...headers, ...printer.wide];
  }
  if (opts.withNamespace) headers.unshift('NAMESPACE');
  if (opts.showLabels) headers.push('LABELS');
  const rows = objects.map((obj) => {
    const cells = printer.row(obj, now, opts.wide);
    if (opts.kindPrefix && kind !== 'Event') cells[0] = `${opts.kindPrefix}/${cells[0]}`;
    if (opts.withNamespace) cells.unshift(obj.metadata.namespace ?? '');
    if (opts.showLabels) {
      const labels = obj.metadata.labels ?? {};
      const keys = Object.keys(labels).sort();
      cells.push(keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k]}`).join(','));
    }
    return cells;
  });
  return { headers, rows };
}

export function hasPrinter(kind: string): boolean {
  return kind in PRINTERS;
}
