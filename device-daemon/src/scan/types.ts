/** Shapes of the scan service, as rows and as the API shows them. Nothing here carries personal data in clear. */
export type SubmissionState = 'open' | 'finished' | 'expired';

export interface SubmissionRow {
  id: string;
  number: string;
  matter_id: string;
  kiosk_id: string;
  state: SubmissionState;
  applicant_masked: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  pdf_file: string | null;
  pdf_bytes: number | null;
  page_count: number;
  /** The person's ticket, once linked (at the kiosk, by the SM number, or by a window). */
  ticket_id?: string | null;
  /** JSON list of the required materials' names left unscanned at «完成» (容缺, confirmed by the person). */
  missing?: string | null;
  /** JSON `{ received, requested }` of material ids: the window's review. */
  review?: string | null;
  /** When the linked ticket's service ended (办结): retention counts from here. */
  service_ended_at?: string | null;
}

export interface PageRow {
  id: string;
  submission_id: string;
  material_id: string;
  position: number;
  width: number;
  height: number;
  resolution: number;
  bytes: number;
  created_at: string;
}

export interface PageView {
  id: string;
  position: number;
  width: number;
  height: number;
  resolution: number;
  thumbnailUrl: string;
}

export interface MaterialView {
  id: string;
  name: string;
  required: boolean;
  note?: string;
  pages: PageView[];
}

export type JobState = 'scanning' | 'processing' | 'done' | 'failed';

export interface ScanJobView {
  id: string;
  materialId: string;
  state: JobState;
  percent: number;
  pageId?: string;
  error?: { code: string; message: string };
}

export interface SubmissionView {
  id: string;
  number: string;
  matterId: string;
  matterName: string;
  state: SubmissionState;
  createdAt: string;
  finishedAt: string | null;
  /** Masked as docs/INTERFACE.md says (`张*明`), or null when no card was read. */
  applicantMasked: string | null;
  pageCount: number;
  maxPages: number;
  materials: MaterialView[];
  job: ScanJobView | null;
  pdf: { file: string; bytes: number; pages: number } | null;
}
