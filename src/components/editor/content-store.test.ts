import { describe, expect, it } from 'vitest';
import {
  byteLength,
  EDITOR_KEY,
  isTooLarge,
  loadManifest,
  MAX_MANIFEST_BYTES,
  saveManifest,
} from './content-store';
import { DEFAULT_MANIFEST } from './templates';

const memory = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
};

describe('editor content persistence', () => {
  it('starts with the nginx Pod', () => {
    expect(loadManifest(memory())).toBe(DEFAULT_MANIFEST);
    expect(DEFAULT_MANIFEST).toContain('kind: Pod');
  });

  it('round-trips saved text', () => {
    const store = memory();
    saveManifest('kind: Deployment\n', store);
    expect(loadManifest(store)).toBe('kind: Deployment\n');
  });

  it.each(['{', '42', '{"text": 3}', 'null'])('a corrupted save (%s) gives the default', (raw) => {
    expect(loadManifest(memory({ [EDITOR_KEY]: raw }))).toBe(DEFAULT_MANIFEST);
  });

  it('refuses content over 1 MB, counting UTF-8 bytes', () => {
    expect(isTooLarge('a'.repeat(MAX_MANIFEST_BYTES))).toBe(false);
    expect(isTooLarge('a'.repeat(MAX_MANIFEST_BYTES + 1))).toBe(true);
    expect(byteLength('파드')).toBe(6);
    expect(isTooLarge('파'.repeat(MAX_MANIFEST_BYTES / 3 + 1))).toBe(true);
    const store = memory();
    saveManifest('a'.repeat(MAX_MANIFEST_BYTES + 1), store);
    expect(store.data.size).toBe(0);
  });
});
