import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKubeloop } from '../../state/store';
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
      theme: { background: '#0f172a', foreground: '#e2e8f0', cursor: '#e2e8f0' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
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
      },
      new History(loadHistory(storage())),
    );
    term.write(`${welcome}\r\n`);
    session.start();
    const data = term.onData((d) => session.input(d));
    term.focus();
    return () => {
      data.dispose();
      session.dispose();
      resize.disconnect();
      term.dispose();
    };
    // The terminal is created once; a language change only relabels it (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    host.current?.querySelector('textarea')?.setAttribute('aria-label', inputLabel);
  }, [inputLabel]);

  return (
    <section className="terminal-panel" role="region" aria-label={t('region')}>
      <div className="terminal-host" ref={host} />
    </section>
  );
}
