import { Type } from 'typebox';
import { CalendarDate } from '../policies/facts.schema.js';

/** What the employment-services routes share: the tag, who may call them, common schemas. */
export const TAGS = ['employment-services'];
export const REGISTER = { access: { permission: 'employment:register' as const } };
export const READ = { access: { permission: 'employment:read' as const } };
export const OWN = { access: { permission: 'application:own' as const } };
export const FILE = { access: { permission: 'hardship:file' as const } };
export const DECIDE = { access: { permission: 'hardship:decide' as const } };
export const WORK_CASES = { access: { permission: 'assistance:work' as const } };
export const READ_CASES = { access: { permission: ['assistance:work' as const, 'employment:read' as const] } };

export const options = { additionalProperties: false } as const;
export const IsoDateString = CalendarDate;
export const RegionCode = Type.String({ pattern: '^[0-9]{6}$' });
export const Community = Type.String({ minLength: 1, maxLength: 100 });
