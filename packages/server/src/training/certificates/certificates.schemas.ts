import { Type } from 'typebox';
import { options } from '../training.schemas.js';

export const Certificate = Type.Object(
  {
    serial: Type.String(),
    name: Type.String(),
    idNumberMasked: Type.String(),
    occupation: Type.String(),
    level: Type.Optional(Type.Integer()),
    institution: Type.String(),
    startsOn: Type.String(),
    endsOn: Type.String(),
    issuedOn: Type.String(),
  },
  { $id: 'Certificate' },
);

export const CertificateParams = Type.Object({ serial: Type.String({ minLength: 4, maxLength: 60 }) }, options);

/** The holder's name, which must match the certificate's. */
export const HolderQuery = Type.Object({ name: Type.String({ minLength: 1, maxLength: 60 }) }, options);
