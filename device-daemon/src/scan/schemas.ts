/** The scan API's shapes: bodies are strict, answers are serialised through these (nothing extra leaks). */
import { Type, type Static } from 'typebox';
import { strictObject } from '../core/schemas';

export const idParam = Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' });
const slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,31}$' });

export const matterSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    materials: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, name: { type: 'string' }, required: { type: 'boolean' }, note: { type: 'string' } },
      },
    },
  },
} as const;

const errorObject = { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } as const;

export const jobSchema = {
  type: ['object', 'null'],
  properties: {
    id: { type: 'string' },
    materialId: { type: 'string' },
    state: { type: 'string' },
    percent: { type: 'integer' },
    pageId: { type: 'string' },
    error: errorObject,
  },
} as const;

const pageSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    position: { type: 'integer' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    resolution: { type: 'integer' },
    thumbnailUrl: { type: 'string' },
  },
} as const;

export const submissionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    number: { type: 'string' },
    matterId: { type: 'string' },
    matterName: { type: 'string' },
    state: { type: 'string' },
    createdAt: { type: 'string' },
    finishedAt: { type: ['string', 'null'] },
    applicantMasked: { type: ['string', 'null'] },
    pageCount: { type: 'integer' },
    maxPages: { type: 'integer' },
    materials: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          required: { type: 'boolean' },
          note: { type: 'string' },
          pages: { type: 'array', items: pageSchema },
        },
      },
    },
    job: jobSchema,
    pdf: {
      type: ['object', 'null'],
      properties: { file: { type: 'string' }, bytes: { type: 'integer' }, pages: { type: 'integer' } },
    },
  },
} as const;

export const createBody = strictObject({
  matterId: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$' }),
  identitySessionId: Type.Optional(idParam),
  /** The ticket the person took earlier in the same kiosk session: the window that calls it sees these materials. */
  ticketId: Type.Optional(idParam),
})
export type CreateBody = Static<typeof createBody>;

export const scanBody = strictObject({ materialId: slug, replacePageId: Type.Optional(idParam) });
export type ScanBody = Static<typeof scanBody>;

export const orderBody = strictObject({ pageIds: Type.Array(idParam, { maxItems: 500 }) });
export type OrderBody = Static<typeof orderBody>;

export const submissionParams = Type.Object({ id: idParam });
export const pageParams = Type.Object({ id: idParam, pageId: idParam });
export const materialParams = Type.Object({ id: idParam, materialId: Type.String({ pattern: '^[a-z0-9-]{1,32}$' }) });

export const receiptSchema = {
  type: 'object',
  properties: { printed: { type: 'boolean' }, error: errorObject },
} as const;
