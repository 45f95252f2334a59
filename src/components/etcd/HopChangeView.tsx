import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hop } from '../../engine';
import { toYaml } from '../../kubectl/printers/yaml';
import { selectCluster, useKubeloop } from '../../state/store';
import { hopChange } from './hop-change';
import './etcd.css';
import './i18n';
import YamlDiff from './YamlDiff';

/** HopChangeView shows what a hop did to etcd: key, revision and the object's YAML diff. */
export default function HopChangeView({ hop }: { hop: Hop }) {
  const { t } = useTranslation('etcd');
  const cluster = useKubeloop(selectCluster);
  const first = useMemo(() => hopChange(cluster, hop), [cluster, hop]);
  // A request's write lands a few hops later: only then look again as the cluster moves on.
  const waiting = first !== undefined && first.revision === undefined;
  const version = useKubeloop((s) => (waiting ? s.version : 0));
  const change = useMemo(
    () => (waiting && version > 0 ? hopChange(cluster, hop) : first),
    [cluster, hop, first, waiting, version],
  );
  const yaml = useMemo(
    () => ({
      before: change?.before ? toYaml(change.before) : '',
      after: change?.after ? toYaml(change.after) : '',
    }),
    [change],
  );
  if (!change) return null;
  const { key, revision, before, after, known } = change;
  return (
    <section className="hop-change" aria-label={t('change')}>
      <h3>{t('change')}</h3>
      <dl className="hop-facts">
        <dt>{t('key')}</dt>
        <dd>
          <code>{key}</code>
        </dd>
        {revision !== undefined && (
          <>
            <dt>{t('revision')}</dt>
            <dd>{revision}</dd>
          </>
        )}
      </dl>
      {revision === undefined ? (
        <p className="etcd-note">{t('notYet')}</p>
      ) : (
        <>
          {!known && <p className="etcd-note">{t('unknown')}</p>}
          {known && !before && <p className="etcd-note">{t('created')}</p>}
          {known && !after && <p className="etcd-note">{t('deleted')}</p>}
          <YamlDiff before={yaml.before} after={yaml.after} />
        </>
      )}
    </section>
  );
}
