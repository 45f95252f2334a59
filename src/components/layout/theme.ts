import { useSyncExternalStore } from 'react';

/** ThemeChoice is what the learner picked: follow the system, or always light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';
/** Theme is what is shown once "system" is resolved through prefers-color-scheme. */
export type Theme = 'light' | 'dark';

/** The localStorage key that remembers the learner's theme. */
export const THEME_KEY = 'kubeloop.theme';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled (privacy mode)
  }
}

/** parseThemeChoice reads a saved choice; anything unknown means "follow the system". */
export function parseThemeChoice(saved: string | null | undefined): ThemeChoice {
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

/** resolveTheme turns a choice into the theme shown, given whether the system prefers dark. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

const darkQuery =
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : undefined;

let choice = parseThemeChoice(storage()?.getItem(THEME_KEY));
let theme = resolveTheme(choice, darkQuery?.matches ?? false);
const listeners = new Set<() => void>();

/** apply puts the theme on <html> (CSS reads data-theme; color-scheme styles form controls). */
function apply(): void {
  theme = resolveTheme(choice, darkQuery?.matches ?? false);
  if (typeof document !== 'undefined') {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }
  for (const listener of listeners) listener();
}
apply();
darkQuery?.addEventListener('change', apply);

/** setThemeChoice switches the theme and remembers the choice for the next visit. */
export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') storage()?.removeItem(THEME_KEY);
    else storage()?.setItem(THEME_KEY, next);
  } catch {
    // blocked storage: the choice lasts until the page is closed
  }
  apply();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** useThemeChoice is the learner's pick (for the Theme control). */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, () => choice);
}

/** useTheme is the theme shown now: Monaco and xterm pick their colours from it. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, () => theme);
}

/** TERMINAL_THEMES are xterm's colours for each theme (the same as --terminal-bg in CSS). */
export const TERMINAL_THEMES: Record<
  Theme,
  { background: string; foreground: string; cursor: string; selectionBackground: string }
> = {
  light: {
    background: '#fbfcfe',
    foreground: '#1c2330',
    cursor: '#1c2330',
    selectionBackground: '#c8d6f5',
  },
  dark: {
    background: '#0f172a',
    foreground: '#e2e8f0',
    cursor: '#e2e8f0',
    selectionBackground: '#33466e',
  },
};

/** MONACO_THEMES are Monaco's built-in themes for each theme. */
export const MONACO_THEMES: Record<Theme, string> = { light: 'vs', dark: 'vs-dark' };
