import { useCallback, useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

export interface Question {
  title: string;
  body?: ReactNode;
  /** What discarding is called on its button («确定离开», «删除此页»). */
  confirmLabel: string;
  keepLabel?: string;
}

/**
 * Ask before throwing a person's work away: `ask(question, discard)` shows the question; `discard` runs only
 * on the confirming answer. Render `dialog` once in the screen.
 */
export function useConfirm(): { ask(question: Question, discard: () => void): void; dialog: ReactNode } {
  const [open, setOpen] = useState<{ question: Question; discard: () => void }>();
  const ask = useCallback((question: Question, discard: () => void) => setOpen({ question, discard }), []);
  const dialog = open ? (
    <ConfirmDialog
      title={open.question.title}
      keepLabel={open.question.keepLabel ?? '继续办理'}
      confirmLabel={open.question.confirmLabel}
      onKeep={() => setOpen(undefined)}
      onConfirm={() => {
        setOpen(undefined);
        open.discard();
      }}
    >
      {open.question.body}
    </ConfirmDialog>
  ) : null;
  return { ask, dialog };
}
