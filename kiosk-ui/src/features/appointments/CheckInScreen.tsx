import { useCallback, useEffect, useRef, useState } from 'react';
import { InnerPage, Notice, useQrScan } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import { ApiError } from '@/shared/api/client';
import { useIdCard } from '@/shared/identity';
import { checkIn } from './api';
import { CodePad } from './CodePad';
import './appointments.css';

type Problem = { code: string; message: string };

/** `code`: a booking QR scanned on home, checked in at once. */
export interface CheckInParams {
  code?: string;
}

/**
 * 预约签到 at the kiosk, three ways at once: put the ID card on the reader (today's booking of that person),
 * hold the booking's QR code under the scanner, or type the booking code. A check-in gives the ticket screen
 * of the 取号 flow; too early says when to come back, too late offers an ordinary number.
 */
export function CheckInScreen({ params }: { params: CheckInParams | undefined }) {
  const replace = useKiosk((s) => s.replace);
  const navigate = useKiosk((s) => s.navigate);
  const printer = useKiosk((s) => s.deviceStates.printer);
  const qrFitted = useKiosk((s) => s.deviceStates.qrReader !== undefined);
  const cardFitted = useKiosk((s) => s.deviceStates.idReader !== undefined);
  const card = useIdCard();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();
  const busyRef = useRef(false);

  const submit = useCallback((by: { code: string } | { identitySessionId: string }) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setProblem(undefined);
    checkIn(by, printer === undefined ? 'screen' : 'print').then(
      (r) => replace('queue.ticket', { ticket: r.ticket, ...(r.printError ? { printError: r.printError } : {}) }),
      (e: unknown) => {
        busyRef.current = false;
        setBusy(false);
        setProblem(e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'UNKNOWN', message: String(e) });
      },
    );
  }, [printer, replace]);

  useQrScan((scan) => {
    if (scan.kind === 'bad') return setProblem({ code: scan.code, message: scan.message });
    if (scan.kind === 'appointment') submit({ code: scan.code });
    else setProblem({ code: 'QR_NOT_A_BOOKING', message: scan.kind === 'ticket' ? '这是取号凭条的二维码，请扫描预约二维码' : scan.message });
  });

  const scanned = params?.code;
  useEffect(() => {
    if (scanned) submit({ code: scanned });
  }, [scanned, submit]);

  const sessionId = card.kind === 'read' ? card.session.sessionId : undefined;
  useEffect(() => {
    if (sessionId) submit({ identitySessionId: sessionId });
  }, [sessionId, submit]);

  return (
    <InnerPage title="预约签到" busy={busy} voice="请刷身份证、扫描预约二维码，或输入预约码签到">
      <div className="appt-ways">
        <p className="appt-hint">
          请将<strong>身份证</strong>放在感应区{qrFitted ? <>，或将<strong>预约二维码</strong>对准扫码口</> : null}，或在下方输入<strong>预约码</strong>
        </p>
        {problem ? (
          <Notice tone={problem.code === 'CHECK_IN_TOO_EARLY' ? 'info' : 'warn'} title={titleOf(problem.code)}>
            <p data-testid="appt-problem">{problem.message}</p>
            {problem.code === 'CHECK_IN_TOO_LATE' || problem.code === 'APPOINTMENT_NOT_FOUND' ? (
              <div className="action-row">
                <button type="button" className="secondary-button" onClick={() => navigate('queue.categories')}>
                  取普通号
                </button>
                <button type="button" className="secondary-button" onClick={() => navigate('appointments.book')}>
                  预约其他时段
                </button>
              </div>
            ) : null}
          </Notice>
        ) : null}
        <CodePad value={code} onChange={setCode} busy={busy} onSubmit={() => submit({ code })} />
        {cardFitted ? (
          <button type="button" className="secondary-button" onClick={() => navigate('appointments.book')}>
            还没有预约？刷身份证预约
          </button>
        ) : null}
      </div>
    </InnerPage>
  );
}

function titleOf(code: string): string {
  if (code === 'CHECK_IN_TOO_EARLY') return '还未到签到时间';
  if (code === 'CHECK_IN_TOO_LATE') return '已超过签到时间';
  if (code === 'APPOINTMENT_NOT_FOUND') return '没有找到预约';
  if (code.startsWith('QR_')) return '扫码未成功';
  return '签到未成功';
}
