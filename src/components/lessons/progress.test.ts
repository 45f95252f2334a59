import { describe, expect, it } from 'vitest';
import {
  defaultProgress,
  loadProgress,
  parseProgress,
  PROGRESS_KEY,
  saveProgress,
} from './progress';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('lesson progress persistence', () => {
  it.each([
    ['not JSON', '{"lessonId": "first-pod", '],
    ['null', 'null'],
    ['a number', '42'],
    ['missing lessonId', '{"completed": {}}'],
    ['completed not an object', '{"lessonId": "first-pod", "completed": 3}'],
    ['step ids not strings', '{"lessonId": "first-pod", "completed": {"first-pod": [1, 2]}}'],
    [
      'predictions not strings',
      '{"lessonId": "first-pod", "completed": {}, "predictions": {"first-pod": {"a": 1}}}',
    ],
    ['predictions a list', '{"lessonId": "first-pod", "completed": {}, "predictions": []}'],
  ])('a corrupted save (%s) yields the defaults', (_name, raw) => {
    expect(parseProgress(raw, 'first-pod')).toEqual(defaultProgress('first-pod'));
  });

  it('no save yields the defaults', () => {
    expect(parseProgress(null, 'first-pod')).toEqual(defaultProgress('first-pod'));
  });

  it('a corrupted save is overwritten with the defaults on load', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: '}{' });
    expect(loadProgress(storage, 'first-pod')).toEqual(defaultProgress('first-pod'));
    expect(JSON.parse(storage.data.get(PROGRESS_KEY)!)).toEqual(defaultProgress('first-pod'));
  });

  it('a save from before predictions and the sandbox existed still loads', () => {
    const raw = '{"lessonId": "scaling", "completed": {"scaling": ["two-replicas"]}}';
    expect(parseProgress(raw, 'first-pod')).toEqual({
      ...defaultProgress('scaling'),
      completed: { scaling: ['two-replicas'] },
    });
  });

  it('a saved progress round-trips', () => {
    const storage = memoryStorage();
    const progress = {
      lessonId: 'first-pod',
      completed: { 'first-pod': ['apply-pod', 'scheduled'] },
      predictions: { scaling: { 'scale-out': '0' } },
      sandbox: true,
    };
    saveProgress(storage, progress);
    expect(loadProgress(storage, 'other')).toEqual(progress);
  });

  it('a storage that throws never breaks loading', () => {
    const storage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(loadProgress(storage, 'first-pod')).toEqual(defaultProgress('first-pod'));
    expect(() => saveProgress(storage, defaultProgress('first-pod'))).not.toThrow();
  });
});
