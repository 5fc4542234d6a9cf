import {
  checkCreditCode,
  DESIGNATION_NAMES,
  maskIdNumber,
  ORGANISATION_CATEGORY_NAMES,
  parseResidentId,
  PERSON_STATUS_NAMES,
  validateFacts,
} from '@huimin/policy';
import type { Insertable } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError, inBoth } from '../http/errors.js';
import { assertMatches } from '../http/schema-check.js';
import type { Vault } from '../security/vault.js';
import {
  ORGANISATION_FACT_SCHEMAS,
  PERSON_FACT_SCHEMAS,
  type CreateOrganisation,
  type CreatePerson,
  type FactInput,
} from './registry.schemas.js';

// Input at the registry's edge: ID numbers, credit codes and facts checked, personal data encrypted.

/** A person ready to insert: validated, the ID number encrypted, the lookup hash computed. */
export interface PreparedPerson {
  readonly row: Omit<Insertable<Database['person']>, 'id' | 'created_at' | 'updated_at'> & {
    id_number_hmac: string;
    id_number_masked: string;
    name: string;
    region_code: string;
    household_id: string | null;
  };
  readonly facts: readonly FactInput[];
}

export interface PreparedOrganisation {
  readonly row: {
    credit_code: string;
    credit_code_override: string | null;
    name: string;
    category: string;
    size_class: CreateOrganisation['sizeClass'] | null;
    region_code: string;
  };
  readonly facts: readonly FactInput[];
}

/**
 * One address however it was typed: full-width letters and digits as half-width, no spaces or
 * punctuation, so "成都市 锦江区１号" and "成都市锦江区1号" count as the same place.
 */
export function normaliseAddress(address: string): string {
  return address
    .normalize('NFKC')
    .replace(/[\s\p{P}]/gu, '')
    .toUpperCase();
}

const phoneMask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

/** Validates and encrypts; throws a field-named error and touches nothing on bad input. */
export function preparePerson(vault: Vault, input: CreatePerson, field = ''): PreparedPerson {
  const at = (f: string) => (field ? `${field}.${f}` : f);
  const parsed = parseResidentId(input.idNumber);
  if (!parsed.ok)
    throw new AppError('INVALID_ID_NUMBER', 400, at('idNumber'), inBoth('detail', ...ID_PROBLEMS[parsed.error]));
  const id = parsed.value;
  // The category sets the statutory retirement age the engine reads (60 for men; 50 or 55 for
  // women before the reform): it must agree with the sex the ID number carries, either way.
  const category = input.retirementCategory;
  if (category && (id.sex === 'male') !== (category === 'male'))
    throw new AppError(
      'VALIDATION_FAILED',
      400,
      at('retirementCategory'),
      id.sex === 'male'
        ? inBoth('detail', '身份证号码为男性，应为 male', 'the ID number is a man’s: male')
        : inBoth(
            'detail',
            '身份证号码为女性，应为 female-worker 或 female-cadre',
            'the ID number is a woman’s: female-worker or female-cadre',
          ),
    );
  const facts = (input.facts ?? []).map((f, i) => checkFact('person', f, at(`facts[${i}]`)));
  return {
    row: {
      id_number_hmac: vault.lookupHash('id-number', id.number),
      id_number_cipher: vault.encrypt(id.number),
      id_number_masked: maskIdNumber(id.number),
      name: input.name.trim(),
      sex: id.sex,
      birth_date: id.birthDate,
      retirement_category: input.retirementCategory ?? (id.sex === 'male' ? 'male' : null),
      region_code: input.regionCode,
      hukou_region: input.hukouRegion ?? null,
      household_id: input.householdId ?? null,
      rural: input.rural ?? null,
      phone_cipher: input.phone ? vault.encrypt(input.phone) : null,
      phone_hmac: input.phone ? vault.lookupHash('phone', input.phone) : null,
      phone_masked: input.phone ? phoneMask(input.phone) : null,
      address_cipher: input.address ? vault.encrypt(input.address.trim()) : null,
      address_hmac: input.address ? vault.lookupHash('address', normaliseAddress(input.address)) : null,
    },
    facts,
  };
}

export function prepareOrganisation(input: CreateOrganisation, field = ''): PreparedOrganisation {
  const at = (f: string) => (field ? `${field}.${f}` : f);
  const code = input.creditCode.toUpperCase();
  const check = checkCreditCode(code);
  if (check === 'format')
    throw new AppError('INVALID_CREDIT_CODE', 400, at('creditCode'), inBoth('detail', '格式', 'format'));
  if (check === 'check-digit' && !input.creditCodeOverride) {
    throw new AppError(
      'INVALID_CREDIT_CODE',
      400,
      at('creditCode'),
      inBoth(
        'detail',
        '校验码错误，如确为早期试点代码请填写 creditCodeOverride 说明理由',
        'wrong check character; give creditCodeOverride with a reason if it is a genuine early-pilot code',
      ),
    );
  }
  if (!Object.hasOwn(ORGANISATION_CATEGORY_NAMES, input.category))
    throw new AppError('VALIDATION_FAILED', 400, at('category'), {
      detail: Object.keys(ORGANISATION_CATEGORY_NAMES).join(', '),
    });
  const facts = (input.facts ?? []).map((f, i) => checkFact('organisation', f, at(`facts[${i}]`)));
  return {
    row: {
      credit_code: code,
      credit_code_override: check === 'check-digit' ? (input.creditCodeOverride ?? null) : null,
      name: input.name.trim(),
      category: input.category,
      size_class: input.sizeClass ?? null,
      region_code: input.regionCode,
    },
    facts,
  };
}

/** A 身份证号 checked and turned into its lookup hash: how accounts find a person without decrypting anyone. */
export function idNumberLookup(vault: Vault, idNumber: string, field = 'idNumber'): string {
  const parsed = parseResidentId(idNumber);
  if (!parsed.ok) throw new AppError('INVALID_ID_NUMBER', 400, field, inBoth('detail', ...ID_PROBLEMS[parsed.error]));
  return vault.lookupHash('id-number', parsed.value.number);
}

const ID_PROBLEMS: Record<'format' | 'birth-date' | 'check-digit', [string, string]> = {
  format: ['应为18位，末位可为X', '18 characters, the last may be X'],
  'birth-date': ['出生日期不存在', 'the birth date does not exist'],
  'check-digit': ['校验码错误', 'wrong check digit'],
};

/** Checks a fact's data against its kind: structure by schema, then dates, codes and amounts. */
export function checkFact(owner: 'person' | 'organisation', input: FactInput, field: string): FactInput {
  const schemas: Record<string, Parameters<typeof assertMatches>[0]> =
    owner === 'person' ? PERSON_FACT_SCHEMAS : ORGANISATION_FACT_SCHEMAS;
  const at = (f: string) => (field ? `${field}.${f}` : f);
  // Own keys only: a kind named like an object's built-in (`constructor`) is not a kind.
  const schema = Object.hasOwn(schemas, input.kind) ? schemas[input.kind] : undefined;
  if (!schema) throw new AppError('VALIDATION_FAILED', 400, at('kind'), { detail: Object.keys(schemas).join(', ') });
  assertMatches(schema, input.data, at('data'));
  const problems = validateFacts(input.data, at('data'));
  const first = problems[0];
  if (first) throw new AppError('INVALID_FACT', 400, first.field, inBoth('detail', first.message.zh, first.message.en));
  const kind = (input.data as { kind?: string }).kind;
  if (input.kind === 'status' && !Object.hasOwn(PERSON_STATUS_NAMES, String(kind)))
    throw new AppError('VALIDATION_FAILED', 400, at('data.kind'), {
      detail: Object.keys(PERSON_STATUS_NAMES).join(', '),
    });
  if (input.kind === 'designation' && !Object.hasOwn(DESIGNATION_NAMES, String(kind)))
    throw new AppError('VALIDATION_FAILED', 400, at('data.kind'), {
      detail: Object.keys(DESIGNATION_NAMES).join(', '),
    });
  const d = input.data as { from?: string; to?: string; fromMonth?: string; toMonth?: string };
  if ((d.to && d.from && d.to < d.from) || (d.toMonth && d.fromMonth && d.toMonth < d.fromMonth)) {
    throw new AppError(
      'INVALID_FACT',
      400,
      at(d.toMonth ? 'data.toMonth' : 'data.to'),
      inBoth('detail', '结束早于开始', 'ends before it starts'),
    );
  }
  return { kind: input.kind, data: input.data };
}
