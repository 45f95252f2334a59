import Editor, { type OnMount } from '@monaco-editor/react';
import { Suspense, lazy, useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useKubeloop, type KubeloopState } from '../../state/store';
import { MONACO_THEMES, useTheme } from '../layout/theme';
import {
  isTooLarge,
  loadFiles,
  MAX_FILES,
  MAX_MANIFEST_BYTES,
  nextFileId,
  saveFiles,
  uniqueName,
  withoutFile,
  type EditorFiles,
} from './content-store';
import { errorMarkers } from './error-markers';
import FileTabs, { FILE_PANEL_ID, fileTabId } from './FileTabs';
import { documentAt, liveObject, type ManifestDocument } from './live-object';
import './editor.css';
import './i18n';
import { monaco } from './monaco-setup';
import { TEMPLATE_NAMES, TEMPLATES, type TemplateName } from './templates';

// The diff editor is only built when the learner asks for a comparison.
const LiveDiff = lazy(() => import('./LiveDiff'));

type CodeEditor = Parameters<OnMount>[0];

/** Output is what the status area shows after Apply. */
interface Output {
  stdout: string;
  stderr: string;
  /** follow-up lines: how many hops the command made, where its errors are marked */
  notes?: string[];
}

const selectApplyManifest = (s: KubeloopState) => s.applyManifest;
const selectEditing = (s: KubeloopState) => s.editing;
const SAVE_DELAY_MS = 300;
/** The owner of the markers Apply puts on the manifest. */
const MARKER_OWNER = 'kubectl-apply';

/** modelPath names a file's Monaco model by its id, so a rename keeps its undo history. */
const modelPath = (id: string) => `file:///kubeloop/${id}.yaml`;

const EDITOR_OPTIONS = {
  ariaLabel: 'Manifest YAML',
  // The classic hidden <textarea>, not the EditContext API: in Chromium the EditContext path
  // dropped typed spaces, and a textarea is what screen readers and tests know best.
  editContext: false,
  minimap: { enabled: false },
  automaticLayout: true,
  scrollBeyondLastLine: false,
  fontSize: 13,
  tabSize: 2,
  insertSpaces: true,
  wordWrap: 'off',
  renderWhitespace: 'boundary',
  fixedOverflowWidgets: true,
  quickSuggestions: { other: true, comments: false, strings: true },
} satisfies Parameters<typeof monaco.editor.create>[1];

/**
 * ManifestEditor is a YAML editor with Kubernetes completion and validation (all bundled, offline),
 * several files in tabs kept across reloads, and templates. Apply or Ctrl/Cmd+Enter sends the file
 * shown to `kubectl apply -f -`, reports the hops it made and marks server errors on their lines;
 * "Compare with live" diffs the document under the cursor against the stored object.
 */
export default function ManifestEditor() {
  const { t } = useTranslation('editor');
  const theme = useTheme();
  const applyManifest = useKubeloop(selectApplyManifest);
  const [files, setFiles] = useState<EditorFiles>(loadFiles);
  const [output, setOutput] = useState<Output | null>(null);
  const [busy, setBusy] = useState(false);
  const [comparing, setComparing] = useState<ManifestDocument>();
  const editorRef = useRef<CodeEditor | null>(null);
  // The files as typed: keystrokes update this, not React state (which only tracks the tabs).
  const filesRef = useRef(files);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const editing = useKubeloop(selectEditing);
  // The tab holding the file a kubectl edit waits on: never saved, it closes with the command.
  const editTab = useRef<{ id: string; round: number } | undefined>(undefined);
  const [editTabId, setEditTabId] = useState<string>();
  const persist = useCallback(
    (next: EditorFiles) => saveFiles(withoutFile(next, editTab.current?.id)),
    [],
  );

  const activeText = () =>
    filesRef.current.files.find((f) => f.id === filesRef.current.active)?.text ?? '';

  /** update changes the tabs (not a keystroke): shown and saved at once. */
  const update = useCallback(
    (next: EditorFiles) => {
      filesRef.current = next;
      setFiles(next);
      clearTimeout(saveTimer.current);
      persist(next);
    },
    [persist],
  );

  const refuseTooLarge = useCallback(() => setOutput({ stdout: '', stderr: t('tooLarge') }), [t]);

  const apply = useCallback(async () => {
    const model = editorRef.current?.getModel();
    const text = model?.getValue() ?? activeText();
    if (text.trim() === '') return setOutput({ stdout: '', stderr: t('empty') });
    if (isTooLarge(text)) return refuseTooLarge();
    setBusy(true);
    const hopsBefore = useKubeloop.getState().cluster.hops.count;
    try {
      const result = await applyManifest(text);
      const hops = useKubeloop.getState().cluster.hops.count - hopsBefore;
      const markers = result.exitCode === 0 ? [] : errorMarkers(text, result.stderr);
      if (model && !model.isDisposed()) {
        monaco.editor.setModelMarkers(
          model,
          MARKER_OWNER,
          markers.map((marker) => ({ ...marker, severity: monaco.MarkerSeverity.Error })),
        );
      }
      const stdout = result.stdout.trimEnd();
      const notes = [
        ...(hops > 0 ? [t('hops', { count: hops })] : []),
        ...(markers.length > 0 ? [t('markers', { count: markers.length })] : []),
      ];
      setOutput({
        stdout: stdout === '' && result.exitCode === 0 ? t('noOutput') : stdout,
        stderr: result.stderr.trimEnd(),
        notes,
      });
    } catch (error) {
      setOutput({
        stdout: '',
        stderr: t('failed', { message: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setBusy(false);
    }
  }, [applyManifest, refuseTooLarge, t]);

  // Monaco's command and listeners are registered once; they call the latest callbacks via refs.
  const applyRef = useRef(apply);
  const refuseRef = useRef(refuseTooLarge);
  useEffect(() => {
    applyRef.current = apply;
    refuseRef.current = refuseTooLarge;
  }, [apply, refuseTooLarge]);

  // The last keystrokes are saved even when the page goes away before the save delay.
  useEffect(() => {
    const flush = () => {
      clearTimeout(saveTimer.current);
      persist(filesRef.current);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [persist]);

  /** saveEdit hands the edit tab's text to the waiting kubectl edit, as saving in vi would. */
  const saveEdit = useCallback(() => {
    const session = useKubeloop.getState().editing;
    const tab = editTab.current;
    if (!session || !tab || filesRef.current.active !== tab.id) return;
    session.save(editorRef.current?.getModel()?.getValue() ?? activeText());
  }, []);

  const onMount = useCallback<OnMount>(
    (editor, api) => {
      editorRef.current = editor;
      editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.Enter, () => void applyRef.current());
      // Ctrl/Cmd+S saves a kubectl edit file; on other tabs (saved as typed) it does nothing.
      editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.KeyS, saveEdit);

      // Refuse a huge paste before Monaco sees it: capture on the container runs before its textarea.
      const container = editor.getContainerDomNode();
      const onPaste = (event: ClipboardEvent) => {
        const pasted = event.clipboardData?.getData('text/plain') ?? '';
        const current = editor.getModel()?.getValueLength() ?? 0;
        if (
          pasted.length * 3 > MAX_MANIFEST_BYTES - current &&
          isTooLarge(editor.getValue() + pasted)
        ) {
          event.preventDefault();
          event.stopPropagation();
          refuseRef.current();
        }
      };
      container.addEventListener('paste', onPaste, true);

      // Any other way in (drop, undo, setValue): roll back to the last text under the limit.
      const changes = editor.onDidChangeModelContent(() => {
        const model = editor.getModel();
        if (!model) return;
        const { files: list, active } = filesRef.current;
        if (model.getValueLength() * 3 > MAX_MANIFEST_BYTES && isTooLarge(model.getValue())) {
          model.setValue(list.find((f) => f.id === active)?.text ?? '');
          refuseRef.current();
          return;
        }
        const text = model.getValue();
        filesRef.current = {
          active,
          files: list.map((f) => (f.id === active ? { ...f, text } : f)),
        };
        clearTimeout(saveTimer.current);
        saveTimer.current = setTimeout(() => persist(filesRef.current), SAVE_DELAY_MS);
      });
      editor.onDidDispose(() => {
        container.removeEventListener('paste', onPaste, true);
        changes.dispose();
        if (editorRef.current === editor) editorRef.current = null;
      });
    },
    [persist, saveEdit],
  );

  /** openFile adds a tab (named after base) holding text, shows it, and returns its id. */
  const openFile = (base: string, text: string): string | undefined => {
    const { files: list } = filesRef.current;
    if (list.length >= MAX_FILES) {
      setOutput({ stdout: '', stderr: t('tooManyFiles', { count: MAX_FILES }) });
      return undefined;
    }
    const id = nextFileId(list);
    update({ files: [...list, { id, name: uniqueName(list, base), text }], active: id });
    setComparing(undefined);
    return id;
  };

  const onTemplate = (event: ChangeEvent<HTMLSelectElement>) => {
    const name = event.target.value as TemplateName | '';
    event.target.value = '';
    if (!name || !(name in TEMPLATES)) return;
    if (openFile(`${name}.yaml`, TEMPLATES[name])) focusOnSwitch.current = true;
  };

  // A template opens in a new tab: the typing goes on there (Ctrl/Cmd+Enter applies it) once
  // Monaco shows its model; the editor's own effects switch the model before this one runs.
  const focusOnSwitch = useRef(false);
  useEffect(() => {
    if (!focusOnSwitch.current) return;
    focusOnSwitch.current = false;
    editorRef.current?.focus();
  }, [files.active]);

  const closeFile = (id: string) => {
    if (id === editTab.current?.id) {
      // Closing the file unsaved is quitting the editor: kubectl edit finds no change.
      editTab.current = undefined;
      setEditTabId(undefined);
      useKubeloop.getState().editing?.cancel();
    }
    const { files: list, active } = filesRef.current;
    const index = list.findIndex((f) => f.id === id);
    const rest = list.filter((f) => f.id !== id);
    monaco.editor.getModel(monaco.Uri.parse(modelPath(id)))?.dispose();
    if (rest.length === 0) {
      // The last tab closes into an empty one: the editor always has a file to type in.
      const fresh = nextFileId(list);
      return update({ files: [{ id: fresh, name: 'manifest.yaml', text: '' }], active: fresh });
    }
    const nextActive = id === active ? rest[Math.min(index, rest.length - 1)]!.id : active;
    update({ files: rest, active: nextActive });
  };

  const compare = () => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    const position = editor?.getPosition();
    const text = model?.getValue() ?? activeText();
    const document = documentAt(text, model && position ? model.getOffsetAt(position) : 0);
    if (!document) return setOutput({ stdout: '', stderr: t('compareNoObject') });
    if (!liveObject(useKubeloop.getState().cluster, document)) {
      return setOutput({
        stdout: '',
        stderr: t('compareNotLive', { kind: document.kind, name: document.name }),
      });
    }
    setComparing(document);
  };

  // A kubectl edit opens its file in a tab (reopened in place after an error) and closes it when done.
  const closeFileRef = useRef(closeFile);
  const openFileRef = useRef(openFile);
  useEffect(() => {
    closeFileRef.current = closeFile;
    openFileRef.current = openFile;
  });
  useEffect(() => {
    const tab = editTab.current;
    if (!editing) {
      if (tab) {
        editTab.current = undefined;
        setEditTabId(undefined);
        closeFileRef.current(tab.id);
      }
      return;
    }
    if (tab?.round === editing.round) return;
    const { path, content } = editing.file;
    const list = filesRef.current.files;
    if (tab && list.some((f) => f.id === tab.id)) {
      editTab.current = { id: tab.id, round: editing.round };
      update({
        active: tab.id,
        files: list.map((f) => (f.id === tab.id ? { ...f, text: content } : f)),
      });
      monaco.editor.getModel(monaco.Uri.parse(modelPath(tab.id)))?.setValue(content);
      return;
    }
    const id = openFileRef.current(path.slice(path.lastIndexOf('/') + 1), content);
    if (id === undefined) return editing.cancel();
    editTab.current = { id, round: editing.round };
    setEditTabId(id);
  }, [editing, update]);

  const activeFile = files.files.find((f) => f.id === files.active) ?? files.files[0]!;
  const editingHere = editing !== undefined && editTabId === activeFile.id;

  return (
    <section aria-label={t('region')} className="kl-editor">
      <FileTabs
        files={files.files}
        active={activeFile.id}
        onSelect={(id) => {
          update({ ...filesRef.current, active: id });
          setComparing(undefined);
        }}
        onNew={() => openFile('untitled.yaml', '')}
        onRename={(id, name) =>
          update({
            ...filesRef.current,
            files: filesRef.current.files.map((f) =>
              f.id === id
                ? {
                    ...f,
                    name: uniqueName(
                      filesRef.current.files.filter((o) => o.id !== id),
                      name,
                    ),
                  }
                : f,
            ),
          })
        }
        onClose={closeFile}
      />
      <div className="kl-editor__toolbar">
        <select
          aria-label={t('template')}
          className="kl-editor__template"
          defaultValue=""
          onChange={onTemplate}
        >
          <option value="" disabled>
            {t('templateChoose')}
          </option>
          {TEMPLATE_NAMES.map((name) => (
            <option key={name} value={name}>
              {t(`templates.${name}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="kl-editor__button"
          onClick={compare}
          aria-pressed={comparing !== undefined}
        >
          {t('compare')}
        </button>
        {editingHere ? (
          <>
            <button type="button" className="kl-editor__button" onClick={() => editing.cancel()}>
              {t('cancelEdit')}
            </button>
            <button type="button" className="kl-editor__apply" onClick={saveEdit}>
              {t('saveAndApply')}
            </button>
          </>
        ) : (
          <>
            <span className="kl-editor__shortcut">{t('shortcut')}</span>
            <button
              type="button"
              className="kl-editor__apply"
              onClick={() => void apply()}
              aria-busy={busy}
              disabled={busy}
            >
              {t('apply')}
            </button>
          </>
        )}
      </div>
      {editingHere && (
        <p className="kl-editor__edit-note" role="note">
          {t('editNote', { path: editing.file.path })}
        </p>
      )}
      {comparing && (
        <Suspense fallback={<p className="kl-editor__loading">{t('loading')}</p>}>
          <LiveDiff document={comparing} onClose={() => setComparing(undefined)} />
        </Suspense>
      )}
      <div
        className="kl-editor__monaco"
        role="tabpanel"
        id={FILE_PANEL_ID}
        aria-labelledby={fileTabId(activeFile.id)}
        hidden={comparing !== undefined}
      >
        <Editor
          path={modelPath(activeFile.id)}
          defaultLanguage="yaml"
          defaultValue={activeFile.text}
          theme={MONACO_THEMES[theme]}
          options={EDITOR_OPTIONS}
          onMount={onMount}
          loading={<p className="kl-editor__loading">{t('loading')}</p>}
        />
      </div>
      <div role="status" aria-live="polite" className="kl-editor__output">
        {output?.stdout ? <pre className="kl-editor__stdout">{output.stdout}</pre> : null}
        {output?.stderr ? <pre className="kl-editor__stderr">{output.stderr}</pre> : null}
        {output?.notes?.map((note) => (
          <p key={note} className="kl-editor__note">
            {note}
          </p>
        ))}
      </div>
    </section>
  );
}
