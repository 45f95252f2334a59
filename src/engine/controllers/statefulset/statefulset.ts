import { isPodReady, isPodTerminal, podCondition } from '../../api/pod';
import { clone, controllerOf, deepEqual, objectKey } from '../../api/objects';
import type { Pod, StatefulSet, StatefulSetStatus, Volume } from '../../api/types';
import { parseTimestamp } from '../../clock';
import type { EventRecorder } from '../../client/events';
import { WorkQueue } from '../../client/workqueue';
import { ControllerContext } from '../context';
import { podFromTemplate } from '../pod-control';
import { computeHash } from '../hash';
import type { ApiCallback } from '../../apiserver/apiserver';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
const REVISION_LABEL = 'controller-revision-hash';

/** ordinalOf reads N from `<sts>-N`, or -1 when the pod is not one of the set's. */
export function ordinalOf(sts: StatefulSet, pod: Pod): number {
  const prefix = `${sts.metadata.name}-`;
  const rest = pod.metadata.name.startsWith(prefix) ? pod.metadata.name.slice(prefix.length) : '';
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1;
}

const isRunningAndReady = (pod: Pod) => pod.status.phase === 'Running' && isPodReady(pod);

/**
 * StatefulSetController gives each replica a stable identity (pkg/controller/statefulset): pods
 * `<sts>-0 … <sts>-(n-1)`. With OrderedReady it creates them one at a time in order, each after
 * its predecessor is Running and Ready, and removes them from the highest ordinal down; Parallel
 * skips the waiting. A template change is rolled out from the highest ordinal down, one pod at a
 * time. The revision is a hash of the template (`<sts>-<hash>`); the engine keeps no
 * ControllerRevision objects.
 */
export class StatefulSetController {
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.recorder = ctx.recorder('statefulset-controller');
    ctx.statefulSets.addHandlers({
      onAdd: (sts) => this.queue.add(objectKey(sts)),
      onUpdate: (_old, sts) => this.queue.add(objectKey(sts)),
    });
    const enqueueOwner = (pod: Pod) => {
      const ref = controllerOf(pod);
      if (ref?.kind === 'StatefulSet') this.queue.add(`${pod.metadata.namespace}/${ref.name}`);
    };
    ctx.pods.addHandlers({
      onAdd: enqueueOwner,
      onUpdate: (_old, pod) => enqueueOwner(pod),
      onDelete: enqueueOwner,
    });
  }

  private sync(key: string): void {
    const sts = this.ctx.statefulSets.get(key);
    if (!sts) return;
    const updateRevision = `${sts.metadata.name}-${computeHash(sts.spec.template)}`;
    const pods = this.ctx.pods
      .byIndex(ControllerContext.BY_CONTROLLER, sts.metadata.uid)
      .filter((p) => ordinalOf(sts, p) >= 0);
    const byOrdinal = new Map(pods.map((p) => [ordinalOf(sts, p), p]));
    if (sts.metadata.deletionTimestamp === undefined)
      this.reconcile(sts, byOrdinal, updateRevision);
    this.updateStatus(sts, pods, updateRevision);
  }

  /** reconcile makes at most the one move OrderedReady allows, or every move under Parallel. */
  private reconcile(sts: StatefulSet, byOrdinal: Map<number, Pod>, updateRevision: string): void {
    const ordered = sts.spec.podManagementPolicy !== 'Parallel';
    const replicas = sts.spec.replicas;
    for (let i = 0; i < replicas; i++) {
      const pod = byOrdinal.get(i);
      if (pod && isPodTerminal(pod) && !pod.metadata.deletionTimestamp) {
        // A finished replica is deleted and created again under the same name.
        this.deletePod(sts, pod);
        if (ordered) return;
        continue;
      }
      if (!pod) {
        this.createPod(sts, i, updateRevision);
        if (ordered) return;
        continue;
      }
      if (ordered && (pod.metadata.deletionTimestamp || !isRunningAndReady(pod))) return;
    }
    // Scale down: condemned replicas go from the highest ordinal, one at a time when ordered.
    const condemned = [...byOrdinal.keys()].filter((i) => i >= replicas).sort((a, b) => b - a);
    for (const i of condemned) {
      const pod = byOrdinal.get(i)!;
      if (pod.metadata.deletionTimestamp) {
        if (ordered) return;
        continue;
      }
      this.deletePod(sts, pod);
      if (ordered) return;
    }
    if (sts.spec.updateStrategy.type !== 'RollingUpdate') return;
    // Rolling update: every replica healthy first, then the highest outdated ordinal goes.
    const partition = sts.spec.updateStrategy.rollingUpdate?.partition ?? 0;
    for (let i = 0; i < replicas; i++) {
      const pod = byOrdinal.get(i);
      if (!pod || pod.metadata.deletionTimestamp || !isRunningAndReady(pod)) return;
    }
    for (let i = replicas - 1; i >= partition; i--) {
      const pod = byOrdinal.get(i)!;
      if (pod.metadata.labels?.[REVISION_LABEL] !== updateRevision) {
        this.deletePod(sts, pod);
        return;
      }
    }
  }

  private createPod(sts: StatefulSet, ordinal: number, revision: string): void {
    const name = `${sts.metadata.name}-${ordinal}`;
    const template = sts.spec.template;
    const spec = clone(template.spec);
    spec.hostname = name;
    if (sts.spec.serviceName) spec.subdomain = sts.spec.serviceName;
    spec.volumes = [
      ...(spec.volumes ?? []).filter(
        (v) => !(sts.spec.volumeClaimTemplates ?? []).some((t) => t.metadata.name === v.name),
      ),
      ...this.createClaims(sts, ordinal, name),
    ];
    if (spec.volumes.length === 0) delete spec.volumes;
    const body = podFromTemplate(sts, template, {
      name,
      labels: {
        [POD_INDEX_LABEL]: String(ordinal),
        [REVISION_LABEL]: revision,
        [POD_NAME_LABEL]: name,
      },
      spec,
    });
    const what = `Pod ${name} in StatefulSet ${sts.metadata.name}`;
    this.ctx.client.request(
      { verb: 'create', resource: 'pods', namespace: sts.metadata.namespace, body },
      this.recordCreate(sts, what, 'successful'),
      { code: 'sts.create', args: { sts: sts.metadata.name, pod: name, ordinal } },
    );
  }

  /**
   * createClaims makes each volumeClaimTemplate's claim for an ordinal, `<template>-<sts>-<n>`,
   * unless it exists (createPersistentVolumeClaims), and returns the pod volumes that use them.
   * The claims are kept when the set scales down, so a returning ordinal finds its data.
   */
  private createClaims(sts: StatefulSet, ordinal: number, podName: string): Volume[] {
    const namespace = sts.metadata.namespace;
    return (sts.spec.volumeClaimTemplates ?? []).map((template) => {
      const claimName = `${template.metadata.name}-${sts.metadata.name}-${ordinal}`;
      const body = {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          ...clone(template.metadata),
          name: claimName,
          namespace,
          labels: { ...template.metadata.labels, ...sts.spec.selector.matchLabels },
          // whenDeleted: Delete makes the set the claims' owner, so they go with it.
          ...(sts.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete'
            ? {
                ownerReferences: [
                  {
                    apiVersion: 'apps/v1',
                    kind: 'StatefulSet',
                    name: sts.metadata.name,
                    uid: sts.metadata.uid,
                  },
                ],
              }
            : {}),
        },
        spec: clone(template.spec),
      };
      const what = `Claim ${claimName} Pod ${podName} in StatefulSet ${sts.metadata.name}`;
      this.ctx.client.request(
        { verb: 'create', resource: 'persistentvolumeclaims', namespace, body },
        this.recordCreate(sts, what, 'success'),
      );
      return { name: template.metadata.name, persistentVolumeClaim: { claimName } };
    });
  }

  /**
   * recordCreate reports a create on the set (recordPodEvent, recordClaimEvent: pods end in
   * "successful", claims in "success"); one that already exists is not news.
   */
  private recordCreate(sts: StatefulSet, what: string, success: string): ApiCallback {
    return (response) => {
      if (response.ok) this.recorder.normal(sts, 'SuccessfulCreate', `create ${what} ${success}`);
      else if (response.error.status.reason !== 'AlreadyExists')
        this.recorder.warning(
          sts,
          'FailedCreate',
          `create ${what} failed error: ${response.error.message}`,
        );
    };
  }

  private deletePod(sts: StatefulSet, pod: Pod): void {
    const what = `Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name}`;
    this.ctx.client.request(
      {
        verb: 'delete',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
      },
      (response) => {
        if (response.ok) this.recorder.normal(sts, 'SuccessfulDelete', `delete ${what} successful`);
      },
      { code: 'sts.delete', args: { sts: sts.metadata.name, pod: pod.metadata.name } },
    );
  }

  private updateStatus(sts: StatefulSet, pods: Pod[], updateRevision: string): void {
    const minReady = (sts.spec.minReadySeconds ?? 0) * 1000;
    const now = this.ctx.clock.now;
    // Every pod created counts, terminating ones included (isCreated).
    const live = pods;
    const ready = live.filter(isRunningAndReady);
    const available = ready.filter(
      (p) =>
        minReady === 0 ||
        parseTimestamp(podCondition(p, 'Ready')!.lastTransitionTime) + minReady <= now,
    );
    const updated = live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision);
    let currentRevision = sts.status?.currentRevision ?? updateRevision;
    if (updated.length === sts.spec.replicas && ready.length === sts.spec.replicas)
      currentRevision = updateRevision;
    const current = live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision);
    const status: StatefulSetStatus = {
      observedGeneration: sts.metadata.generation,
      replicas: live.length,
      readyReplicas: ready.length || undefined,
      currentReplicas: current.length || undefined,
      updatedReplicas: updated.length || undefined,
      availableReplicas: available.length,
      currentRevision,
      updateRevision,
      collisionCount: 0,
    };
    if (deepEqual(status, sts.status)) return;
    this.ctx.client.request(
      {
        verb: 'update',
        resource: 'statefulsets',
        namespace: sts.metadata.namespace,
        name: sts.metadata.name,
        subresource: 'status',
        body: { ...sts, status } as StatefulSet,
      },
      (response) => {
        this.queue.settle(objectKey(sts), response.ok);
      },
      {
        code: 'sts.status',
        args: { sts: sts.metadata.name, ready: ready.length, want: sts.spec.replicas },
      },
    );
  }
}
