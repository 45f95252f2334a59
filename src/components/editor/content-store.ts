import { DEFAULT_MANIFEST } from './templates';

/** EDITOR_KEY is where the editor keeps its files between visits. */
export const EDITOR_KEY = 'kubeloop.editor.v2';
/** LEGACY_EDITOR_KEY held the single file of the first editor; its text becomes the first tab. */
export const LEGACY_EDITOR_KEY = 'kubeloop.editor.v1';

/** MAX_MANIFEST_BYTES: larger content is refused so a huge paste can never freeze the page. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** At most this many files (tabs): all of them are saved on every change. */
export const MAX_FILES = 20;

/** byteLength is the UTF-8 size of text. */
export const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/** isTooLarge skips encoding when the text is clearly small (a UTF-16 unit is at most 3 UTF-8 bytes). */
export const isTooLarge = (text: string): boolean =>
  text.length * 3 > MAX_MANIFEST_BYTES && byteLength(text) > MAX_MANIFEST_BYTES;

/** EditorFile is one tab of the editor. */
export interface EditorFile {
  /** stable for the file's life (a rename keeps it): names the Monaco model */
  id: string;
  name: string;
  text: string;
}

export interface EditorFiles {
  files: EditorFile[];
  /** the id of the file shown */
  active: string;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export const DEFAULT_FILE_NAME = 'manifest.yaml';

const single = (text: string): EditorFiles => ({
  files: [{ id: 'f1', name: DEFAULT_FILE_NAME, text }],
  active: 'f1',
});

function isFile(value: unknown): value is EditorFile {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, text } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    id !== '' &&
    typeof name === 'string' &&
    name.trim() !== '' &&
    typeof text === 'string' &&
    !isTooLarge(text)
  );
}

function parseFiles(raw: string): EditorFiles | undefined {
  const saved: unknown = JSON.parse(raw);
  if (typeof saved !== 'object' || saved === null) return undefined;
  const { files, active } = saved as { files?: unknown; active?: unknown };
  if (!Array.isArray(files)) return undefined;
  const seen = new Set<string>();
  const kept = files
    .filter(isFile)
    .filter((f) => !seen.has(f.id) && seen.add(f.id))
    .slice(0, MAX_FILES)
    .map(({ id, name, text }) => ({ id, name, text }));
  if (kept.length === 0) return undefined;
  const activeId =
    typeof active === 'string' && kept.some((f) => f.id === active) ? active : kept[0]!.id;
  return { files: kept, active: activeId };
}

function parseLegacy(raw: string): string | undefined {
  const saved: unknown = JSON.parse(raw);
  const text = (saved as { text?: unknown } | null)?.text;
  return typeof text === 'string' && !isTooLarge(text) ? text : undefined;
}

/**
 * loadFiles returns the saved tabs; the first editor's single text becomes one tab; nothing saved
 * (or a corrupted save) gives the default Pod.
 */
export function loadFiles(from: Storage | undefined = storage()): EditorFiles {
  try {
    const raw = from?.getItem(EDITOR_KEY);
    if (raw !== null && raw !== undefined) {
      const files = parseFiles(raw);
      if (files) return files;
    }
  } catch {
    // corrupted save: try the older one, then the default
  }
  try {
    const legacy = from?.getItem(LEGACY_EDITOR_KEY);
    const text = legacy === null || legacy === undefined ? undefined : parseLegacy(legacy);
    if (text !== undefined) return single(text);
  } catch {
    // corrupted legacy save: the default
  }
  return single(DEFAULT_MANIFEST);
}

export function saveFiles(files: EditorFiles, to: Storage | undefined = storage()): void {
  const kept = files.files.filter((f) => !isTooLarge(f.text));
  try {
    to?.setItem(EDITOR_KEY, JSON.stringify({ files: kept, active: files.active }));
  } catch {
    // storage full or blocked: the text stays in the editor only
  }
}

/** withoutFile leaves one tab out (a kubectl edit file, which dies with its command). */
export function withoutFile(files: EditorFiles, id: string | undefined): EditorFiles {
  const kept = files.files.filter((f) => f.id !== id);
  if (id === undefined || kept.length === files.files.length) return files;
  if (kept.length === 0) return single('');
  return { files: kept, active: files.active === id ? kept[0]!.id : files.active };
}

/** nextFileId is an id no file has: f1, f2, ... */
export function nextFileId(files: readonly EditorFile[]): string {
  let max = 0;
  for (const { id } of files) {
    const n = /^f(\d+)$/.exec(id);
    if (n) max = Math.max(max, Number(n[1]));
  }
  return `f${max + 1}`;
}

/** uniqueName is base, or base with -2, -3... before the extension when that name is taken. */
export function uniqueName(files: readonly EditorFile[], base: string): string {
  const taken = new Set(files.map((f) => f.name));
  if (!taken.has(base)) return base;
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const ext = dot > 0 ? base.slice(dot) : '';
  for (let n = 2; ; n++) {
    const name = `${stem}-${n}${ext}`;
    if (!taken.has(name)) return name;
  }
}
