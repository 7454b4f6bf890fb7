import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MenuButton } from './MenuButton';

function setup() {
  const edit = vi.fn();
  const remove = vi.fn();
  render(
    <MenuButton
      label="Post actions"
      items={[
        { label: 'Edit', onSelect: edit },
        { label: 'Remove', onSelect: remove, danger: true },
      ]}
    />,
  );
  return { edit, remove, button: screen.getByRole('button', { name: 'Post actions' }) };
}

describe('MenuButton', () => {
  it('opens on ArrowDown with focus on the first item, and moves with the arrow keys', () => {
    const { button } = setup();
    expect(button.getAttribute('aria-expanded')).toBe('false');

    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Edit' }));

    fireEvent.keyDown(screen.getByRole('menu'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Remove' }));
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Edit' }));
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Remove' }));
  });

  it('closes on Escape and gives focus back to the button', () => {
    const { button } = setup();
    fireEvent.click(button);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('runs the chosen item and closes', () => {
    const { button, remove } = setup();
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    fireEvent.click(screen.getByRole('menuitem', { name: 'Remove' }));
    expect(remove).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
