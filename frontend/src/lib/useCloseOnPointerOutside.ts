import { type RefObject, useEffect } from 'react';

/**
 * While a popup is open, a press of the pointer anywhere but on its button or on the popup
 * itself closes it (menus, the notification panel).
 */
export function useCloseOnPointerOutside(
  open: boolean,
  setOpen: (open: boolean) => void,
  button: RefObject<HTMLElement | null>,
  popup: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popup.current?.contains(target) && !button.current?.contains(target)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, setOpen, button, popup]);
}
