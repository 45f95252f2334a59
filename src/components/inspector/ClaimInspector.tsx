import { useTranslation } from 'react-i18next';
import type { Event, PersistentVolume, PersistentVolumeClaim, Pod } from '../../engine';
import { age } from '../../kubectl/printers/age';
import { accessModes } from '../../kubectl/printers/storage-columns';
import type { ObjectRef } from '../../state/selection';
import { selectCluster, useKubeloop, useObjects } from '../../state/store';
import { eventRowsFor } from './events';
import { EventsSection, Facts, InspectorHeading, LiveYaml, PodLinks, Section } from './parts';
import { useInspected } from './use-inspected';

/**
 * ClaimInspector is `kubectl describe pvc` laid out for learners: its status, what it asked for
 * against what it got, the volume it is bound to (and that volume's class and reclaim policy),
 * the pods that mount it, and its events (where provisioning or binding says why it waits).
 */
export default function ClaimInspector({ target }: { target: ObjectRef }) {
  const { t } = useTranslation('inspector');
  const cluster = useKubeloop(selectCluster);
  const claim = useInspected<PersistentVolumeClaim>(target);
  const volumes = useObjects<PersistentVolume>('persistentvolumes');
  const pods = useObjects<Pod>('pods', target.namespace);
  const events = useObjects<Event>('events', target.namespace);
  const now = cluster.now;

  if (!claim)
    return (
      <p className="inspector-empty">
        {t('gone', { kind: t('kind.PersistentVolumeClaim'), name: target.name })}
      </p>
    );

  const none = t('field.none');
  const bound = (claim.spec.volumeName ?? '') !== '';
  const volume = volumes.find((v) => v.metadata.name === claim.spec.volumeName);
  const users = pods.filter((p) =>
    (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim.metadata.name),
  );
  const rows = eventRowsFor(events, [claim.metadata.uid], now);
  const status = claim.metadata.deletionTimestamp ? 'Terminating' : (claim.status?.phase ?? '');

  return (
    <article className="inspector-object">
      <InspectorHeading target={target} />
      <Facts
        items={[
          [t('field.namespace'), claim.metadata.namespace ?? 'default'],
          [t('field.status'), status],
          [t('claim.requested'), claim.spec.resources?.requests?.storage ?? none],
          [t('claim.capacity'), bound ? (claim.status?.capacity?.storage ?? none) : none],
          [
            t('claim.accessModes'),
            (bound
              ? accessModes(claim.status?.accessModes)
              : accessModes(claim.spec.accessModes)) || none,
          ],
          [t('claim.storageClass'), claim.spec.storageClassName ?? none],
          [t('claim.volume'), claim.spec.volumeName || none],
          [t('field.age'), age(claim.metadata.creationTimestamp, now)],
        ]}
      />

      {volume && (
        <Section title={t('claim.volumeTitle')}>
          {() => (
            <Facts
              items={[
                [t('field.name'), volume.metadata.name],
                [t('field.status'), volume.status?.phase ?? none],
                [t('claim.capacity'), volume.spec.capacity?.storage ?? none],
                [t('claim.reclaimPolicy'), volume.spec.persistentVolumeReclaimPolicy ?? none],
                [t('claim.storageClass'), volume.spec.storageClassName || none],
                [
                  t('claim.source'),
                  volume.spec.hostPath
                    ? `hostPath ${volume.spec.hostPath.path}`
                    : volume.spec.local
                      ? `local ${volume.spec.local.path}`
                      : volume.spec.nfs
                        ? `nfs ${volume.spec.nfs.server}:${volume.spec.nfs.path}`
                        : none,
                ],
              ]}
            />
          )}
        </Section>
      )}

      <Section title={t('claim.usedBy')}>
        {() => (
          <PodLinks
            pods={users}
            empty={t('claim.unused')}
            note={(p) => p.spec.nodeName ?? t('owned.unscheduled')}
          />
        )}
      </Section>

      <EventsSection rows={rows} />

      <LiveYaml object={claim} />
    </article>
  );
}
