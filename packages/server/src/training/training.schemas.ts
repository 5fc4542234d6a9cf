import { Type } from 'typebox';
import { PROTECTED_ERRORS } from '../http/common.schemas.js';

/** What the training routes share: the tag, who may call them, and the common schemas. */
export const TAGS = ['training'];
export const MANAGE = { access: { permission: 'training:manage' as const } };
export const INSTITUTION_OR_STAFF = {
  access: { permission: ['training:manage' as const, 'application:own' as const] },
};

export const options = { additionalProperties: false } as const;
export const Region = Type.String({ pattern: '^[0-9]{6}$' });
export const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, options);

export const PUBLIC_ERRORS = { 400: PROTECTED_ERRORS[400], 404: PROTECTED_ERRORS[404] };
/** An uploaded sheet: a file of another type (415) or with bad rows (422) answers in the error format. */
export const FILE_ERRORS = { ...PROTECTED_ERRORS, 415: PROTECTED_ERRORS[400], 422: PROTECTED_ERRORS[400] };
