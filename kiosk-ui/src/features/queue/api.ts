import { get, post } from '@/shared/api/client';

/**
 * The API's shapes are the daemon's own types (type-only: erased at build, so no daemon code reaches the UI;
 * Vite cannot resolve `@daemon/...`, so a value import would fail the build).
 */
import type { CategoryView as Category, Ticket } from '@daemon/queue/types';
import type { IssueBody as IssueRequest, IssueReply } from '@daemon/queue/schemas';
export type { Category, IssueRequest, Ticket };

export const fetchCategories = (signal?: AbortSignal) => get<{ categories: Category[] }>('/api/queue/categories', signal);
export const issueTicket = (req: IssueRequest) =>
  post<IssueReply>('/api/queue/tickets', req);
