import { describe, expect, it } from 'vitest';
import { History, HISTORY_KEY, HISTORY_LIMIT, loadHistory, saveHistory } from './history';

describe('History', () => {
  it('walks back and forth and returns the draft past the newest', () => {
    const h = new History(['a', 'b']);
    expect(h.up('typing')).toBe('b');
    expect(h.up('b')).toBe('a');
    expect(h.up('a')).toBeUndefined();
    expect(h.down()).toBe('b');
    expect(h.down()).toBe('typing');
    expect(h.down()).toBeUndefined();
  });
  it('skips blanks and repeats and keeps the last HISTORY_LIMIT', () => {
    const h = new History();
    h.push('x');
    h.push('x');
    h.push('  ');
    expect(h.all).toEqual(['x']);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h.push(`c${i}`);
    expect(h.all).toHaveLength(HISTORY_LIMIT);
    expect(h.all.at(-1)).toBe(`c${HISTORY_LIMIT + 4}`);
  });
  it('persists as JSON under its key and survives junk', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveHistory(storage, ['kubectl get pods']);
    expect(store.get(HISTORY_KEY)).toBe('["kubectl get pods"]');
    expect(loadHistory(storage)).toEqual(['kubectl get pods']);
    store.set(HISTORY_KEY, '{oops');
    expect(loadHistory(storage)).toEqual([]);
    expect(loadHistory(undefined)).toEqual([]);
  });
});
