/**
 * Plays a window's business system (一窗受理系统) against the integration API over real HTTP, as a vendor's
 * system would: its key in `Authorization: Bearer`, JSON in and out (docs/INTEGRATION.md).
 */
export interface Answer<T = Record<string, any>> {
  status: number;
  body: T;
}

export class BusinessSystem {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {}

  /** «Window W finished 办件 X of 事项 Y for ticket N». */
  finished(body: { caseNumber: string; matterCode: string; window: number; ticketNumber?: string; ticketId?: string; staffId?: string }) {
    return this.send('POST', '/cases', body);
  }

  /** «Invite a rating for 办件 X at window W». */
  inviteRating(caseNumber: string, window: number) {
    return this.send('POST', `/cases/${encodeURIComponent(caseNumber)}/invitation`, { window });
  }

  /** «What is the rating of 办件 X». */
  ratingOf(caseNumber: string) {
    return this.send('GET', `/cases/${encodeURIComponent(caseNumber)}/evaluation`);
  }

  /** A raw request, for the tests of authentication and validation. */
  async send(method: string, path: string, body?: unknown, key = this.key): Promise<Answer> {
    const res = await fetch(`${this.baseUrl}/api/integration/v1${path}`, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }
}
