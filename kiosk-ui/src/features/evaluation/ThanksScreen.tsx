import { InnerPage } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import { levelName, needsReason, stars } from './levels';
import { ContactForm } from './ContactForm';
import { followUpWords } from './follow-up';

/** 好差评 last step: thanks; for a bad rating, when the follow-up is due. */
export interface ThanksParams {
  /** null: the ticket had been rated already. */
  level: number | null;
  /** The dated reply promised (real-name raters only: `datedReply`). */
  followUp: { dueDate: string } | null;
  /** For a 实名 差评: the rating's ticket and identity session, so the rater may leave a phone number for the reply. */
  ticketId?: string;
  realName?: boolean;
  identitySessionId?: string;
}

export function ThanksScreen({ params }: { params: ThanksParams }) {
  const home = useKiosk((s) => s.home);
  const { level, followUp } = params;
  return (
    <InnerPage title="评价完成" voice="感谢您的评价">
      <div className="ev-thanks" role="status">
        <div className="ev-thanks-title">感谢您的评价！</div>
        {level ? (
          <div className="ev-thanks-level">
            <span className="ev-stars" aria-hidden="true">{stars(level)}</span> {levelName(level)}
          </div>
        ) : (
          <div className="ev-thanks-level">本次服务已经评价过了</div>
        )}
        {level && needsReason(level) ? (
          <p className="ev-policy">{followUpWords(followUp)}</p>
        ) : null}
        {followUp && params.realName && params.ticketId ? <ContactForm ticketId={params.ticketId} identitySessionId={params.identitySessionId} /> : null}
        <button type="button" className="primary-button" onClick={() => home('done')}>
          完成
        </button>
      </div>
    </InnerPage>
  );
}
