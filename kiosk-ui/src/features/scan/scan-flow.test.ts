import { describe, expect, it } from 'vitest';
import type * as scanApi from './api';
import type { Matter, Submission } from './api';
import { ScanFlow } from './scan-flow';

const matters: Matter[] = [
  { id: 'm1', name: '个体工商户登记', materials: [{ id: 'a', name: '身份证', required: true }, { id: 'b', name: '场所证明', required: true }] },
  { id: 'm2', name: '社保转移', materials: [{ id: 'c', name: '申请表', required: true }] },
];

const submission = (id: string): Submission => ({
  id, number: 'S001', matterId: 'm1', matterName: '个体工商户登记', state: 'open', createdAt: '', finishedAt: null,
  applicantMasked: null, pageCount: 0, maxPages: 50, materials: [], job: null, pdf: null,
});

/** The daemon's scan API, recording what the flow asked of it. */
function fakeApi() {
  const calls: string[] = [];
  const api = {
    createSubmission: async (matterId: string, identity?: string, ticketId?: string) =>
      (calls.push(`create ${matterId} ${identity ?? '-'}${ticketId ? ` ticket ${ticketId}` : ''}`), { submission: submission('s1') }),
    startScan: async (id: string, materialId: string) => (calls.push(`scan ${id} ${materialId}`), { job: { id: 'j1', materialId, state: 'scanning' as const, percent: 0 } }),
    discardSubmission: async (id: string) => void calls.push(`discard ${id}`),
  } as Partial<typeof scanApi>;
  return { calls, api: api as typeof scanApi };
}

describe('ScanFlow', () => {
  it('chooses the first matter when they arrive, but never overrides the person\'s choice', async () => {
    const { api } = fakeApi();
    const flow = new ScanFlow(api);
    flow.offer(matters);
    expect(flow.getState()).toMatchObject({ matterId: 'm1', activeMaterialId: 'a' });
    await flow.selectMatter(matters[1]!);
    flow.offer(matters); // the matters came again (refetch after a reconnection)
    expect(flow.getState()).toMatchObject({ matterId: 'm2', activeMaterialId: 'c' });
  });

  it('scans into the chosen material with the card on the cover, and discards the open submission when the person leaves', async () => {
    const { api, calls } = fakeApi();
    const flow = new ScanFlow(api);
    flow.offer(matters);
    flow.selectMaterial('b');
    flow.setCoverIdentity('card-1');
    await flow.scan();
    expect(flow.getState().submission?.job).toMatchObject({ id: 'j1', state: 'scanning' });
    flow.progress('j1', 'processing', 100);
    expect(flow.getState().submission?.job).toMatchObject({ state: 'processing', percent: 100 });
    await flow.discard();
    await flow.discard();
    expect(calls).toEqual(['create m1 card-1', 'scan s1 b', 'discard s1']);
    expect(flow.getState().submission).toBeUndefined();
  });

  it('sends the session\'s ticket with the submission, so the window calling it sees the materials', async () => {
    const { api, calls } = fakeApi();
    const flow = new ScanFlow(api);
    flow.offer(matters);
    flow.setTicket('t-42');
    await flow.scan();
    expect(calls[0]).toBe('create m1 - ticket t-42');
  });

  it('names the required materials without a page before «完成», and none once each has one', () => {
    const flow = new ScanFlow(fakeApi().api);
    expect(flow.missingRequired(matters[0])).toEqual(['身份证', '场所证明']);
    const page = { id: 'p1' } as Submission['materials'][number]['pages'][number];
    const sub = { ...submission('s1'), materials: [{ id: 'a', name: '身份证', required: true, pages: [page] }] } as Submission;
    (flow as unknown as { state: { submission: Submission } }).state.submission = sub;
    expect(flow.missingRequired(matters[0])).toEqual(['场所证明']);
    expect(flow.missingRequired(undefined)).toEqual([]);
  });
});
