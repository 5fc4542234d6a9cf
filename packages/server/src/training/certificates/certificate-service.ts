import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { findCertificate } from './certificate-repository.js';

export interface CertificateView {
  serial: string;
  name: string;
  idNumberMasked: string;
  occupation: string;
  level?: number;
  institution: string;
  startsOn: string;
  endsOn: string;
  issuedOn: string;
}

/** The certificates classes issue on completion, as anyone may check them (证书查验). */
export class CertificateService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Public verification (证书查验): the serial and the holder's name must both match; the ID number is masked. */
  async verifyCertificate(serial: string, name: string): Promise<CertificateView> {
    const c = await findCertificate(this.db, serial.trim().toUpperCase());
    if (!c || c.name !== name.trim()) throw new AppError('CERTIFICATE_NOT_FOUND', 404, 'serial');
    return {
      serial: c.serial,
      name: c.name,
      idNumberMasked: c.id_number_masked,
      occupation: c.occupation,
      ...(c.level !== null ? { level: c.level } : {}),
      institution: c.institution_name,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      issuedOn: c.issued_on,
    };
  }
}
