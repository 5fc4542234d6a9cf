import type { IsoDate } from '@huimin/policy';
import type { Selectable } from 'kysely';
import type { TrainingDemandItemTable } from '../../db/schema.js';
import { AppError, notBefore } from '../../http/errors.js';

/** An item of the training-demand catalogue (职业技能培训需求指导目录) as the bureau adds it. */
export interface DemandItemInput {
  regionCode: string;
  occupation: string;
  level?: number;
  trainingKind: 'employment-skills' | 'entrepreneurship';
  standardFen: number;
  hours: number;
  urgent: boolean;
  /** Paid to the trainee (直补个人, the default) or to the institution (项目制、先垫后补). */
  payee?: 'trainee' | 'institution';
  validFrom: IsoDate;
  validTo?: IsoDate;
}

export interface DemandItemView extends Omit<DemandItemInput, 'payee'> {
  id: string;
  payee: 'trainee' | 'institution';
  inForce: boolean;
  removedOn?: string;
  removedReason?: string;
}

/** An item's dates, whether typed in or imported: it cannot end before it starts. */
export function checkItemDates(input: DemandItemInput): void {
  if (input.validTo !== undefined && input.validTo < input.validFrom)
    throw new AppError('VALIDATION_FAILED', 400, 'validTo', notBefore(input.validFrom));
}

/** In force on a day: within its dates and not yet moved out. */
export function itemView(r: Selectable<TrainingDemandItemTable>, on: IsoDate): DemandItemView {
  const inForce =
    r.valid_from <= on && (r.valid_to === null || on <= r.valid_to) && (r.removed_on === null || on < r.removed_on);
  return {
    id: r.id,
    regionCode: r.region_code,
    occupation: r.occupation,
    ...(r.level !== null ? { level: r.level } : {}),
    trainingKind: r.training_kind,
    standardFen: Number(r.standard_fen),
    hours: r.hours,
    urgent: r.urgent,
    payee: r.payee,
    validFrom: r.valid_from,
    ...(r.valid_to ? { validTo: r.valid_to } : {}),
    inForce,
    ...(r.removed_on ? { removedOn: r.removed_on, removedReason: r.removed_reason ?? '' } : {}),
  };
}
