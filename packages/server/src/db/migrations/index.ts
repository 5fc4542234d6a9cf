import type { Migration, MigrationProvider } from 'kysely';
import { m20261121_0001_regions_and_parameters } from './20261121-0001-regions-and-parameters.js';
import { m20261121_0002_registry_accounts_applications_audit } from './20261121-0002-registry-accounts-applications-audit.js';
import { m20261121_0003_funds_and_ledger } from './20261121-0003-funds-and-ledger.js';
import { m20261121_0004_payment_batches } from './20261121-0004-payment-batches.js';
import { m20261121_0005_ledger_balances_per_statement } from './20261121-0005-ledger-balances-per-statement.js';
import { m20261121_0006_allocation_publications } from './20261121-0006-allocation-publications.js';
import { m20261121_0007_reference_data_and_risk_flags } from './20261121-0007-reference-data-and-risk-flags.js';
import { m20261121_0008_spot_checks } from './20261121-0008-spot-checks.js';
import { m20261121_0009_proactive_offers } from './20261121-0009-proactive-offers.js';
import { m20261121_0010_sweep_units_and_prepared_applications } from './20261121-0010-sweep-units-and-prepared-applications.js';
import { m20261121_0011_phone_lookup_hash } from './20261121-0011-phone-lookup-hash.js';
import { m20261121_0012_training } from './20261121-0012-training.js';
import { m20261121_0013_person_address } from './20261121-0013-person-address.js';
import { m20261121_0014_application_evidence } from './20261121-0014-application-evidence.js';
import { m20261121_0015_training_payee } from './20261121-0015-training-payee.js';
import { m20261202_0016_identity_binding_and_roles } from './20261202-0016-identity-binding-and-roles.js';
import { m20261202_0017_person_phone_unhashed_index } from './20261202-0017-person-phone-unhashed-index.js';
import { m20261202_0018_employment_services } from './20261202-0018-employment-services.js';
import { m20261202_0019_back_office } from './20261202-0019-back-office.js';
import { m20261202_0020_notifications } from './20261202-0020-notifications.js';
import { m20261202_0021_bank_return_per_batch } from './20261202-0021-bank-return-per-batch.js';
import { m20261202_0023_loans } from './20261202-0023-loans.js';
import { m20261202_0022_labour_market } from './20261202-0022-labour-market.js';
import { m20261202_0027_fact_provenance_and_declarations } from './20261202-0027-fact-provenance-and-declarations.js';
import { m20261202_0028_gig_market } from './20261202-0028-gig-market.js';
import { m20261202_0029_recruitment_events } from './20261202-0029-recruitment-events.js';
import { m20261202_0031_application_service_site } from './20261202-0031-application-service-site.js';
import { m20261202_0032_offer_from_a_hire } from './20261202-0032-offer-from-a-hire.js';
import { m20261202_0033_graduate_records } from './20261202-0033-graduate-records.js';
import { m20261202_0034_assistance_lists_and_snapshot_scope } from './20261202-0034-assistance-lists-and-snapshot-scope.js';
import { m20261202_0035_deferred_materials } from './20261202-0035-deferred-materials.js';
import { m20261202_0036_return_imports } from './20261202-0036-return-imports.js';
import { m20261202_0037_certification_verified_by_list } from './20261202-0037-certification-verified-by-list.js';
import { m20261203_0038_loan_awards } from './20261203-0038-loan-awards.js';
import { m20261203_0039_matching_tiers } from './20261203-0039-matching-tiers.js';
import { m20261203_0040_sweep_parts } from './20261203-0040-sweep-parts.js';
import { m20261203_0041_posting_matching_tiers } from './20261203-0041-posting-matching-tiers.js';
import { m20261203_0042_board_order } from './20261203-0042-board-order.js';
import { m20261203_0043_references_checked_per_statement } from './20261203-0043-references-checked-per-statement.js';
import { m20261203_0044_staff_lists_in_order } from './20261203-0044-staff-lists-in-order.js';
import { m20261203_0045_payment_item_references_per_statement } from './20261203-0045-payment-item-references-per-statement.js';
import { m20261204_0046_redundant_prefix_indexes } from './20261204-0046-redundant-prefix-indexes.js';
import { m20261204_0047_offer_references_per_statement } from './20261204-0047-offer-references-per-statement.js';
import { m20261205_0048_spot_check_one_draw_per_day } from './20261205-0048-spot-check-one-draw-per-day.js';
import { m20261205_0049_registrations_by_address } from './20261205-0049-registrations-by-address.js';
import { m20261205_0050_offer_notifications } from './20261205-0050-offer-notifications.js';
import { m20261205_0051_referral_names_its_posting } from './20261205-0051-referral-names-its-posting.js';
import { m20261206_0052_counter_guarantee_details } from './20261206-0052-counter-guarantee-details.js';
import { m20261206_0053_audit_chain_tail } from './20261206-0053-audit-chain-tail.js';
import { m20261206_0054_referral_notices_and_declines } from './20261206-0054-referral-notices-and-declines.js';
import { m20261206_0055_bank_file_downloaded_by } from './20261206-0055-bank-file-downloaded-by.js';
import { m20261206_0056_unit_credit_code_prefix } from './20261206-0056-unit-credit-code-prefix.js';
import { m20261206_0057_loan_notices } from './20261206-0057-loan-notices.js';
import { m20261206_0058_evidence_after_event } from './20261206-0058-evidence-after-event.js';
import { m20261207_0059_audit_time_order } from './20261207-0059-audit-time-order.js';
import { m20261207_0060_audit_actor_names } from './20261207-0060-audit-actor-names.js';

/**
 * Migrations run in name order at start-up and are frozen once merged: a change to the schema is a
 * new migration. They are raw SQL and import nothing from the application.
 */
const MIGRATIONS: Record<string, Migration> = {
  '20261121-0001-regions-and-parameters': m20261121_0001_regions_and_parameters,
  '20261121-0002-registry-accounts-applications-audit': m20261121_0002_registry_accounts_applications_audit,
  '20261121-0003-funds-and-ledger': m20261121_0003_funds_and_ledger,
  '20261121-0004-payment-batches': m20261121_0004_payment_batches,
  '20261121-0005-ledger-balances-per-statement': m20261121_0005_ledger_balances_per_statement,
  '20261121-0006-allocation-publications': m20261121_0006_allocation_publications,
  '20261121-0007-reference-data-and-risk-flags': m20261121_0007_reference_data_and_risk_flags,
  '20261121-0008-spot-checks': m20261121_0008_spot_checks,
  '20261121-0009-proactive-offers': m20261121_0009_proactive_offers,
  '20261121-0010-sweep-units-and-prepared-applications': m20261121_0010_sweep_units_and_prepared_applications,
  '20261121-0011-phone-lookup-hash': m20261121_0011_phone_lookup_hash,
  '20261121-0012-training': m20261121_0012_training,
  '20261121-0013-person-address': m20261121_0013_person_address,
  '20261121-0014-application-evidence': m20261121_0014_application_evidence,
  '20261121-0015-training-payee': m20261121_0015_training_payee,
  '20261202-0016-identity-binding-and-roles': m20261202_0016_identity_binding_and_roles,
  '20261202-0017-person-phone-unhashed-index': m20261202_0017_person_phone_unhashed_index,
  '20261202-0018-employment-services': m20261202_0018_employment_services,
  '20261202-0019-back-office': m20261202_0019_back_office,
  '20261202-0020-notifications': m20261202_0020_notifications,
  '20261202-0021-bank-return-per-batch': m20261202_0021_bank_return_per_batch,
  '20261202-0023-loans': m20261202_0023_loans,
  '20261202-0022-labour-market': m20261202_0022_labour_market,
  '20261202-0027-fact-provenance-and-declarations': m20261202_0027_fact_provenance_and_declarations,
  '20261202-0028-gig-market': m20261202_0028_gig_market,
  '20261202-0029-recruitment-events': m20261202_0029_recruitment_events,
  '20261202-0031-application-service-site': m20261202_0031_application_service_site,
  '20261202-0032-offer-from-a-hire': m20261202_0032_offer_from_a_hire,
  '20261202-0033-graduate-records': m20261202_0033_graduate_records,
  '20261202-0034-assistance-lists-and-snapshot-scope': m20261202_0034_assistance_lists_and_snapshot_scope,
  '20261202-0035-deferred-materials': m20261202_0035_deferred_materials,
  '20261202-0036-return-imports': m20261202_0036_return_imports,
  '20261202-0037-certification-verified-by-list': m20261202_0037_certification_verified_by_list,
  '20261203-0038-loan-awards': m20261203_0038_loan_awards,
  '20261203-0039-matching-tiers': m20261203_0039_matching_tiers,
  '20261203-0040-sweep-parts': m20261203_0040_sweep_parts,
  '20261203-0041-posting-matching-tiers': m20261203_0041_posting_matching_tiers,
  '20261203-0042-board-order': m20261203_0042_board_order,
  '20261203-0043-references-checked-per-statement': m20261203_0043_references_checked_per_statement,
  '20261203-0044-staff-lists-in-order': m20261203_0044_staff_lists_in_order,
  '20261203-0045-payment-item-references-per-statement': m20261203_0045_payment_item_references_per_statement,
  '20261204-0046-redundant-prefix-indexes': m20261204_0046_redundant_prefix_indexes,
  '20261204-0047-offer-references-per-statement': m20261204_0047_offer_references_per_statement,
  '20261205-0048-spot-check-one-draw-per-day': m20261205_0048_spot_check_one_draw_per_day,
  '20261205-0049-registrations-by-address': m20261205_0049_registrations_by_address,
  '20261205-0050-offer-notifications': m20261205_0050_offer_notifications,
  '20261205-0051-referral-names-its-posting': m20261205_0051_referral_names_its_posting,
  '20261206-0052-counter-guarantee-details': m20261206_0052_counter_guarantee_details,
  '20261206-0053-audit-chain-tail': m20261206_0053_audit_chain_tail,
  '20261206-0054-referral-notices-and-declines': m20261206_0054_referral_notices_and_declines,
  '20261206-0055-bank-file-downloaded-by': m20261206_0055_bank_file_downloaded_by,
  '20261206-0056-unit-credit-code-prefix': m20261206_0056_unit_credit_code_prefix,
  '20261206-0057-loan-notices': m20261206_0057_loan_notices,
  '20261206-0058-evidence-after-event': m20261206_0058_evidence_after_event,
  '20261207-0059-audit-time-order': m20261207_0059_audit_time_order,
  '20261207-0060-audit-actor-names': m20261207_0060_audit_actor_names,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
