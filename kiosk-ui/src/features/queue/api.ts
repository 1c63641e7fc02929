import { get, post } from '../../shared/api/client';

export interface Category {
  id: string;
  name: string;
  description?: string;
  priority: boolean;
  realName: 'required' | 'optional' | 'off';
  waiting: number;
  crowded: boolean;
  open: boolean;
  hours: { from: string; to: string }[];
  remainingToday: number;
  estimatedWaitMinutes: number | null;
}

export interface Ticket {
  id: string;
  number: string;
  categoryId: string;
  categoryName: string;
  state: string;
  priority: boolean;
  delivery: 'print' | 'screen';
  printed: boolean;
  realName: boolean;
  waitingAhead: number;
  estimatedWaitMinutes: number | null;
  issuedAt: string;
}

export interface IssueRequest {
  categoryId: string;
  delivery?: 'print' | 'screen';
  identitySessionId?: string;
  priority?: boolean;
}

export const fetchCategories = (signal?: AbortSignal) => get<{ categories: Category[] }>('/api/queue/categories', signal);
export const issueTicket = (req: IssueRequest) =>
  post<{ ticket: Ticket; printError?: { code: string; message: string } }>('/api/queue/tickets', req);
