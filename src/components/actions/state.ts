import { create } from 'zustand';
import type { Action, ActionTarget } from './actions';
import { runAction, type ActionOutcome } from './run';

interface ActionMenuState {
  target: ActionTarget;
  /** where the menu opens, in viewport pixels */
  x: number;
  y: number;
  /** gets focus back when the menu closes without opening a dialog */
  returnFocus: HTMLElement | null;
}

interface ActionsState {
  menu?: ActionMenuState;
  dialog?: { target: ActionTarget; action: Action; returnFocus: HTMLElement | null };
  /** the last action run straight from a menu, announced in a live region */
  outcome?: ActionOutcome;
}

/** useActions holds the open action menu, the open action dialog and the last outcome. */
export const useActions = create<ActionsState>()(() => ({}));

export function openActionMenu(menu: ActionMenuState): void {
  useActions.setState({ menu });
}

export function closeActionMenu(restoreFocus = true): void {
  const { menu } = useActions.getState();
  useActions.setState({ menu: undefined });
  if (restoreFocus) menu?.returnFocus?.focus();
}

/** chooseAction runs an action without inputs at once; one that asks or shows output opens a dialog. */
export function chooseAction(target: ActionTarget, action: Action): void {
  const returnFocus = useActions.getState().menu?.returnFocus ?? null;
  closeActionMenu(false);
  if (action.fields.length > 0 || action.showsOutput) {
    openActionDialog(target, action, returnFocus);
    return;
  }
  returnFocus?.focus();
  void runAction(action.command({})).then((outcome) => useActions.setState({ outcome }));
}

export function openActionDialog(
  target: ActionTarget,
  action: Action,
  returnFocus: HTMLElement | null,
): void {
  useActions.setState({ menu: undefined, dialog: { target, action, returnFocus } });
}

export function closeActionDialog(): void {
  const { dialog } = useActions.getState();
  useActions.setState({ dialog: undefined });
  // The object may be gone (a deleted pod): focus then stays where the browser puts it.
  if (dialog?.returnFocus?.isConnected) dialog.returnFocus.focus();
}

export function dismissOutcome(): void {
  useActions.setState({ outcome: undefined });
}
