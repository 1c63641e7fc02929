import { useQuery } from '@/shared/api/use-query';
import { IdCardPrompt, useIdCard } from '@/shared/identity';
import { ticketsOfCard, type TicketRef } from './api';

/**
 * The ID-card route of «好差评»: the person puts their card on the reader and picks one of today's tickets
 * taken with that card. Rendered only when a reader is fitted.
 */
export function CardTickets({ onPick }: { onPick: (ticket: TicketRef, identitySessionId: string) => void }) {
  const card = useIdCard();
  const sessionId = card.kind === 'read' ? card.session.sessionId : undefined;
  const { data, error } = useQuery(sessionId ? `evaluation.card.${sessionId}` : null, () => ticketsOfCard(sessionId!), {
    refetchOn: ['evaluation.recorded'],
  });
  const tickets = sessionId ? data?.tickets : undefined;

  if (card.kind === 'unavailable') return null;
  return (
    <section className="ev-card" aria-label="刷身份证查找">
      <p className="ev-lead">或刷身份证查找今天的号</p>
      <IdCardPrompt state={card}>
        {error && sessionId ? <p className="ev-error" role="alert">{error.message}</p> : null}
        {tickets && tickets.length === 0 ? <p>今天没有用此证件取的号，请输入票号查找</p> : null}
        {tickets?.map((t) => (
          <button key={t.id} type="button" className="ev-card-ticket" disabled={t.rated || t.state !== 'done'} onClick={() => sessionId && onPick(t, sessionId)}>
            {t.number} {t.categoryName} {t.rated ? '（已评价）' : t.state !== 'done' ? '（办理完成后即可评价）' : '· 去评价'}
          </button>
        ))}
      </IdCardPrompt>
    </section>
  );
}
