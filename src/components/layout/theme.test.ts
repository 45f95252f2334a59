import { describe, expect, it } from 'vitest';
import { parseThemeChoice, resolveTheme } from './theme';

describe('theme', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', 'system'],
    [null, 'system'],
    ['purple', 'system'],
  ] as const)('a saved %s is the choice %s', (saved, want) => {
    expect(parseThemeChoice(saved)).toBe(want);
  });

  it.each([
    ['system', false, 'light'],
    ['system', true, 'dark'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
  ] as const)('%s with a system that prefers dark=%s shows %s', (choice, systemDark, want) => {
    expect(resolveTheme(choice, systemDark)).toBe(want);
  });
});
