import { create } from 'zustand';
import { ApiError } from '../../shared/api/client';
import { onSessionEnd } from '../../shared/store';
import * as scanApi from './api';
import type { Matter, Receipt, Submission } from './api';

/**
 * The 材料扫描 flow's state. The submission itself lives on the daemon; this keeps which one is open, so
 * that leaving (home, countdown) discards it and its images there (the person walked away).
 */
export interface ScanFlowState {
  matters: Matter[];
  matterId: string | undefined;
  activeMaterialId: string | undefined;
  submission: Submission | undefined;
  /** A request in flight (starting a scan, finishing): buttons wait. */
  pending: boolean;
  /** The last problem, in plain words from the daemon. */
  error: string | undefined;
  loadMatters(): Promise<void>;
  selectMatter(id: string): Promise<void>;
  selectMaterial(id: string): void;
  scan(replacePageId?: string): Promise<void>;
  refresh(): Promise<void>;
  /** Stops the page being scanned; what was scanned before stays. */
  cancel(): Promise<void>;
  removePage(pageId: string): Promise<void>;
  movePage(materialId: string, pageId: string, by: -1 | 1): Promise<void>;
  finish(): Promise<{ submission: Submission; receipt: Receipt } | undefined>;
  discard(): Promise<void>;
  reset(): void;
}

const initial = { matters: [], matterId: undefined, activeMaterialId: undefined, submission: undefined, pending: false, error: undefined };

export const useScanFlow = create<ScanFlowState>()((set, get) => {
  /** Runs a daemon call; a refusal becomes the plain message on screen, nothing else is lost. */
  const run = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    set({ pending: true, error: undefined });
    try {
      return await fn();
    } catch (err) {
      set({ error: err instanceof ApiError ? err.message : '操作失败，请重试' });
      return undefined;
    } finally {
      set({ pending: false });
    }
  };

  return {
    ...initial,
    loadMatters: async () => {
      const r = await run(() => scanApi.fetchMatters());
      if (!r) return;
      const first = r.matters[0];
      set({ matters: r.matters, matterId: get().matterId ?? first?.id, activeMaterialId: get().activeMaterialId ?? first?.materials[0]?.id });
    },
    selectMatter: async (id) => {
      if (id === get().matterId) return;
      await get().discard();
      const matter = get().matters.find((m) => m.id === id);
      set({ matterId: id, activeMaterialId: matter?.materials[0]?.id, error: undefined });
    },
    selectMaterial: (id) => set({ activeMaterialId: id }),
    scan: async (replacePageId) => {
      const { matterId, activeMaterialId } = get();
      if (!matterId || !activeMaterialId) return;
      await run(async () => {
        let submission = get().submission;
        if (!submission) {
          submission = (await scanApi.createSubmission(matterId, identitySession())).submission;
          set({ submission });
        }
        const { job } = await scanApi.startScan(submission.id, activeMaterialId, replacePageId);
        set({ submission: { ...submission, job } });
      });
    },
    refresh: async () => {
      const id = get().submission?.id;
      if (!id) return;
      const r = await scanApi.fetchSubmission(id).catch(() => undefined);
      if (r && get().submission?.id === id) set({ submission: r.submission });
    },
    cancel: async () => {
      const id = get().submission?.id;
      if (!id) return;
      const r = await scanApi.cancelScan(id).catch(() => undefined);
      if (r && get().submission?.id === id) set({ submission: r.submission });
    },
    removePage: async (pageId) => {
      const id = get().submission?.id;
      if (!id) return;
      const r = await run(() => scanApi.deletePage(id, pageId));
      if (r) set({ submission: r.submission });
    },
    movePage: async (materialId, pageId, by) => {
      const sub = get().submission;
      const pages = sub?.materials.find((m) => m.id === materialId)?.pages.map((p) => p.id) ?? [];
      const i = pages.indexOf(pageId);
      const j = i + by;
      if (!sub || i < 0 || j < 0 || j >= pages.length) return;
      [pages[i], pages[j]] = [pages[j]!, pages[i]!];
      const r = await run(() => scanApi.reorderPages(sub.id, materialId, pages));
      if (r) set({ submission: r.submission });
    },
    finish: async () => {
      const id = get().submission?.id;
      if (!id) return undefined;
      const r = await run(() => scanApi.finishSubmission(id));
      if (r) set({ submission: undefined });
      return r;
    },
    discard: async () => {
      const sub = get().submission;
      set({ submission: undefined });
      if (sub && sub.state === 'open') await scanApi.discardSubmission(sub.id).catch(() => undefined);
    },
    reset: () => set({ ...initial }),
  };
});

/** The identity session whose masked name goes on the cover, set by the screen when a card was read. */
let cardSession: string | undefined;
export function setCoverIdentity(id: string | undefined): void {
  cardSession = id;
}
const identitySession = () => cardSession;

// The person left (home button, countdown): the daemon forgets their scans now, not at the next sweep.
onSessionEnd(() => {
  cardSession = undefined;
  void useScanFlow.getState().discard().finally(() => useScanFlow.getState().reset());
});
