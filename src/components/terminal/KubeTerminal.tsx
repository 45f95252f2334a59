import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKubeloop } from '../../state/store';
import { TERMINAL_THEMES, useTheme } from '../layout/theme';
import { History, loadHistory, saveHistory } from './history';
import './i18n';
import { TerminalSession } from './session';
import './terminal.css';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** KubeTerminal is an xterm.js shell that runs kubectl against the simulated cluster. */
export default function KubeTerminal() {
  const { t } = useTranslation('terminal');
  const host = useRef<HTMLDivElement>(null);
  const inputLabel = t('input');
  const welcome = t('welcome');
  const waitingRef = useRef((path: string) => t('waitingEditor', { path }));
  useEffect(() => {
    waitingRef.current = (path: string) => t('waitingEditor', { path });
  }, [t]);
  const theme = useTheme();
  const themeRef = useRef(theme);
  const termRef = useRef<Terminal | undefined>(undefined);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const term = new Terminal({
      screenReaderMode: true,
      convertEol: false,
      cursorBlink: true,
      fontSize: 13,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      scrollback: 2000,
      theme: TERMINAL_THEMES[themeRef.current],
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    termRef.current = term;
    term.textarea?.setAttribute('aria-label', inputLabel);
    const refit = () => {
      try {
        fit.fit();
      } catch {
        // not laid out yet (hidden tab)
      }
    };
    refit();
    const resize = new ResizeObserver(refit);
    resize.observe(element);

    const session = new TerminalSession(
      { write: (text) => term.write(text), clear: () => term.clear() },
      {
        runKubectl: (line) => useKubeloop.getState().runKubectl(line),
        cluster: () => useKubeloop.getState().cluster,
        onChange: (listener) =>
          useKubeloop.subscribe((state, prev) => {
            if (state.version !== prev.version) listener();
          }),
        saveHistory: (entries) => saveHistory(storage(), entries),
        cancelEdit: () => {
          const editing = useKubeloop.getState().editing;
          editing?.cancel();
          return editing !== undefined;
        },
      },
      new History(loadHistory(storage())),
    );
    term.write(`${welcome}\r\n`);
    session.start();
    const data = term.onData((d) => session.input(d));
    // kubectl edit's file opens in the editor tab; the terminal says what it is waiting for.
    const stopEditWatch = useKubeloop.subscribe((state, prev) => {
      const editing = state.editing;
      if (editing && editing.round !== prev.editing?.round) {
        term.write(`\x1b[2m${waitingRef.current(editing.file.path)}\x1b[0m\r\n`);
      }
    });
    term.focus();
    return () => {
      data.dispose();
      stopEditWatch();
      session.dispose();
      resize.disconnect();
      termRef.current = undefined;
      term.dispose();
    };
    // The terminal is created once; a language change only relabels it (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    host.current?.querySelector('textarea')?.setAttribute('aria-label', inputLabel);
  }, [inputLabel]);

  useEffect(() => {
    themeRef.current = theme;
    if (termRef.current) termRef.current.options.theme = TERMINAL_THEMES[theme];
  }, [theme]);

  return (
    <section className="terminal-panel" role="region" aria-label={t('region')}>
      <div className="terminal-host" ref={host} />
    </section>
  );
}
