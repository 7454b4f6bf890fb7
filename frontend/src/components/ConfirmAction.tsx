import { useState } from 'react';

/**
 * An action that cannot be undone, asked twice: the first button opens a small group holding
 * the action itself and a way back.
 */
export function ConfirmAction({
  trigger,
  triggerLabel,
  triggerClassName = 'button-quiet danger',
  group,
  prompt,
  confirm,
  cancel = 'Cancel',
  busy,
  onConfirm,
}: {
  /** The first button's text. */
  trigger: string;
  /** Its accessible name, where the text alone does not say what it acts on. */
  triggerLabel?: string;
  triggerClassName?: string;
  /** The accessible name of the group that asks. */
  group: string;
  /** A question shown before the buttons. */
  prompt?: string;
  /** The button that does it. */
  confirm: string;
  /** The button that goes back. */
  cancel?: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={triggerClassName}
        aria-label={triggerLabel}
        onClick={() => setAsking(true)}
      >
        {trigger}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={group}>
      {prompt && <span>{prompt}</span>}
      <button type="button" className="button-danger" disabled={busy} onClick={onConfirm}>
        {confirm}
      </button>
      <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
        {cancel}
      </button>
    </span>
  );
}
