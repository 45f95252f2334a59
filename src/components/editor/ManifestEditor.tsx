import Editor, { type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useKubeloop, type KubeloopState } from '../../state/store';
import { isTooLarge, loadManifest, MAX_MANIFEST_BYTES, saveManifest } from './content-store';
import './editor.css';
import './i18n';
import { MANIFEST_URI, monaco } from './monaco-setup';
import { TEMPLATES, type TemplateName } from './templates';

type CodeEditor = Parameters<OnMount>[0];

/** Output is what the status area shows after Apply. */
interface Output {
  stdout: string;
  stderr: string;
}

const selectApplyManifest = (s: KubeloopState) => s.applyManifest;
const SAVE_DELAY_MS = 300;

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
 * ManifestEditor is a YAML editor with Kubernetes completion and validation (all bundled, offline).
 * Apply or Ctrl/Cmd+Enter sends the text to `kubectl apply -f -` and shows kubectl's output.
 */
export default function ManifestEditor() {
  const { t } = useTranslation('editor');
  const applyManifest = useKubeloop(selectApplyManifest);
  const [initialText, setInitialText] = useState(loadManifest);
  const [output, setOutput] = useState<Output | null>(null);
  const [busy, setBusy] = useState(false);
  const editorRef = useRef<CodeEditor | null>(null);
  const lastGood = useRef(initialText);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refuseTooLarge = useCallback(() => setOutput({ stdout: '', stderr: t('tooLarge') }), [t]);

  const apply = useCallback(async () => {
    const text = editorRef.current?.getValue() ?? lastGood.current;
    if (text.trim() === '') return setOutput({ stdout: '', stderr: t('empty') });
    if (isTooLarge(text)) return refuseTooLarge();
    setBusy(true);
    try {
      const result = await applyManifest(text);
      const stdout = result.stdout.trimEnd();
      setOutput({
        stdout: stdout === '' && result.exitCode === 0 ? t('noOutput') : stdout,
        stderr: result.stderr.trimEnd(),
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

  useEffect(
    () => () => {
      clearTimeout(saveTimer.current);
      saveManifest(lastGood.current);
    },
    [],
  );

  const onMount = useCallback<OnMount>((editor, api) => {
    editorRef.current = editor;
    editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.Enter, () => void applyRef.current());

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
      if (model.getValueLength() * 3 > MAX_MANIFEST_BYTES && isTooLarge(model.getValue())) {
        model.setValue(lastGood.current);
        refuseRef.current();
        return;
      }
      lastGood.current = model.getValue();
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => saveManifest(lastGood.current), SAVE_DELAY_MS);
    });
    editor.onDidDispose(() => {
      container.removeEventListener('paste', onPaste, true);
      changes.dispose();
      if (editorRef.current === editor) editorRef.current = null;
    });
  }, []);

  const onTemplate = (event: ChangeEvent<HTMLSelectElement>) => {
    const name = event.target.value as TemplateName | '';
    event.target.value = '';
    if (!name || !(name in TEMPLATES)) return;
    const text = TEMPLATES[name];
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (editor && model) {
      // An edit (not setValue) so Ctrl+Z brings the learner's text back.
      editor.pushUndoStop();
      editor.executeEdits('template', [{ range: model.getFullModelRange(), text }]);
      editor.pushUndoStop();
      editor.focus();
    } else {
      setInitialText(text);
    }
    lastGood.current = text;
    saveManifest(text);
  };

  return (
    <section aria-label={t('region')} className="kl-editor">
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
          <option value="pod">{t('templatePod')}</option>
          <option value="deployment">{t('templateDeployment')}</option>
        </select>
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
      </div>
      <div className="kl-editor__monaco">
        <Editor
          path={MANIFEST_URI}
          defaultLanguage="yaml"
          defaultValue={initialText}
          theme="vs"
          options={EDITOR_OPTIONS}
          onMount={onMount}
          loading={<p className="kl-editor__loading">{t('loading')}</p>}
        />
      </div>
      <div role="status" aria-live="polite" className="kl-editor__output">
        {output?.stdout ? <pre className="kl-editor__stdout">{output.stdout}</pre> : null}
        {output?.stderr ? <pre className="kl-editor__stderr">{output.stderr}</pre> : null}
      </div>
    </section>
  );
}
