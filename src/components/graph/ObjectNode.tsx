import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { sameRef, type ObjectRef } from '../../state/selection';
import { useKubeloop, type KubeloopState } from '../../state/store';
import type { ServiceView } from '../../state/services';
import type { WorkloadView } from '../../state/workloads';
import { Handles } from './handles';
import type { ObjectNodeData } from './object-graph';
import { endpointCounts } from './i18n';

/** SelectButton is an object's box as a button: click, Enter or Space opens it in the inspector. */
function SelectButton({
  target,
  label,
  className,
  children,
}: {
  target: ObjectRef;
  label: string;
  className: string;
  children: React.ReactNode;
}) {
  const selected = useKubeloop((s: KubeloopState) => sameRef(s.selected, target));
  const select = useKubeloop((s: KubeloopState) => s.select);
  return (
    <button
      type="button"
      className={`object-node nopan ${className}${selected ? ' is-selected' : ''}`}
      aria-label={label}
      aria-pressed={selected}
      onClick={() => select(target)}
    >
      {children}
    </button>
  );
}

function ServiceBox({ view }: { view: ServiceView }) {
  const { t } = useTranslation('graph');
  const counts = endpointCounts(t, view.ready, view.notReady);
  const address = [view.clusterIP, view.ports].filter(Boolean).join(' ');
  return (
    <SelectButton
      target={{ kind: 'Service', namespace: view.namespace, name: view.name }}
      label={t('selectService', { name: view.name, type: view.type, address, counts })}
      className="kind-service"
    >
      <span className="object-title">
        <span className="object-kind">{t('kind.Service')}</span> <strong>{view.name}</strong>
      </span>
      <span className="object-line">
        {view.type} {address}
      </span>
      <span className={`object-line${view.notReady > 0 ? ' has-not-ready' : ''}`}>{counts}</span>
    </SelectButton>
  );
}

function WorkloadBox({ view }: { view: WorkloadView }) {
  const { t } = useTranslation('graph');
  const state =
    view.kind === 'CronJob'
      ? t('cronJobState', { schedule: view.schedule, count: view.of })
      : view.kind === 'Job'
        ? t('jobState', { done: view.done, of: view.of })
        : t('workloadState', { done: view.done, of: view.of });
  return (
    <SelectButton
      target={{ kind: view.kind, namespace: view.namespace, name: view.name }}
      label={t('selectObject', { kind: t(`kind.${view.kind}`), name: view.name, state })}
      className={`kind-workload${view.done < view.of && view.kind !== 'CronJob' ? ' is-converging' : ''}`}
    >
      <span className="object-title">
        <span className="object-kind">{t(`kind.${view.kind}`)}</span> <strong>{view.name}</strong>
      </span>
      <span className="object-line">{state}</span>
    </SelectButton>
  );
}

/**
 * ObjectNode is a Kubernetes object below the nodes: a Service, an Ingress, a workload of the
 * owners view, or a claim, volume or class of the storage view. Services, workloads and claims
 * open in the inspector; volumes, classes and Ingresses are drawn for their links.
 */
export default memo(function ObjectNode({ data }: NodeProps<Node<ObjectNodeData>>) {
  const { t } = useTranslation('graph');
  let box: React.ReactNode;
  switch (data.object) {
    case 'service':
      box = <ServiceBox view={data.view} />;
      break;
    case 'workload':
      box = <WorkloadBox view={data.view} />;
      break;
    case 'claim': {
      const { view } = data;
      const state = [view.status, view.capacity, view.modes].filter(Boolean).join(' ');
      box = (
        <SelectButton
          target={{ kind: 'PersistentVolumeClaim', namespace: view.namespace, name: view.name }}
          label={t('selectObject', {
            kind: t('kind.PersistentVolumeClaim'),
            name: view.name,
            state,
          })}
          className={`kind-storage${view.status === 'Bound' ? '' : ' is-converging'}`}
        >
          <span className="object-title">
            <span className="object-kind">{t('kind.PersistentVolumeClaim')}</span>{' '}
            <strong>{view.name}</strong>
          </span>
          <span className="object-line">{state}</span>
        </SelectButton>
      );
      break;
    }
    case 'volume':
    case 'class':
    case 'ingress': {
      const kind =
        data.object === 'volume'
          ? 'PersistentVolume'
          : data.object === 'class'
            ? 'StorageClass'
            : 'Ingress';
      const line =
        data.object === 'volume'
          ? [data.view.status, data.view.capacity].filter(Boolean).join(' ')
          : data.object === 'class'
            ? `${data.view.provisioner}${data.view.isDefault ? ` (${t('defaultClass')})` : ''}`
            : data.view.hosts;
      box = (
        <div
          className={`object-node kind-${data.object === 'ingress' ? 'service' : 'storage'}`}
          role="group"
          aria-label={`${t(`kind.${kind}`)} ${data.view.name}, ${line}`}
        >
          <span className="object-title">
            <span className="object-kind">{t(`kind.${kind}`)}</span>{' '}
            <strong>{data.view.name}</strong>
          </span>
          <span className="object-line">{line}</span>
        </div>
      );
    }
  }
  return (
    <>
      <Handles />
      {box}
    </>
  );
});
