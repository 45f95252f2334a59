import { useTranslation } from 'react-i18next';
import { selectSelected, useKubeloop } from '../../state/store';
import NodeInspector from './NodeInspector';
import PodInspector from './PodInspector';
import './i18n';

/** Inspector shows the selected pod or node (the lazily loaded half of the side panel). */
export default function Inspector() {
  const { t } = useTranslation('inspector');
  const selected = useKubeloop(selectSelected);
  if (!selected) return <p className="inspector-empty">{t('empty')}</p>;
  const key = `${selected.kind}/${selected.namespace ?? ''}/${selected.name}`;
  return selected.kind === 'Pod' ? (
    <PodInspector key={key} target={selected} />
  ) : (
    <NodeInspector key={key} target={selected} />
  );
}
