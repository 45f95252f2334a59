import { describe, expect, it } from 'vitest';
import { explain, wrap, type Schemas } from './render';

describe('wrap (go-wordwrap)', () => {
  it('breaks before the word that would pass the limit and keeps newlines', () => {
    expect(wrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrap('aaa bbb\n\nccc ddd', 3)).toBe('aaa\nbbb\n\nccc\nddd');
  });
  it('leaves a word longer than the limit whole on its own line', () => {
    expect(wrap('see https://example.com/a/very/long/path', 10)).toBe(
      'see\nhttps://example.com/a/very/long/path',
    );
  });
});

const schemas: Schemas = {
  Thing: {
    n: 'Thing',
    d: 'Thing is a test kind.',
    f: [
      ['mode', 'string', 'How it runs.', 0, ['A', 'B', 'C', 'D', 'E']],
      ['parts', '[]#Part', 'The parts.', 1],
      ['when', '#Time', 'When it happened.'],
    ],
  },
  Part: { n: 'Part', d: 'Part is one piece.', f: [['size', '#Quantity', '']] },
  Time: { n: 'Time', d: 'Time is a timestamp.', s: 1 },
  Quantity: { n: 'Quantity', d: 'Quantity is a number.', s: 1, o: 1 },
};
const thing = { group: 'example.io', kind: 'Thing', version: 'v1' };

describe('explain', () => {
  it('lists fields with their types, enums (four at most) and -required-', () => {
    expect(explain(schemas, thing, [], false)).toBe(
      'GROUP:      example.io\nKIND:       Thing\nVERSION:    v1\n\nDESCRIPTION:\n    Thing is a test kind.\n    \nFIELDS:\n' +
        '  mode\t<string>\n  enum: A, B, C, D, ....\n    How it runs.\n\n' +
        '  parts\t<[]Part> -required-\n    The parts.\n\n' +
        '  when\t<string>\n    When it happened.\n\n\n',
    );
  });
  it('follows a path through arrays, adding the held type to the description', () => {
    expect(explain(schemas, thing, ['parts'], true)).toBe(
      'GROUP:      example.io\nKIND:       Thing\nVERSION:    v1\n\nFIELD: parts <[]Part>\n\n\nDESCRIPTION:\n    The parts.\n    Part is one piece.\n    \nFIELDS:\n  size\t<Quantity>\n\n',
    );
    expect(explain(schemas, thing, ['parts', 'size'], false)).toContain(
      'FIELD: size <Quantity>\n\n\nDESCRIPTION:\n    Quantity is a number.\n    \n\n',
    );
  });
  it('names the last word of a path that does not exist', () => {
    expect(() => explain(schemas, thing, ['nope', 'deeper'], false)).toThrow(
      'error: field "deeper" does not exist',
    );
  });
});
