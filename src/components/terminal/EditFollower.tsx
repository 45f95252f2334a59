import { useEffect, useRef } from 'react';
import { useKubeloop } from '../../state/store';

/**
 * EditFollower tells the workbench when a `kubectl edit` opens its file and when it is done, so
 * the editor tab comes forward while kubectl waits and the terminal returns after. It loads with
 * the store, after the first paint, and draws nothing.
 */
export default function EditFollower({ onEditing }: { onEditing: (editing: boolean) => void }) {
  const editing = useKubeloop((s) => s.editing !== undefined);
  const was = useRef(false);
  useEffect(() => {
    if (editing === was.current) return;
    was.current = editing;
    onEditing(editing);
  }, [editing, onEditing]);
  return null;
}
