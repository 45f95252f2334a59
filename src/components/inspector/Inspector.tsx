import { useTranslation } from 'react-i18next';
import { selectSelected, useKubeloop } from '../../state/store';
import ClaimInspector from './ClaimInspector';
import NodeInspector from './NodeInspector';
import PodInspector from './PodInspector';
import ServiceInspector from './ServiceInspector';
import WorkloadInspector from './WorkloadInspector';
import WorkloadList from './WorkloadList';
import './i18n';

/** Inspector shows the selected pod, node, workload, Service or claim (the lazily loaded half of the side panel). */
export default function Inspector() {
  const { t } = useTranslation('inspector');
  const selected = useKubeloop(selectSelected);
  if (!selected)
    return (
      <>
        <p className="inspector-empty">{t('empty')}</p>
        <WorkloadList />
      </>
    );
  const key = `${selected.kind}/${selected.namespace ?? ''}/${selected.name}`;
  switch (selected.kind) {
    case 'Pod':
      return <PodInspector key={key} target={selected} />;
    case 'Node':
      return <NodeInspector key={key} target={selected} />;
    case 'Service':
      return <ServiceInspector key={key} target={selected} />;
    case 'PersistentVolumeClaim':
      return <ClaimInspector key={key} target={selected} />;
    default:
      return <WorkloadInspector key={key} target={selected} />;
  }
}
