import { useEffect, useRef } from 'react';
import { LIFT_AND_REPLACE, useIdCard } from '@/shared/identity';

/**
 * Optional: a person may put their ID card on the reader so the PDF's cover names them (masked, `张*明`).
 * Hidden when no reader is fitted; the scan never waits for a card.
 */
export function CoverIdentity({ onCard }: { onCard(sessionId: string | undefined): void }) {
  const card = useIdCard();
  const sessionId = card.kind === 'read' ? card.session.sessionId : undefined;
  // Told once per change of card, not on every render of the parent (which passes a new callback each time).
  const report = useRef(onCard);
  report.current = onCard;
  useEffect(() => report.current(sessionId), [sessionId]);
  if (card.kind === 'unavailable') return null;
  return (
    <div className="scan-identity">
      <h2 className="scan-step">可选：身份证</h2>
      {card.kind === 'read' ? (
        <p>封面申请人：<strong>{card.session.card.nameMasked}</strong></p>
      ) : (
        <p className="scan-hint">{card.kind === 'error' ? card.message : card.kind === 'lift' ? LIFT_AND_REPLACE : '放置身份证后，文件封面将显示您的姓名（部分隐去）'}</p>
      )}
    </div>
  );
}
