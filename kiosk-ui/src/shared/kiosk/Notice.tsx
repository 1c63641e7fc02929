import type { ReactNode } from 'react';

/** A plain-language message box: what happened and what to do next. */
export function Notice({ tone = 'info', title, children }: { tone?: 'info' | 'warn' | 'error' | 'ok'; title: string; children?: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' || tone === 'warn' ? 'alert' : 'status'}>
      <div className="notice-title">{title}</div>
      {children ? <div className="notice-body">{children}</div> : null}
    </div>
  );
}
