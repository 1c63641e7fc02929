import { useState } from 'react';
import { ApiError, post } from '@/shared/api/client';
import { NumberPad } from '@/shared/kiosk';

/**
 * A 实名 rater of a 差评 may leave a mobile number for the reply, with consent (on-screen number pad; the
 * daemon keeps it sealed and shows it back only masked). Offered, never required.
 */
export function ContactForm({ ticketId, identitySessionId }: { ticketId: string; identitySessionId?: string }) {
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (saved) return <p className="ev-contact-saved" role="status">已留下联系电话 {saved}，我们将按此号码回复您。</p>;
  return (
    <form
      className="ev-contact"
      aria-label="留下联系电话"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        post<{ contact: { phoneMasked: string } }>('/api/workorders/contact', { ticketId, phone, consent, ...(identitySessionId ? { identitySessionId } : {}) })
          .then((r) => setSaved(r.contact.phoneMasked))
          .catch((err: unknown) => setError(err instanceof ApiError ? err.message : '保存失败，请稍后再试'))
          .finally(() => setBusy(false));
      }}
    >
      <p className="ev-lead">如需工作人员回复，可留下手机号码（选填）</p>
      <NumberPad value={phone} onChange={setPhone} maxLength={11} label="手机号码" />
      <label className="ev-consent">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
        我同意留下手机号码，仅用于本次差评的核实与回复
      </label>
      {error ? <p className="ev-error" role="alert">{error}</p> : null}
      <button type="submit" className="primary-button" disabled={busy || !consent || phone.length !== 11}>
        提交号码
      </button>
    </form>
  );
}
