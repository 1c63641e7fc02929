import { useState } from 'react';
import { useQuery } from '@/shared/api/use-query';
import { fetchSubmissions, openPdf, type WindowSubmission } from './help-api';

/**
 * Scanned materials of the ticket at the window (and any by SM number): materials with page counts, the 容缺 ones,
 * and «查看 PDF», fetched with the staff token (the daemon logs each opening) and shown in the page.
 */
export function Materials({ token, ticketId }: { token: string; ticketId: string | undefined }) {
  const [number, setNumber] = useState('');
  const [byNumber, setByNumber] = useState<WindowSubmission[]>([]);
  const [pdf, setPdf] = useState<string>();
  const [error, setError] = useState<string>();
  const ofTicket = useQuery(ticketId ? `counter.materials.${ticketId}` : null, () => fetchSubmissions(token, { ticketId: ticketId! }), {
    refetchOn: ['scan.finished', 'hall.link'],
  });
  const list = [...(ofTicket.data?.submissions ?? []), ...byNumber.filter((s) => !ofTicket.data?.submissions.some((t) => t.id === s.id))];
  const show = (id: string) => openPdf(token, id).then((url) => { setPdf(url); setError(undefined); }, (e: Error) => setError(e.message));
  const find = () =>
    fetchSubmissions(token, { number: number.trim() }).then(
      (r) => { setByNumber(r.submissions); setError(r.submissions.length ? undefined : '没有这个提交编号的材料'); },
      (e: Error) => setError(e.message),
    );
  return (
    <section className="cp-materials" aria-label="扫描材料">
      <h2>扫描材料</h2>
      {list.length === 0 ? <p className="cp-muted">{ticketId ? '该号码没有扫描材料' : '叫号后显示该号码的扫描材料'}</p> : null}
      {list.map((s) => (
        <div key={s.id} className="cp-submission" data-testid="submission">
          <strong>{s.number}</strong> · {s.matterName} · 共 {s.pageCount} 页{s.applicantMasked ? ` · ${s.applicantMasked}` : ''}
          <ul>
            {s.materials.map((m) => (
              <li key={m.id}>{m.name}：{m.pages.length ? `${m.pages.length} 页` : m.required ? '未提交' : '无'}</li>
            ))}
          </ul>
          {s.missing.length ? <p className="cp-warn">尚缺：{s.missing.join('、')}</p> : null}
          <button type="button" className="cp-button" disabled={!s.pdf} onClick={() => void show(s.id)}>查看 PDF</button>
        </div>
      ))}
      <form onSubmit={(e) => { e.preventDefault(); void find(); }}>
        <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="SM20261201-0001" aria-label="提交编号" maxLength={15} />
        <button type="submit" className="cp-button" disabled={!/^SM\d{8}-\d{4}$/i.test(number.trim())}>按编号查找</button>
      </form>
      {error ? <p className="cp-error" role="alert">{error}</p> : null}
      {pdf ? <iframe className="cp-pdf" title="材料 PDF" src={pdf} /> : null}
    </section>
  );
}
