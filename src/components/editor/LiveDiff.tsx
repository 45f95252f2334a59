import { DiffEditor } from '@monaco-editor/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toYaml } from '../../kubectl/printers/yaml';
import { selectCluster, selectVersion, useKubeloop } from '../../state/store';
import { MONACO_THEMES, useTheme } from '../layout/theme';
import { filledIn, liveObject, type ManifestDocument } from './live-object';

const DIFF_OPTIONS = {
  readOnly: true,
  originalEditable: false,
  minimap: { enabled: false },
  automaticLayout: true,
  scrollBeyondLastLine: false,
  fontSize: 13,
  renderSideBySide: true,
  useInlineViewWhenSpaceIsLimited: true,
  renderSideBySideInlineBreakpoint: 700,
  fixedOverflowWidgets: true,
};

/**
 * LiveDiff compares the document the learner wrote with the object the cluster stores, kept up to
 * date as controllers fill in status. Its models are not `.yaml` paths, so the manifest schema
 * (which would flag status as unknown) leaves them alone.
 */
export default function LiveDiff({
  document,
  onClose,
}: {
  document: ManifestDocument;
  onClose: () => void;
}) {
  const { t } = useTranslation('editor');
  const theme = useTheme();
  const cluster = useKubeloop(selectCluster);
  const version = useKubeloop(selectVersion);
  const { live, added } = useMemo(() => {
    void version;
    const object = liveObject(cluster, document);
    return {
      live: object ? toYaml(object) : '',
      added: object ? filledIn(document.object, object) : [],
    };
  }, [cluster, document, version]);
  const title = t('compareTitle', { kind: document.kind, name: document.name });
  return (
    <section className="kl-editor__compare" aria-label={title}>
      <div className="kl-editor__compare-bar">
        <h3>{title}</h3>
        <button type="button" className="kl-editor__button" onClick={onClose}>
          {t('compareClose')}
        </button>
      </div>
      <p className="kl-editor__hint">{t('compareHint')}</p>
      {added.length > 0 && (
        <p className="kl-editor__hint">
          {t('compareAdded', { count: added.length })} <code>{added.join(', ')}</code>
        </p>
      )}
      <div className="kl-editor__compare-diff">
        <DiffEditor
          original={document.text}
          modified={live}
          language="yaml"
          originalModelPath="inmemory://kubeloop/compare/applied"
          modifiedModelPath="inmemory://kubeloop/compare/live"
          theme={MONACO_THEMES[theme]}
          options={DIFF_OPTIONS}
          loading={<p className="kl-editor__loading">{t('loading')}</p>}
        />
      </div>
    </section>
  );
}
