import { useEffect, useState } from 'react';
import { ratingOfTicket, type Channel, type Evaluation } from './api';
import { RatingForm } from './RatingForm';
import { stars } from './levels';
import { ContactForm } from './ContactForm';
import { AddReasons } from './AddReasons';

/**
 * Rating a ticket outside the kiosk flow (the phone page): shows the rating already made, or the form and
 * then thanks. One rating per ticket, whichever channel made it.
 */
export function RatingPanel({ ticketId, channel = 'qr' }: { ticketId: string; channel?: Channel }) {
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'open' } | { kind: 'rated'; evaluation: Evaluation | null; now: boolean }>({ kind: 'loading' });

  useEffect(() => {
    ratingOfTicket(ticketId).then(
      ({ evaluation }) => setState(evaluation ? { kind: 'rated', evaluation, now: false } : { kind: 'open' }),
      () => setState({ kind: 'open' }),
    );
  }, [ticketId]);

  if (state.kind === 'loading') return null;
  if (state.kind === 'open') return <RatingForm ticketId={ticketId} channel={channel} onRecorded={(evaluation) => setState({ kind: 'rated', evaluation, now: true })} />;
  const e = state.evaluation;
  if (e && e.reasonsGiven === false) {
    return <AddReasons evaluation={e} onAdded={(evaluation) => setState({ kind: 'rated', evaluation, now: true })} />;
  }
  return (
    <div className="ev-rated" role="status">
      {state.now ? <div className="ev-thanks-title">感谢您的评价！</div> : <div className="ev-lead">本次服务已评价</div>}
      {e ? (
        <div className="ev-thanks-level">
          <span className="ev-stars" aria-hidden="true">{stars(e.level)}</span> {e.levelName}
        </div>
      ) : null}
      {e?.followUp ? <p className="ev-policy">我们会认真核实并整改，{e.followUp.dueDate} 前给您答复。</p> : null}
      {e?.followUp && e.realName ? <ContactForm ticketId={ticketId} /> : null}
    </div>
  );
}
