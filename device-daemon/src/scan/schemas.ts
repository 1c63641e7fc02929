/** JSON schemas of the scan API: bodies are strict, answers are serialised through these (nothing extra leaks). */

export const idParam = { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' } as const;
const slug = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,31}$' } as const;

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

export const createBody = {
  type: 'object',
  required: ['matterId'],
  additionalProperties: false,
  properties: { matterId: { type: 'string', pattern: '^[A-Za-z0-9-]{1,40}$' }, identitySessionId: idParam },
} as const;

export const scanBody = {
  type: 'object',
  required: ['materialId'],
  additionalProperties: false,
  properties: { materialId: slug, replacePageId: idParam },
} as const;

export const orderBody = {
  type: 'object',
  required: ['pageIds'],
  additionalProperties: false,
  properties: { pageIds: { type: 'array', items: idParam, maxItems: 500 } },
} as const;

export const receiptSchema = {
  type: 'object',
  properties: { printed: { type: 'boolean' }, error: errorObject },
} as const;
