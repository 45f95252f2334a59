import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toYaml } from '../../kubectl/printers/yaml';
import { selectCluster, selectVersion, useKubeloop } from '../../state/store';
import './etcd.css';
import './i18n';
import { allKeys, childrenOf, lastSegment } from './key-tree';

const ROOT = '/registry/';

interface TreeProps {
  keys: readonly string[];
  prefix: string;
  selected: string | undefined;
  onSelect: (key: string) => void;
  deleted: (key: string) => boolean;
}

/** KeyFolder lists one folder's children; a sub-folder's own children load when it is opened. */
function KeyFolder({ keys, prefix, selected, onSelect, deleted }: TreeProps) {
  const { t } = useTranslation('etcd');
  const level = useMemo(() => childrenOf(keys, prefix), [keys, prefix]);
  return (
    <ul className="etcd-tree__list">
      {level.dirs.map((dir) => (
        <li key={dir.path}>
          <Folder path={dir.path} count={dir.count} {...{ keys, selected, onSelect, deleted }} />
        </li>
      ))}
      {level.keys.map((key) => (
        <li key={key}>
          <button
            type="button"
            className="etcd-tree__key"
            aria-pressed={selected === key}
            aria-label={key}
            onClick={() => onSelect(key)}
          >
            {lastSegment(key)}
            {deleted(key) ? ` ${t('deletedKey')}` : ''}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Folder({
  path,
  count,
  ...props
}: Omit<TreeProps, 'prefix'> & { path: string; count: number }) {
  const { t } = useTranslation('etcd');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="etcd-tree__folder"
        aria-expanded={open}
        aria-label={`${path} (${t('keyCount', { count })})`}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {lastSegment(path)}{' '}
        <span className="etcd-tree__count">{count}</span>
      </button>
      {open && <KeyFolder prefix={path} {...props} />}
    </>
  );
}

/**
 * EtcdBrowser lists the keys under /registry as folders, and for a picked key its create and mod
 * revisions, its version, every revision etcd still keeps, and the value stored at each.
 */
export default function EtcdBrowser() {
  const { t } = useTranslation('etcd');
  const cluster = useKubeloop(selectCluster);
  const version = useKubeloop(selectVersion);
  const [selected, setSelected] = useState<string>();
  const [revision, setRevision] = useState<number>();
  const etcd = cluster.etcd;
  // Listing every key is the costly part at scale: while playing it may lag a frame behind.
  const keysVersion = useDeferredValue(version);
  const keys = useMemo(() => {
    void keysVersion;
    return allKeys(etcd.keys(), etcd.historyKeys());
  }, [etcd, keysVersion]);

  void version; // the picked key's value and history are read fresh on every change
  const live = selected ? etcd.get(selected) : undefined;
  const history = selected ? etcd.history(selected) : [];
  const shownEvent =
    revision === undefined ? undefined : history.find((e) => e.revision === revision);
  const select = (key: string) => {
    setSelected(key);
    setRevision(undefined);
  };

  return (
    <section className="etcd-browser" aria-label={t('browser')}>
      <h2>{t('browser')}</h2>
      <p className="etcd-note">{t('browserIntro')}</p>
      <p className="etcd-note">{t('clusterRevision', { revision: etcd.revision })}</p>
      <nav className="etcd-tree" aria-label={t('keys')}>
        <p className="etcd-tree__root">
          {ROOT} <span className="etcd-tree__count">{t('keyCount', { count: keys.length })}</span>
        </p>
        <KeyFolder
          keys={keys}
          prefix={ROOT}
          selected={selected}
          onSelect={select}
          deleted={(key) => etcd.get(key) === undefined}
        />
      </nav>
      {selected ? (
        <section className="etcd-key" aria-label={selected}>
          <h3>
            <code>{selected}</code>
          </h3>
          {live ? (
            <dl className="hop-facts">
              <dt>{t('createRevision')}</dt>
              <dd>{live.createRevision}</dd>
              <dt>{t('modRevision')}</dt>
              <dd>{live.modRevision}</dd>
              <dt>{t('version')}</dt>
              <dd>{live.version}</dd>
            </dl>
          ) : (
            <p className="etcd-note">{t('deletedKey')}</p>
          )}
          <h4>{t('history')}</h4>
          {history.length === 0 ? (
            <p className="etcd-note">{t('noHistory')}</p>
          ) : (
            <ol className="etcd-history">
              {history.map((event) => (
                <li key={event.revision}>
                  <button
                    type="button"
                    aria-pressed={shownEvent === event}
                    aria-label={t('showRevision', { revision: event.revision })}
                    onClick={() => setRevision(event.revision)}
                  >
                    {event.revision} · {event.type === 'PUT' ? t('put') : t('deleteEvent')}
                  </button>
                </li>
              ))}
            </ol>
          )}
          {(shownEvent ?? live) && (
            <>
              <h4>{t('value', { revision: shownEvent?.revision ?? live!.modRevision })}</h4>
              <pre className="etcd-value" tabIndex={0}>
                {shownEvent ? toYaml(shownEvent.value) : toYaml(live!.value)}
              </pre>
            </>
          )}
        </section>
      ) : (
        <p className="etcd-note">{t('noKey')}</p>
      )}
    </section>
  );
}
