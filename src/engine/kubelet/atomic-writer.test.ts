import { describe, expect, it } from 'vitest';
import { AtomicWriterFiles, LazyContent } from './atomic-writer';

/** counted makes content that records how often it was produced. */
function counted(text: string) {
  const made = { count: 0 };
  return {
    made,
    content: new LazyContent(() => {
      made.count++;
      return text;
    }),
  };
}

describe('AtomicWriterFiles', () => {
  it('shows each payload file in the directory, under ..data and at the top level', () => {
    const files = new AtomicWriterFiles();
    files.write(new Map([['namespace', 'shop']]), () => '..2026_01_05_09_00_00.42');
    expect([...files]).toEqual([
      ['..2026_01_05_09_00_00.42/namespace', 'shop'],
      ['..data/namespace', 'shop'],
      ['namespace', 'shop'],
    ]);
    expect(files.size).toBe(3);
    expect(files.get('..2026_01_05_09_00_00.42/namespace')).toBe('shop');
    expect(files.get('..2026_01_05_09_00_00.41/namespace')).toBeUndefined();
    expect(files.has('..data/namespace')).toBe(true);
    expect(files.has('..data/token')).toBe(false);
  });

  it('produces a lazy file once, on its first read, and not for has or a listing of names', () => {
    const { made, content } = counted('jwt');
    const files = new AtomicWriterFiles();
    files.write(new Map([['token', content]]), () => '..dir');
    expect(files.has('token')).toBe(true);
    expect([...files.keys()]).toEqual(['..dir/token', '..data/token', 'token']);
    expect(made.count).toBe(0);
    expect(files.get('token')).toBe('jwt');
    expect(files.get('..data/token')).toBe('jwt');
    expect(made.count).toBe(1);
  });

  it('names its directory only when something looks into it', () => {
    let named = 0;
    const files = new AtomicWriterFiles();
    files.write(new Map([['ca.crt', 'pem']]), () => {
      named++;
      return '..dir';
    });
    expect(files.get('ca.crt')).toBe('pem');
    expect(files.get('..data/ca.crt')).toBe('pem');
    expect(named).toBe(0);
    expect([...files.keys()][0]).toBe('..dir/ca.crt');
    expect(files.get('..dir/ca.crt')).toBe('pem');
    expect(named).toBe(1);
  });

  it('keeps its directory when the same payload is written again, and swaps it on a change', () => {
    const { content } = counted('jwt');
    const files = new AtomicWriterFiles();
    expect(files.write(new Map([['token', content]]), () => '..first')).toBe(true);
    expect(files.write(new Map([['token', content]]), () => '..second')).toBe(false);
    expect([...files.keys()][0]).toBe('..first/token');
    const renewed = counted('jwt').content;
    expect(files.write(new Map([['token', renewed]]), () => '..third')).toBe(true);
    expect([...files.keys()][0]).toBe('..third/token');
  });

  it('is empty, with no directory, until a payload with files is written', () => {
    const files = new AtomicWriterFiles();
    expect(files.write(new Map(), () => '..dir')).toBe(false);
    expect([...files]).toEqual([]);
    expect(files.get('..dir/x')).toBeUndefined();
  });
});
