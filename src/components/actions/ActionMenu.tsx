import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actionsFor, type ActionTarget } from './actions';
import { chooseAction, closeActionMenu } from './state';
import './i18n';

/** useTargetLabel names a target's menu: "Actions for pod web-5d4f-x2x9z", "Cluster actions". */
export function useTargetLabel(target: ActionTarget): string {
  const { t } = useTranslation('actions');
  return target.kind === 'Cluster'
    ? t('clusterMenu')
    : t('menuFor', { kind: t(`kind.${target.kind}`), name: target.name });
}

/**
 * ActionMenu is a WAI-ARIA menu of what can be done to target, opened at a point (a right-click)
 * or under a button. ↑/↓/Home/End move, Enter runs, Esc or a click elsewhere closes it.
 */
export default function ActionMenu({
  target,
  x,
  y,
}: {
  target: ActionTarget;
  x: number;
  y: number;
}) {
  const { t } = useTranslation('actions');
  const label = useTargetLabel(target);
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });
  const actions = actionsFor(target);

  useLayoutEffect(() => {
    // Keep the menu on screen: flip it left or up when it would overflow.
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    setPosition({
      left: Math.max(4, x + box.width > window.innerWidth ? x - box.width : x),
      top: Math.max(4, y + box.height > window.innerHeight ? y - box.height : y),
    });
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [x, y]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as globalThis.Node)) closeActionMenu(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    // The menu owns the keyboard while open: → must not step the cluster, nor Esc deselect.
    event.stopPropagation();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: (index + 1) % items.length,
      ArrowUp: (index - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      items[moves[event.key]!]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      closeActionMenu();
    }
  };

  return (
    <div
      ref={menu}
      className="action-menu"
      role="menu"
      aria-label={label}
      style={position}
      onKeyDown={onKeyDown}
    >
      {actions.map((action) => (
        <button
          key={action.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={action.destructive ? 'is-destructive' : undefined}
          title={t(`hint.${action.id}`)}
          onClick={() => chooseAction(target, action)}
        >
          {t(`action.${action.id}`)}
        </button>
      ))}
    </div>
  );
}
