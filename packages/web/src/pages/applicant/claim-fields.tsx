import { DESIGNATION_NAMES, EMPLOYMENT_SERVICE_NAMES } from '@huimin/policy/vocabulary';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { parseYuan, pick } from '../../components/format.js';

/**
 * What each subsidy's claim asks the applicant for, beyond what the registry already knows. The
 * engine reads these claim facts (packages/policy, `ClaimFacts`); subsidies absent here need
 * nothing more than the applicant's registry record.
 */
type Field = 'fromMonth' | 'toMonth' | 'businessCreditCode' | 'feeYuan' | 'year' | 'trainingDays' | 'hires' | 'export' | 'designation' | 'service' | 'project' | 'projectGrantYuan' | 'rentYuan';
type Designation = keyof typeof DESIGNATION_NAMES;
type ServiceKind = keyof typeof EMPLOYMENT_SERVICE_NAMES;

const CLAIM_FIELDS: Record<string, readonly Field[]> = {
  'public-welfare-post': ['fromMonth', 'toMonth'],
  'social-insurance-flexible-hard-to-employ': ['fromMonth', 'toMonth'],
  'social-insurance-flexible-graduate': ['fromMonth', 'toMonth'],
  'one-time-startup': ['businessCreditCode'],
  'startup-follow-on': ['businessCreditCode'],
  'skill-evaluation': ['feeYuan'],
  'unemployment-insurance-stabilization': ['year'],
  'training-living-allowance': ['trainingDays'],
  'one-time-hiring': ['hires'],
  'one-time-expansion': ['hires'],
  'employer-post-subsidy': ['hires'],
  'social-insurance-employer-hard-to-employ': ['hires'],
  'social-insurance-employer-graduate': ['hires'],
  'labour-export-job-seeking': ['export'],
  'labour-export-transport': ['export'],
  'enterprise-staff-training': ['hires'],
  'employment-service': ['year', 'service'],
  'high-skill-training': ['designation', 'year'],
  'incubation-base-award': ['designation', 'service'],
  'labour-station-award': ['year'],
  'project-training': ['project'],
  'startup-project-fund': ['businessCreditCode', 'projectGrantYuan'],
  'premises-rent': ['businessCreditCode', 'rentYuan'],
};

/** The designations a subsidy's claim names (the unit's designation the award is for). */
const DESIGNATIONS: Record<string, readonly Designation[]> = {
  'high-skill-training': ['high-skill-training-base-national', 'high-skill-training-base-provincial', 'skill-master-studio-national', 'skill-master-studio-provincial'],
  'incubation-base-award': ['incubation-base-city', 'incubation-base-county', 'incubation-base-excellent', 'incubation-base'],
};

/** The services a claim may be for: 孵化基地奖补 weighs only incubation figures. */
const SERVICES: Record<string, readonly ServiceKind[]> = {
  'employment-service': ['public-service', 'incubation', 'recruitment'],
  'incubation-base-award': ['incubation'],
};

export interface ClaimFormValues {
  fromMonth?: Dayjs;
  toMonth?: Dayjs;
  businessCreditCode?: string;
  feeYuan?: string;
  year?: number;
  trainingDays?: number;
  hires?: { idNumber: string; contractStart?: Dayjs; contractMonths?: number; insuredMonths?: number }[];
  export?: { destination?: 'outside-county' | 'other-province'; organised?: boolean; first?: boolean; stableMonths?: number };
  designation?: Designation;
  service?: { kind?: ServiceKind; served?: number; outcomes?: number; costYuan?: string; chargedYuan?: string };
  projectGrantYuan?: string;
  rentYuan?: string;
  project?: { kind?: 'employment-skills' | 'entrepreneurship'; trainees?: number; certified?: number; reformUnemployed?: number };
}

export function claimFieldsOf(subsidy: string): readonly Field[] {
  return CLAIM_FIELDS[subsidy] ?? [];
}

/** The form's values as the API's claim: months and dates as ISO text, money as integer fen. */
export function toClaim(subsidy: string, v: ClaimFormValues): Record<string, unknown> {
  const fields = new Set(claimFieldsOf(subsidy));
  const claim: Record<string, unknown> = {};
  if (fields.has('fromMonth') && v.fromMonth) claim.fromMonth = v.fromMonth.format('YYYY-MM');
  if (fields.has('toMonth') && v.toMonth) claim.toMonth = v.toMonth.format('YYYY-MM');
  if (fields.has('businessCreditCode') && v.businessCreditCode) claim.businessCreditCode = v.businessCreditCode.trim().toUpperCase();
  if (fields.has('feeYuan') && v.feeYuan) {
    const fen = parseYuan(v.feeYuan);
    if (fen !== undefined) claim.feeFen = fen;
  }
  if (fields.has('year') && v.year) claim.year = v.year;
  if (fields.has('trainingDays') && v.trainingDays) claim.trainingDays = v.trainingDays;
  if (fields.has('hires') && v.hires?.length) {
    claim.hires = v.hires.map((h) => ({ idNumber: h.idNumber.trim().toUpperCase(), contractStart: h.contractStart?.format('YYYY-MM-DD'), ...(h.contractMonths ? { contractMonths: h.contractMonths } : {}), insuredMonths: h.insuredMonths ?? 0 }));
  }
  if (fields.has('export') && v.export?.destination) {
    claim.export = { destination: v.export.destination, organised: !!v.export.organised, first: !!v.export.first, stableMonths: v.export.stableMonths ?? 0 };
  }
  if (fields.has('designation') && v.designation) claim.designation = v.designation;
  if (fields.has('service') && v.service?.kind) {
    const cost = v.service.costYuan ? parseYuan(v.service.costYuan) : undefined;
    const charged = v.service.chargedYuan ? parseYuan(v.service.chargedYuan) : undefined;
    claim.service = {
      kind: v.service.kind,
      served: v.service.served ?? 0,
      outcomes: v.service.outcomes ?? 0,
      ...(cost !== undefined ? { costFen: cost } : {}),
      ...(charged !== undefined ? { chargedFen: charged } : {}),
    };
  }
  if (fields.has('projectGrantYuan') && v.projectGrantYuan) {
    const fen = parseYuan(v.projectGrantYuan);
    if (fen !== undefined) claim.projectGrantFen = fen;
  }
  if (fields.has('rentYuan') && v.rentYuan) {
    const fen = parseYuan(v.rentYuan);
    if (fen !== undefined) claim.rentFen = fen;
  }
  if (fields.has('project') && v.project?.kind) {
    const { kind, trainees = 0, certified = 0, reformUnemployed } = v.project;
    claim.project = { kind, trainees, certified, ...(reformUnemployed !== undefined ? { reformUnemployed } : {}) };
  }
  return claim;
}

export function ClaimFields({ subsidy }: { subsidy: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const yuanRule = (field: string) => ({
    validator: async (_: unknown, v: string | undefined) => (v === undefined || v === '' || parseYuan(v) !== undefined ? undefined : Promise.reject(new Error(t('validation.amount', { field })))),
  });
  const fields = claimFieldsOf(subsidy);
  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  return (
    <Row gutter={16}>
      {fields.includes('fromMonth') ? (
        <Col xs={24} md={12}>
          <Form.Item name="fromMonth" label={t('claim.fromMonth')} rules={required(t('claim.fromMonth'))}>
            <DatePicker picker="month" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('toMonth') ? (
        <Col xs={24} md={12}>
          <Form.Item name="toMonth" label={t('claim.toMonth')} rules={required(t('claim.toMonth'))}>
            <DatePicker picker="month" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('businessCreditCode') ? (
        <Col xs={24} md={12}>
          <Form.Item name="businessCreditCode" label={t('claim.businessCreditCode')}>
            <Input maxLength={18} />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('feeYuan') ? (
        <Col xs={24} md={12}>
          <Form.Item name="feeYuan" label={t('claim.feeYuan')} rules={[...required(t('claim.feeYuan')), { validator: async (_, v: string | undefined) => (v === undefined || v === '' || parseYuan(v) !== undefined ? undefined : Promise.reject(new Error(t('validation.amount', { field: t('claim.feeYuan') })))) }]}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('year') ? (
        <Col xs={24} md={12}>
          <Form.Item name="year" label={t('claim.year')} rules={required(t('claim.year'))} initialValue={dayjs().year() - 1}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('trainingDays') ? (
        <Col xs={24} md={12}>
          <Form.Item name="trainingDays" label={t('claim.trainingDays')} rules={required(t('claim.trainingDays'))}>
            <InputNumber min={1} max={366} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('export') ? (
        <Col xs={24}>
          <Space wrap align="start">
            <Form.Item name={['export', 'destination']} label={t('claim.exportDestination')} rules={required(t('claim.exportDestination'))}>
              <Select style={{ width: 200 }} options={(['outside-county', 'other-province'] as const).map((v) => ({ value: v, label: t(`claim.destinations.${v}`) }))} />
            </Form.Item>
            <Form.Item name={['export', 'organised']} label={t('claim.exportOrganised')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name={['export', 'first']} label={t('claim.exportFirst')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name={['export', 'stableMonths']} label={t('claim.exportStableMonths')}>
              <InputNumber min={0} max={120} />
            </Form.Item>
          </Space>
        </Col>
      ) : null}
      {fields.includes('designation') ? (
        <Col xs={24} md={12}>
          <Form.Item name="designation" label={t('claim.designation')} rules={required(t('claim.designation'))}>
            <Select options={(DESIGNATIONS[subsidy] ?? []).map((d) => ({ value: d, label: pick(DESIGNATION_NAMES[d], lang) }))} />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('service') ? (
        <Col xs={24}>
          <Space wrap align="start">
            <Form.Item name={['service', 'kind']} label={t('claim.serviceKind')} rules={required(t('claim.serviceKind'))} initialValue={(SERVICES[subsidy] ?? [])[0]}>
              <Select style={{ width: 220 }} options={(SERVICES[subsidy] ?? []).map((k) => ({ value: k, label: pick(EMPLOYMENT_SERVICE_NAMES[k], lang) }))} />
            </Form.Item>
            <Form.Item name={['service', 'served']} label={t('claim.served')} rules={required(t('claim.served'))}>
              <InputNumber min={0} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name={['service', 'outcomes']} label={t('claim.outcomes')}>
              <InputNumber min={0} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name={['service', 'costYuan']} label={t('claim.costYuan')} rules={[yuanRule(t('claim.costYuan'))]}>
              <Input inputMode="decimal" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name={['service', 'chargedYuan']} label={t('claim.chargedYuan')} rules={[yuanRule(t('claim.chargedYuan'))]}>
              <Input inputMode="decimal" style={{ width: 160 }} />
            </Form.Item>
          </Space>
        </Col>
      ) : null}
      {fields.includes('projectGrantYuan') ? (
        <Col xs={24} md={12}>
          <Form.Item name="projectGrantYuan" label={t('claim.projectGrantYuan')} rules={[...required(t('claim.projectGrantYuan')), yuanRule(t('claim.projectGrantYuan'))]}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('rentYuan') ? (
        <Col xs={24} md={12}>
          <Form.Item name="rentYuan" label={t('claim.rentYuan')} rules={[...required(t('claim.rentYuan')), yuanRule(t('claim.rentYuan'))]}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('project') ? (
        <Col xs={24}>
          <Space wrap align="start">
            <Form.Item name={['project', 'kind']} label={t('claim.projectKind')} rules={required(t('claim.projectKind'))} initialValue="employment-skills">
              <Select style={{ width: 200 }} options={(['employment-skills', 'entrepreneurship'] as const).map((k) => ({ value: k, label: t(`training.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name={['project', 'trainees']} label={t('claim.trainees')} rules={required(t('claim.trainees'))}>
              <InputNumber min={0} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name={['project', 'certified']} label={t('claim.certified')} rules={required(t('claim.certified'))}>
              <InputNumber min={0} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name={['project', 'reformUnemployed']} label={t('claim.reformUnemployed')}>
              <InputNumber min={0} style={{ width: 140 }} />
            </Form.Item>
          </Space>
        </Col>
      ) : null}
      {fields.includes('hires') ? (
        <Col xs={24}>
          <Form.List name="hires">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} wrap align="start">
                    <Form.Item name={[row.name, 'idNumber']} label={t('claim.hireIdNumber')} rules={required(t('claim.hireIdNumber'))}>
                      <Input maxLength={18} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'contractStart']} label={t('claim.contractStart')} rules={required(t('claim.contractStart'))}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name={[row.name, 'contractMonths']} label={t('claim.contractMonths')}>
                      <InputNumber min={1} max={240} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'insuredMonths']} label={t('claim.insuredMonths')}>
                      <InputNumber min={0} max={240} />
                    </Form.Item>
                    <Button type="link" danger onClick={() => remove(row.name)} style={{ marginTop: 30 }}>
                      {t('common.remove')}
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({ insuredMonths: 1 })}>{t('claim.addHire')}</Button>
              </>
            )}
          </Form.List>
        </Col>
      ) : null}
    </Row>
  );
}
