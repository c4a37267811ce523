// 確認ダイアログ (a confirmation before an action that records something): a native modal <dialog>
// — the page behind is inert, so the focus stays inside; Esc or 戻る cancels and nothing happens; the
// confirm button has the focus, so Enter confirms and Tab reaches 戻る. What is about to be done is
// the dialog's content (who, what, when), read by screen readers as the dialog's description.
import { useEffect, useRef, type ReactNode } from "react";

interface ConfirmDialogProps {
  open: boolean;
  /** The question: 「転居を記録しますか」. */
  title: string;
  /** The summary of what confirming does. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** What the confirm button says while the action is under way. */
  busyLabel?: string;
  /** The action is under way: the confirm button waits. */
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  id?: string;
}

export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = "戻って修正する", busyLabel = "処理しています…", busy = false, onConfirm, onCancel, id = "confirm-dialog" }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      confirm.current?.focus();
    } else if (!open && d.open) {
      d.close();
      // Back where the clerk was (the field Enter was pressed in), unless the page has moved on.
      if (returnTo.current?.isConnected) returnTo.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      id={id}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      data-testid="confirm-dialog"
      onCancel={(event) => {
        // Esc: the dialog closes through `open`, so React and the element never disagree.
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 className="confirm-dialog__title" id={`${id}-title`}>
        {title}
      </h2>
      <div className="confirm-dialog__body" id={`${id}-body`}>
        {children}
      </div>
      <div className="confirm-dialog__actions">
        <button type="button" ref={confirm} className="button button--primary" onClick={onConfirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
