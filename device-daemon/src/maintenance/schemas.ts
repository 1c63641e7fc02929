/** JSON schemas of the maintenance API; response schemas are also serializers, so nothing extra leaks out. */
import { Type, type Static } from 'typebox';
import { errorResponses, strictObject } from '../core/schemas';
import { oneOf } from '../config/kit';
import { DEVICE_NAMES } from '../devices/descriptors';

const healthResult = {
  type: 'object',
  properties: { level: { type: 'string' }, ok: { type: 'boolean' }, text: { type: 'string' }, at: { type: 'string' } },
} as const;

const errorRecord = {
  type: 'object',
  properties: { at: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, locus: { type: 'string' } },
} as const;

export const deviceStatusSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    driver: { type: 'string' },
    simulated: { type: 'boolean' },
    state: { type: 'string' },
    since: { type: 'string' },
    reason: { type: 'string' },
    transport: { type: 'string' },
    detail: { type: 'object', additionalProperties: true },
    statistics: { type: 'object', additionalProperties: { type: 'number' } },
    recentErrors: { type: 'array', items: errorRecord },
    lastHealth: healthResult,
  },
} as const;

export const loginBody = strictObject({ pin: Type.String({ minLength: 1, maxLength: 32 }) });
export type LoginBody = Static<typeof loginBody>;

export const healthBody = strictObject({ level: oneOf(['internal', 'external', 'interactive']) });
export type HealthBody = Static<typeof healthBody>;

export const deviceParams = Type.Object({ name: oneOf(DEVICE_NAMES) });
export type DeviceParams = Static<typeof deviceParams>;

// The daemon's validator does not coerce types: a query value is a string.
export const logQuery = strictObject({ limit: Type.Optional(Type.String({ pattern: '^(?:[1-9]\\d{0,1}|[1-4]\\d{2}|500)$' })) });
export type LogQuery = Static<typeof logQuery>;

export const logLineSchema = {
  type: 'object',
  properties: { time: { type: 'string' }, level: { type: 'string' }, msg: { type: 'string' }, text: { type: 'string' } },
} as const;

const selfTestSchema = {
  type: 'object',
  properties: { level: { type: 'string', enum: ['internal', 'external', 'interactive'] }, label: { type: 'string' } },
} as const;

const faultSchema = {
  type: 'object',
  properties: {
    label: { type: 'string' },
    method: { type: 'string', enum: ['POST', 'DELETE'] },
    path: { type: 'string' },
    body: { type: 'object', additionalProperties: true },
  },
} as const;

/** Every device the daemon knows (fitted or not): its label, self-tests and simulator faults. */
export const catalogSchema = {
  type: 'object',
  properties: {
    devices: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', enum: [...DEVICE_NAMES] },
          label: { type: 'string' },
          selfTests: { type: 'array', items: selfTestSchema },
          faults: { type: 'array', items: faultSchema },
        },
      },
    },
  },
} as const;

export const responses = errorResponses;
