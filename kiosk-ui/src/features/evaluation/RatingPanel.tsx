import { useState } from 'react';
import { useQuery } from '@/shared/api/use-query';
import { ratingOfTicket, type Channel, type Evaluation } from './api';
import { RatingForm } from './RatingForm';
import { stars } from './levels';
import { ContactForm } from './ContactForm';
import { AddReasons } from './AddReasons';
import { datedReply, followUpWords } from './follow-up';

/**
 * Rating a ticket outside the kiosk flow (the phone page): shows the rating already made, or the form and
 * then thanks. One rating per ticket, whichever channel made it.
 */
export function RatingPanel({ ticketId, channel = 'qr' }: { ticketId: string; channel?: Channel }) {
  // A rating made elsewhere (the kiosk, the keypad) shows here too.
  const rating = useQuery(`evaluation.of.${ticketId}`, () => ratingOfTicket(ticketId), { refetchOn: ['evaluation.recorded'] });
  const [now, setNow] = useState<{ evaluation: Evaluation | null }>();

  if (!now && !rating.data && !rating.error) return null;
  const e = now ? now.evaluation : rating.data?.evaluation;
  if (!now && !e) return <RatingForm ticketId={ticketId} channel={channel} onRecorded={(evaluation) => setNow({ evaluation })} />;
  // A 差评 pressed on a window keypad (no screen there): its reasons can still be added here.
  if (e && e.reasonsGiven === false) return <AddReasons evaluation={e} onAdded={(evaluation) => setNow({ evaluation })} />;
  return (
    <div className="ev-rated" role="status">
      {now ? <div className="ev-thanks-title">感谢您的评价！</div> : <div className="ev-lead">本次服务已评价</div>}
      {e ? (
        <div className="ev-thanks-level">
          <span className="ev-stars" aria-hidden="true">{stars(e.level)}</span> {e.levelName}
        </div>
      ) : null}
      {e?.followUp ? <p className="ev-policy">{followUpWords(datedReply(e))}</p> : null}
      {e?.followUp && e.realName ? <ContactForm ticketId={ticketId} /> : null}
    </div>
  );
}
