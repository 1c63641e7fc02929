import { ApiError } from '@/shared/api/client';
import * as scanApi from './api';
import type { Matter, Receipt, Submission } from './api';

/** What the 材料扫描 screen shows of the person's work; the matters themselves are server data (useQuery). */
export interface ScanFlowState {
  /** The chosen matter; the first of the list until the person picks one. */
  matterId: string | undefined;
  activeMaterialId: string | undefined;
  submission: Submission | undefined;
  /** A request in flight (starting a scan, finishing): buttons wait. */
  pending: boolean;
  /** The last problem, in plain words from the daemon. */
  error: string | undefined;
}

/**
 * The 材料扫描 flow of one person, local to the scan screen (framework-free; the screen subscribes with
 * useSyncExternalStore). The submission itself lives on the daemon; this keeps which one is open, so that
 * leaving (back, home, countdown: the screen unmounts) discards it and its images there.
 */
export class ScanFlow {
  private state: ScanFlowState = { matterId: undefined, activeMaterialId: undefined, submission: undefined, pending: false, error: undefined };
  private readonly listeners = new Set<() => void>();
  /** The identity session whose masked name goes on the cover, when a card was read. */
  private coverIdentity: string | undefined;
  /** The ticket the person took earlier in this session: the submission is linked to it from the start. */
  private ticketId: string | undefined;

  constructor(private readonly api: typeof scanApi = scanApi) {}

  getState = (): ScanFlowState => this.state;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  private set(patch: Partial<ScanFlowState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** Runs a daemon call; a refusal becomes the plain message on screen, nothing else is lost. */
  private async run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    this.set({ pending: true, error: undefined });
    try {
      return await fn();
    } catch (err) {
      this.set({ error: err instanceof ApiError ? err.message : '操作失败，请重试' });
      return undefined;
    } finally {
      this.set({ pending: false });
    }
  }

  /** The matters arrived (or came back): the first is chosen unless the person chose already. */
  offer(matters: Matter[]): void {
    if (this.state.matterId || !matters[0]) return;
    this.set({ matterId: matters[0].id, activeMaterialId: matters[0].materials[0]?.id });
  }

  setCoverIdentity(sessionId: string | undefined): void {
    this.coverIdentity = sessionId;
  }

  setTicket(ticketId: string | undefined): void {
    this.ticketId = ticketId;
  }

  /** Required materials of the open submission without a page: named to the person before «完成». */
  missingRequired(matter: Matter | undefined): string[] {
    const pages = new Map(this.state.submission?.materials.map((m) => [m.id, m.pages.length]) ?? []);
    return (matter?.materials ?? []).filter((m) => m.required && !pages.get(m.id)).map((m) => m.name);
  }

  async selectMatter(matter: Matter): Promise<void> {
    if (matter.id === this.state.matterId) return;
    await this.discard();
    this.set({ matterId: matter.id, activeMaterialId: matter.materials[0]?.id, error: undefined });
  }

  selectMaterial(id: string): void {
    this.set({ activeMaterialId: id });
  }

  async scan(replacePageId?: string): Promise<void> {
    const { matterId, activeMaterialId } = this.state;
    if (!matterId || !activeMaterialId) return;
    await this.run(async () => {
      let submission = this.state.submission;
      if (!submission) {
        submission = (await this.api.createSubmission(matterId, this.coverIdentity, this.ticketId)).submission;
        this.set({ submission });
      }
      const { job } = await this.api.startScan(submission.id, activeMaterialId, replacePageId);
      this.set({ submission: { ...submission, job } });
    });
  }

  /** A `scan.progress` event of the running job: its state and percentage, without a fetch. */
  progress(jobId: string, state: NonNullable<Submission['job']>['state'], percent: number): void {
    const sub = this.state.submission;
    if (sub?.job?.id === jobId) this.set({ submission: { ...sub, job: { ...sub.job, state, percent } } });
  }

  async refresh(): Promise<void> {
    const id = this.state.submission?.id;
    if (!id) return;
    const r = await this.api.fetchSubmission(id).catch(() => undefined);
    if (r && this.state.submission?.id === id) this.set({ submission: r.submission });
  }

  /** Stops the page being scanned; what was scanned before stays. */
  async cancel(): Promise<void> {
    const id = this.state.submission?.id;
    if (!id) return;
    const r = await this.api.cancelScan(id).catch(() => undefined);
    if (r && this.state.submission?.id === id) this.set({ submission: r.submission });
  }

  async removePage(pageId: string): Promise<void> {
    const id = this.state.submission?.id;
    if (!id) return;
    const r = await this.run(() => this.api.deletePage(id, pageId));
    if (r) this.set({ submission: r.submission });
  }

  async movePage(materialId: string, pageId: string, by: -1 | 1): Promise<void> {
    const sub = this.state.submission;
    const pages = sub?.materials.find((m) => m.id === materialId)?.pages.map((p) => p.id) ?? [];
    const i = pages.indexOf(pageId);
    const j = i + by;
    if (!sub || i < 0 || j < 0 || j >= pages.length) return;
    [pages[i], pages[j]] = [pages[j]!, pages[i]!];
    const r = await this.run(() => this.api.reorderPages(sub.id, materialId, pages));
    if (r) this.set({ submission: r.submission });
  }

  async finish(): Promise<{ submission: Submission; receipt: Receipt } | undefined> {
    const id = this.state.submission?.id;
    if (!id) return undefined;
    const r = await this.run(() => this.api.finishSubmission(id));
    if (r) this.set({ submission: undefined });
    return r;
  }

  /** The person left or chose another matter: the daemon forgets the scans now, not at the next sweep. */
  async discard(): Promise<void> {
    const sub = this.state.submission;
    this.set({ submission: undefined });
    if (sub && sub.state === 'open') await this.api.discardSubmission(sub.id).catch(() => undefined);
  }
}
