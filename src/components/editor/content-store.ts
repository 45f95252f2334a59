import { DEFAULT_MANIFEST } from './templates';

/** EDITOR_KEY is where the editor keeps its text between visits. */
export const EDITOR_KEY = 'kubeloop.editor.v1';

/** MAX_MANIFEST_BYTES: larger content is refused so a huge paste can never freeze the page. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** byteLength is the UTF-8 size of text. */
export const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/** isTooLarge skips encoding when the text is clearly small (a UTF-16 unit is at most 3 UTF-8 bytes). */
export const isTooLarge = (text: string): boolean =>
  text.length * 3 > MAX_MANIFEST_BYTES && byteLength(text) > MAX_MANIFEST_BYTES;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** loadManifest returns the saved text, or the default Pod when there is none or it is unusable. */
export function loadManifest(from: Storage | undefined = storage()): string {
  try {
    const raw = from?.getItem(EDITOR_KEY);
    if (raw === null || raw === undefined) return DEFAULT_MANIFEST;
    const saved: unknown = JSON.parse(raw);
    if (
      typeof saved === 'object' &&
      saved !== null &&
      typeof (saved as { text?: unknown }).text === 'string'
    ) {
      const text = (saved as { text: string }).text;
      if (!isTooLarge(text)) return text;
    }
  } catch {
    // corrupted save: fall through to the default
  }
  return DEFAULT_MANIFEST;
}

export function saveManifest(text: string, to: Storage | undefined = storage()): void {
  if (isTooLarge(text)) return;
  try {
    to?.setItem(EDITOR_KEY, JSON.stringify({ text }));
  } catch {
    // storage full or blocked: the text stays in the editor only
  }
}
