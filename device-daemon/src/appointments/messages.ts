/** The SMS texts, in the hall's words (the gateway puts the configured 短信签名 before each). */
export interface BookingFacts {
  code: string;
  date: string;
  start: string;
  end: string;
  categoryName: string;
}

export const smsText = {
  confirmed: (a: BookingFacts, earlyMinutes: number) =>
    `您已预约${a.date} ${a.start}-${a.end}的${a.categoryName}业务，预约码${a.code}。请在${a.start}前${earlyMinutes}分钟内到大厅自助终端刷身份证或扫码签到。`,
  reminder: (a: BookingFacts) => `温馨提示：您预约了明天（${a.date}）${a.start}-${a.end}的${a.categoryName}业务，预约码${a.code}。如不能前来，请提前取消。`,
  near: (number: string, ahead: number) => `您的号码${number}还有 ${ahead} 位轮到您，请到大厅留意叫号。`,
  missed: (number: string) => `您的号码${number}已过号。如需办理，请到自助终端重新取号。`,
  cancelled: (a: BookingFacts) => `您${a.date} ${a.start}的${a.categoryName}预约已取消。`,
};
