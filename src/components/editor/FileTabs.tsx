import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorFile } from './content-store';

/** The tab panel (the Monaco editor) the file tabs control. */
export const FILE_PANEL_ID = 'kl-editor-file';
export const fileTabId = (id: string) => `kl-editor-tab-${id}`;

interface FileTabsProps {
  files: readonly EditorFile[];
  active: string;
  onSelect: (id: string) => void;
  onNew: () => void;
  onRename: (id: string, name: string) => void;
  onClose: (id: string) => void;
}

/**
 * FileTabs are the editor's open files as WAI-ARIA tabs (←/→ move between them), with New,
 * Rename (inline: Enter keeps, Escape cancels) and Close for the file shown.
 */
export default function FileTabs({
  files,
  active,
  onSelect,
  onNew,
  onRename,
  onClose,
}: FileTabsProps) {
  const { t } = useTranslation('editor');
  const [renaming, setRenaming] = useState(false);
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const activeFile = files.find((f) => f.id === active);

  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    // preventDefault also keeps → from stepping the cluster (use-playback-keys checks it).
    event.preventDefault();
    const index = files.findIndex((f) => f.id === active);
    const next =
      files[(index + (event.key === 'ArrowRight' ? 1 : -1) + files.length) % files.length]!;
    onSelect(next.id);
    tabs.current.get(next.id)?.focus();
  };

  const finishRename = (value: string) => {
    setRenaming(false);
    if (activeFile && value.trim() !== '') onRename(activeFile.id, value.trim());
  };

  return (
    <div className="kl-editor__files">
      <div role="tablist" aria-label={t('files')} className="kl-editor__tabs" onKeyDown={onTabKey}>
        {files.map((file) =>
          renaming && file.id === active ? (
            <input
              key={file.id}
              className="kl-editor__rename"
              aria-label={t('fileName')}
              defaultValue={file.name}
              // The learner asked to rename: the field takes the focus at once.
              autoFocus
              onFocus={(event) => event.currentTarget.select()}
              onBlur={(event) => finishRename(event.currentTarget.value)}
              onKeyDown={(event) => {
                event.stopPropagation();
                if (event.key === 'Enter') finishRename(event.currentTarget.value);
                if (event.key === 'Escape') setRenaming(false);
              }}
            />
          ) : (
            <button
              key={file.id}
              ref={(el) => {
                if (el) tabs.current.set(file.id, el);
                else tabs.current.delete(file.id);
              }}
              type="button"
              role="tab"
              id={fileTabId(file.id)}
              aria-controls={FILE_PANEL_ID}
              className="kl-editor__tab"
              aria-selected={file.id === active}
              tabIndex={file.id === active ? 0 : -1}
              onClick={() => onSelect(file.id)}
              onDoubleClick={() => setRenaming(true)}
            >
              {file.name}
            </button>
          ),
        )}
      </div>
      <button type="button" className="kl-editor__button" onClick={onNew}>
        {t('newFile')}
      </button>
      <button
        type="button"
        className="kl-editor__button"
        onClick={() => setRenaming(true)}
        disabled={renaming}
      >
        {t('renameFile')}
      </button>
      {activeFile && (
        <button
          type="button"
          className="kl-editor__button"
          aria-label={t('closeFile', { name: activeFile.name })}
          onClick={() => onClose(activeFile.id)}
        >
          ×
        </button>
      )}
    </div>
  );
}
