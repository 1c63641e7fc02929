import { Type } from 'typebox';
import { nullable } from '../core/schemas';

const material = Type.Object({
  id: Type.String(),
  name: Type.String(),
  required: Type.Boolean(),
  note: Type.Optional(Type.String()),
  form: Type.Optional(Type.String()),
  copies: Type.Optional(Type.Integer()),
  deferrable: Type.Optional(Type.Boolean()),
});

/** A 办事指南 as the API answers it (docs/API.md `GET /api/guides/:code`). */
export const guideSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  department: nullable(Type.String()),
  categoryId: nullable(Type.String()),
  initials: Type.String(),
  materials: Type.Array(material),
  conditions: Type.Optional(Type.String()),
  timeLimit: Type.Optional(Type.String()),
  fee: Type.Optional(Type.String()),
  place: Type.Optional(Type.String()),
  windows: Type.Array(Type.Integer()),
  phone: Type.Optional(Type.String()),
});
