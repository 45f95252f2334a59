import { useEffect } from 'react';
import { useKubeloop } from '../../state/store';

/** isTyping: keys belong to the focused field (inputs, selects, Monaco, the terminal), not to playback. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor, .xterm'))
    return true;
  return false;
}

/** usePlaybackKeys binds Space to play/pause, → to one step and ← to one hop back, outside text fields. */
export function usePlaybackKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        isTyping(event.target)
      )
        return;
      const store = useKubeloop.getState();
      if (event.key === ' ' || event.code === 'Space') {
        // A focused button already treats Space as a click.
        if (
          event.target instanceof HTMLElement &&
          event.target.closest('button, a, [role="button"]')
        )
          return;
        event.preventDefault();
        if (store.playing) store.pause();
        else store.play();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        store.step();
      } else if (event.key === 'ArrowLeft') {
        // One hop back in time: the timeline rebuilds the cluster as it was.
        event.preventDefault();
        const { travel, present } = store;
        const hop = travel ? travel.hop : present.hops.count;
        if (hop > 0 && !travel?.rebuilding) store.travelTo(hop - 1);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
