import { describe, expect, it } from 'vitest';
import { decodeKeys, editLine, insertText, lineOf, renderLine, type EditKey } from './line-editor';

describe('line editing', () => {
  it.each<[string, EditKey, string, number]>([
    ['left', 'left', 'abc', 1],
    ['right', 'right', 'abc', 3],
    ['home', 'home', 'abc', 0],
    ['end', 'end', 'abc', 3],
    ['backspace', 'backspace', 'ac', 1],
    ['delete', 'delete', 'ab', 2],
  ])('%s from the middle', (_n, key, text, cursor) =>
    expect(editLine({ text: 'abc', cursor: 2 }, key)).toEqual({ text, cursor }),
  );
  it('stops at the edges', () => {
    expect(editLine({ text: 'ab', cursor: 0 }, 'left').cursor).toBe(0);
    expect(editLine({ text: 'ab', cursor: 0 }, 'backspace')).toEqual({ text: 'ab', cursor: 0 });
    expect(editLine(lineOf('ab'), 'right').cursor).toBe(2);
  });
  it('inserts at the cursor', () =>
    expect(insertText({ text: 'kubectl get', cursor: 7 }, ' -A')).toEqual({
      text: 'kubectl -A get',
      cursor: 10,
    }));
  it('redraws in place and moves the cursor back', () => {
    expect(renderLine('$ ', { text: 'abc', cursor: 1 })).toBe('\r\x1b[K$ abc\x1b[2D');
    expect(renderLine('$ ', lineOf('abc'))).toBe('\r\x1b[K$ abc');
  });
});

describe('decodeKeys', () => {
  it.each([
    ['a', [{ kind: 'text', text: 'a' }]],
    ['\x1b[A\x1b[B', [{ kind: 'up' }, { kind: 'down' }]],
    [
      '\x1b[D\x1b[C\x1b[H\x1b[F',
      ['left', 'right', 'home', 'end'].map((key) => ({ kind: 'edit', key })),
    ],
    [
      '\x7f\t\x03\x0c',
      [
        { kind: 'edit', key: 'backspace' },
        { kind: 'tab' },
        { kind: 'interrupt' },
        { kind: 'clear' },
      ],
    ],
    [
      'k get po\r\nk get no\n',
      [
        { kind: 'text', text: 'k get po' },
        { kind: 'enter' },
        { kind: 'text', text: 'k get no' },
        { kind: 'enter' },
      ],
    ],
    ['\x1b[1;5Cx', [{ kind: 'text', text: 'x' }]],
  ])('%j', (data, want) => expect(decodeKeys(data)).toEqual(want));
});
