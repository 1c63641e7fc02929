import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { InnerPage, Notice } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import type { KioskBooking } from './api';
import { bookingDay } from './SlotPicker';

export interface BookedParams {
  booking: KioskBooking;
}

/**
 * A kiosk booking made: the booking code large and its QR code (the phone page of the booking, which the
 * kiosk's scanner reads to check in), when to come, the person masked, and whether the 预约凭条 was printed.
 */
export function BookedScreen({ params }: { params: BookedParams }) {
  const { appointment: a, printed, printError } = params.booking;
  const home = useKiosk((s) => s.home);
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    void QRCode.toDataURL(a.qrText, { margin: 1, width: 240 }).then(setQr);
  }, [a.qrText]);

  return (
    // «返回» would reopen the booking steps of a booking already made: the person is done.
    <InnerPage title="预约成功" onBack={() => home('done')} voice={`预约成功，预约码${a.code.split('').join(' ')}`}>
      <div className="bk-done">
        <section className="bk-done-main" aria-label="预约信息">
          <p className="bk-lead">预约码</p>
          <p className="bk-code" data-testid="booking-code">{a.code}</p>
          <p>{a.categoryName}</p>
          <p className="bk-when">{bookingDay(a.date)} {a.start}-{a.end}</p>
          <p className="bk-who">预约人 <strong>{a.nameMasked}</strong> {a.idNumberMasked} · 手机 {a.phoneMasked}</p>
        </section>
        <section className="bk-done-side">
          {qr ? <img className="bk-qr" src={qr} alt="预约二维码" width={240} height={240} /> : null}
          {printed ? (
            <Notice tone="ok" title="预约凭条已打印，请取走" />
          ) : printError ? (
            <Notice tone="warn" title={printError.message} />
          ) : (
            <Notice tone="info" title="请记下预约码，或用手机拍下二维码" />
          )}
          <p className="bk-note">请在预约时段开始前到自助终端刷身份证、扫此二维码或输入预约码签到。</p>
        </section>
      </div>
      <div className="action-row">
        <button type="button" className="primary-button" onClick={() => home('done')}>
          完成
        </button>
      </div>
    </InnerPage>
  );
}
