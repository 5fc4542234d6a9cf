import {
  labelIndex,
  labelledValues,
  type ParameterLabel,
  type ParameterList,
  type ParameterValue,
} from './core/parameters.js';
import { acceptanceParameters } from './parameters/acceptance.js';
import { TEXT_DURATION_LISTS } from './parameters/durations.js';
import type { SubsidyDefinition } from './core/subsidy.js';
import { employerParameters } from './parameters/employers.js';
import { employmentParameters } from './parameters/employment.js';
import { labourExportParameters } from './parameters/labour-export.js';
import { loanAwardParameters } from './loans/loan-awards.js';
import { loanParameters } from './parameters/loans.js';
import { trainingParameters } from './parameters/training.js';
import { AssistanceBaseAward, InternshipBaseAward } from './subsidies/base-awards.js';
import { EmployerPostSubsidy } from './subsidies/employer-post-subsidy.js';
import { EmploymentInternshipSubsidy } from './subsidies/employment-internship.js';
import { EmploymentServiceSubsidy } from './subsidies/employment-service.js';
import { EmploymentWorkshopReward } from './subsidies/employment-workshop-reward.js';
import { EnterpriseStaffTrainingSubsidy } from './subsidies/enterprise-staff-training.js';
import { HighSkillTrainingSubsidy } from './subsidies/high-skill-training.js';
import { IncubationBaseAward } from './subsidies/incubation-base-award.js';
import { LabourExportJobSeekingSubsidy } from './subsidies/labour-export-job-seeking.js';
import { LabourExportServiceReward } from './subsidies/labour-export-service-reward.js';
import { LabourExportTransportSubsidy } from './subsidies/labour-export-transport.js';
import { LabourStationAward } from './subsidies/labour-station-award.js';
import { OneTimeExpansionSubsidy } from './subsidies/one-time-expansion.js';
import { OneTimeHiringSubsidy } from './subsidies/one-time-hiring.js';
import { OneTimeJobSeekingSubsidy } from './subsidies/one-time-job-seeking.js';
import { OneTimeStartupSubsidy, StartupFollowOnSubsidy } from './subsidies/one-time-startup.js';
import { PremisesRentSubsidy } from './subsidies/premises-rent.js';
import { ProjectTrainingSubsidy } from './subsidies/project-training.js';
import { PublicWelfarePostSubsidy } from './subsidies/public-welfare-post.js';
import { SkillEvaluationSubsidy } from './subsidies/skill-evaluation.js';
import { SkillUpgradingSubsidy } from './subsidies/skill-upgrading.js';
import {
  SocialInsuranceEmployerGraduate,
  SocialInsuranceEmployerHardToEmploy,
} from './subsidies/social-insurance-employer.js';
import {
  SocialInsuranceFlexibleGraduate,
  SocialInsuranceFlexibleHardToEmploy,
} from './subsidies/social-insurance-flexible.js';
import { StartupProjectFund } from './subsidies/startup-project-fund.js';
import { StartupLoanAward } from './subsidies/startup-loan-award.js';
import { StartupLoanInterestEnterpriseSubsidy, StartupLoanInterestSubsidy } from './subsidies/startup-loan-interest.js';
import { TrainingLivingAllowance } from './subsidies/training-living-allowance.js';
import { UnemploymentInsuranceStabilization } from './subsidies/unemployment-insurance-stabilization.js';
import { VocationalTrainingSubsidy } from './subsidies/vocational-training.js';

/** Every subsidy the texts define, in the order the public list shows them. */
export const CATALOGUE: readonly SubsidyDefinition[] = [
  VocationalTrainingSubsidy,
  EnterpriseStaffTrainingSubsidy,
  ProjectTrainingSubsidy,
  TrainingLivingAllowance,
  SkillEvaluationSubsidy,
  SkillUpgradingSubsidy,
  EmploymentInternshipSubsidy,
  OneTimeJobSeekingSubsidy,
  OneTimeStartupSubsidy,
  StartupFollowOnSubsidy,
  StartupProjectFund,
  PremisesRentSubsidy,
  SocialInsuranceEmployerHardToEmploy,
  SocialInsuranceFlexibleHardToEmploy,
  SocialInsuranceEmployerGraduate,
  SocialInsuranceFlexibleGraduate,
  PublicWelfarePostSubsidy,
  EmployerPostSubsidy,
  OneTimeHiringSubsidy,
  OneTimeExpansionSubsidy,
  UnemploymentInsuranceStabilization,
  LabourExportServiceReward,
  LabourExportJobSeekingSubsidy,
  LabourExportTransportSubsidy,
  LabourStationAward,
  EmploymentWorkshopReward,
  AssistanceBaseAward,
  InternshipBaseAward,
  EmploymentServiceSubsidy,
  HighSkillTrainingSubsidy,
  IncubationBaseAward,
  StartupLoanInterestSubsidy,
  StartupLoanInterestEnterpriseSubsidy,
  StartupLoanAward,
] as readonly SubsidyDefinition[];

/** The files of src/parameters whose values the engine reads when it decides. */
export const TEXT_PARAMETER_LISTS: readonly ParameterList[] = [
  trainingParameters,
  employmentParameters,
  employerParameters,
  labourExportParameters,
  loanParameters,
  loanAwardParameters,
  acceptanceParameters(CATALOGUE),
];

/** Parameter values stated in the policy texts. Local settings and examples come from the server. */
export const TEXT_PARAMETERS: readonly ParameterValue[] = TEXT_PARAMETER_LISTS.flatMap(labelledValues);

/**
 * The name and unit of every parameter the policy package declares, amounts and durations alike,
 * by id: what screens show instead of the id. The server adds its own (risk thresholds) beside it.
 */
export const PARAMETER_LABELS: Readonly<Record<string, ParameterLabel>> = labelIndex([
  ...TEXT_PARAMETER_LISTS,
  ...TEXT_DURATION_LISTS,
]);
