import { describe, expect, it } from 'vitest';
import {
  byteLength,
  EDITOR_KEY,
  isTooLarge,
  LEGACY_EDITOR_KEY,
  loadFiles,
  MAX_MANIFEST_BYTES,
  nextFileId,
  saveFiles,
  uniqueName,
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

const file = (id: string, name: string, text: string) => ({ id, name, text });

describe('editor files persistence', () => {
  it('starts with one tab holding the nginx Pod', () => {
    const { files, active } = loadFiles(memory());
    expect(files).toHaveLength(1);
    expect(files[0]!.text).toBe(DEFAULT_MANIFEST);
    expect(active).toBe(files[0]!.id);
    expect(DEFAULT_MANIFEST).toContain('kind: Pod');
  });

  it('round-trips every tab and which one is active', () => {
    const store = memory();
    const saved = {
      files: [file('f1', 'pod.yaml', 'kind: Pod\n'), file('f3', 'web.yaml', 'kind: Deployment\n')],
      active: 'f3',
    };
    saveFiles(saved, store);
    expect(loadFiles(store)).toEqual(saved);
  });

  it('turns the single-file save of the first editor into a tab', () => {
    const store = memory({ [LEGACY_EDITOR_KEY]: JSON.stringify({ text: 'kind: Service\n' }) });
    const { files } = loadFiles(store);
    expect(files.map((f) => f.text)).toEqual(['kind: Service\n']);
  });

  it('falls back to the default on a corrupted or wrongly shaped save', () => {
    for (const raw of ['{not json', '[]', '{"files":[{"id":1}]}', '{"files":[]}']) {
      expect(loadFiles(memory({ [EDITOR_KEY]: raw })).files[0]!.text).toBe(DEFAULT_MANIFEST);
    }
  });

  it('drops duplicate ids and points a dangling active id at the first file', () => {
    const raw = JSON.stringify({
      files: [file('f1', 'a.yaml', 'a'), file('f1', 'b.yaml', 'b')],
      active: 'f9',
    });
    expect(loadFiles(memory({ [EDITOR_KEY]: raw }))).toEqual({
      files: [file('f1', 'a.yaml', 'a')],
      active: 'f1',
    });
  });

  it('never saves an oversized file', () => {
    const store = memory();
    const big = 'x'.repeat(MAX_MANIFEST_BYTES + 1);
    saveFiles(
      { files: [file('f1', 'a.yaml', 'ok'), file('f2', 'big.yaml', big)], active: 'f1' },
      store,
    );
    expect(loadFiles(store).files.map((f) => f.id)).toEqual(['f1']);
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadFiles(broken).files[0]!.text).toBe(DEFAULT_MANIFEST);
    expect(() => saveFiles(loadFiles(memory()), broken)).not.toThrow();
  });

  it('gives new files unused ids and names', () => {
    const files = [file('f1', 'pod.yaml', ''), file('f4', 'pod-2.yaml', '')];
    expect(nextFileId(files)).toBe('f5');
    expect(uniqueName(files, 'pod.yaml')).toBe('pod-3.yaml');
    expect(uniqueName(files, 'job.yaml')).toBe('job.yaml');
  });
});

describe('size limit', () => {
  it('measures UTF-8 bytes, not characters', () => {
    expect(byteLength('파드')).toBe(6);
    expect(isTooLarge('a'.repeat(MAX_MANIFEST_BYTES))).toBe(false);
    expect(isTooLarge('a'.repeat(MAX_MANIFEST_BYTES + 1))).toBe(true);
    expect(isTooLarge('파'.repeat(Math.ceil(MAX_MANIFEST_BYTES / 3) + 1))).toBe(true);
  });
});
