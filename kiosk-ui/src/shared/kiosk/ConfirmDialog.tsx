import { useEffect, useRef, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  /** The safe choice first and largest: keep what the person did. */
  keepLabel: string;
  /** The choice that discards or leaves; omitted for a dialog with one answer. */
  confirmLabel?: string;
  onKeep(): void;
  onConfirm?(): void;
}

/**
 * A modal question over the page (role alertdialog): the safe answer («继续办理») gets the focus and the primary
 * look, so a stray touch never throws work away.
 */
export function ConfirmDialog({ title, children, keepLabel, confirmLabel, onKeep, onConfirm }: ConfirmDialogProps) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    keep.current?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="dialog-title">
        <h2 id="dialog-title" className="dialog-title">{title}</h2>
        {children ? <div className="dialog-body">{children}</div> : null}
        <div className="dialog-actions">
          <button ref={keep} type="button" className="primary-button" onClick={onKeep}>
            {keepLabel}
          </button>
          {confirmLabel && onConfirm ? (
            <button type="button" className="secondary-button" onClick={onConfirm}>
              {confirmLabel}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
