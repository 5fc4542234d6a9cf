import { DESIGNATION_NAMES, EMPLOYMENT_SERVICE_NAMES } from '@huimin/policy/vocabulary';
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseYuan, pick, todayInShanghai } from '../../components/format.js';
import { claimFieldsOf, DESIGNATIONS, hireInsuranceFrom, SERVICES } from './claim-model.js';
import { inRange } from '../../components/valid-values.js';

/** The claim's part of the application form: the fields `claim-model.ts` names for the subsidy. */
export function ClaimFields({ subsidy }: { subsidy: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const yuanRule = (field: string) => ({
    validator: async (_: unknown, v: string | undefined) =>
      v === undefined || v === '' || parseYuan(v) !== undefined
        ? undefined
        : Promise.reject(new Error(t('validation.amount', { field }))),
  });
  const fields = claimFieldsOf(subsidy);
  const hireInsurance = hireInsuranceFrom(subsidy);
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
          <Form.Item
            name="feeYuan"
            label={t('claim.feeYuan')}
            rules={[
              ...required(t('claim.feeYuan')),
              {
                validator: async (_, v: string | undefined) =>
                  v === undefined || v === '' || parseYuan(v) !== undefined
                    ? undefined
                    : Promise.reject(new Error(t('validation.amount', { field: t('claim.feeYuan') }))),
              },
            ]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('year') ? (
        <Col xs={24} md={12}>
          <Form.Item
            name="year"
            label={t('claim.year')}
            rules={[...required(t('claim.year')), inRange(2000, 2100)]}
            initialValue={Number(todayInShanghai().slice(0, 4)) - 1}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('trainingDays') ? (
        <Col xs={24} md={12}>
          <Form.Item
            name="trainingDays"
            label={t('claim.trainingDays')}
            rules={[...required(t('claim.trainingDays')), inRange(1, 366)]}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('export') ? (
        <Col xs={24}>
          <Space wrap align="start">
            <Form.Item
              name={['export', 'destination']}
              label={t('claim.exportDestination')}
              rules={required(t('claim.exportDestination'))}
            >
              <Select
                style={{ width: 200 }}
                options={(['outside-county', 'other-province'] as const).map((v) => ({
                  value: v,
                  label: t(`claim.destinations.${v}`),
                }))}
              />
            </Form.Item>
            <Form.Item name={['export', 'organised']} label={t('claim.exportOrganised')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name={['export', 'first']} label={t('claim.exportFirst')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item
              name={['export', 'stableMonths']}
              label={t('claim.exportStableMonths')}
              rules={[inRange(0, 120)]}
            >
              <InputNumber />
            </Form.Item>
          </Space>
        </Col>
      ) : null}
      {fields.includes('designation') ? (
        <Col xs={24} md={12}>
          <Form.Item name="designation" label={t('claim.designation')} rules={required(t('claim.designation'))}>
            <Select
              options={(DESIGNATIONS[subsidy] ?? []).map((d) => ({
                value: d,
                label: pick(DESIGNATION_NAMES[d], lang),
              }))}
            />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('service') ? (
        <Col xs={24}>
          <Space wrap align="start">
            <Form.Item
              name={['service', 'kind']}
              label={t('claim.serviceKind')}
              rules={required(t('claim.serviceKind'))}
              initialValue={(SERVICES[subsidy] ?? [])[0]}
            >
              <Select
                style={{ width: 220 }}
                options={(SERVICES[subsidy] ?? []).map((k) => ({
                  value: k,
                  label: pick(EMPLOYMENT_SERVICE_NAMES[k], lang),
                }))}
              />
            </Form.Item>
            <Form.Item
              name={['service', 'site']}
              label={t('claim.serviceSite')}
              extra={t('claim.serviceSiteHint')}
              rules={[{ max: 100, message: t('claim.serviceSiteTooLong', { field: t('claim.serviceSite') }) }]}
            >
              <Input id="claim-service-site" style={{ width: 240 }} maxLength={100} />
            </Form.Item>
            <Form.Item
              name={['service', 'served']}
              label={t('claim.served')}
              rules={[...required(t('claim.served')), inRange(0)]}
            >
              <InputNumber style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name={['service', 'outcomes']} label={t('claim.outcomes')} rules={[inRange(0)]}>
              <InputNumber style={{ width: 140 }} />
            </Form.Item>
            <Form.Item
              name={['service', 'costYuan']}
              label={t('claim.costYuan')}
              rules={[yuanRule(t('claim.costYuan'))]}
            >
              <Input inputMode="decimal" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name={['service', 'chargedYuan']}
              label={t('claim.chargedYuan')}
              rules={[yuanRule(t('claim.chargedYuan'))]}
            >
              <Input inputMode="decimal" style={{ width: 160 }} />
            </Form.Item>
          </Space>
        </Col>
      ) : null}
      {fields.includes('projectGrantYuan') ? (
        <Col xs={24} md={12}>
          <Form.Item
            name="projectGrantYuan"
            label={t('claim.projectGrantYuan')}
            rules={[...required(t('claim.projectGrantYuan')), yuanRule(t('claim.projectGrantYuan'))]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('rentYuan') ? (
        <Col xs={24} md={12}>
          <Form.Item
            name="rentYuan"
            label={t('claim.rentYuan')}
            rules={[...required(t('claim.rentYuan')), yuanRule(t('claim.rentYuan'))]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      ) : null}
      {fields.includes('project') ? (
        <Col xs={24}>
          <Space wrap align="start">
            <Form.Item
              name={['project', 'kind']}
              label={t('claim.projectKind')}
              rules={required(t('claim.projectKind'))}
              initialValue="employment-skills"
            >
              <Select
                style={{ width: 200 }}
                options={(['employment-skills', 'entrepreneurship'] as const).map((k) => ({
                  value: k,
                  label: t(`training.kinds.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name={['project', 'trainees']}
              label={t('claim.trainees')}
              rules={[...required(t('claim.trainees')), inRange(0)]}
            >
              <InputNumber style={{ width: 140 }} />
            </Form.Item>
            <Form.Item
              name={['project', 'certified']}
              label={t('claim.certified')}
              rules={[...required(t('claim.certified')), inRange(0)]}
            >
              <InputNumber style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name={['project', 'reformUnemployed']} label={t('claim.reformUnemployed')} rules={[inRange(0)]}>
              <InputNumber style={{ width: 140 }} />
            </Form.Item>
          </Space>
        </Col>
      ) : null}
      {fields.includes('hires') ? (
        <Col xs={24}>
          {hireInsurance === 'records' ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('claim.insuranceFromRecords')}
              data-testid="insurance-from-records"
            />
          ) : null}
          <Form.List name="hires">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} wrap align="start">
                    <Form.Item
                      name={[row.name, 'idNumber']}
                      label={t('claim.hireIdNumber')}
                      rules={required(t('claim.hireIdNumber'))}
                    >
                      <Input maxLength={18} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'contractStart']}
                      label={t('claim.contractStart')}
                      rules={required(t('claim.contractStart'))}
                    >
                      <DatePicker />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'contractMonths']}
                      label={t('claim.contractMonths')}
                      rules={[inRange(1, 240)]}
                    >
                      <InputNumber />
                    </Form.Item>
                    {hireInsurance === 'claim' ? (
                      <Form.Item
                        name={[row.name, 'insuredMonths']}
                        label={t('claim.insuredMonths')}
                        rules={[inRange(0, 240)]}
                      >
                        <InputNumber />
                      </Form.Item>
                    ) : null}
                    <Button type="link" danger onClick={() => remove(row.name)} style={{ marginTop: 30 }}>
                      {t('common.remove')}
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({})}>{t('claim.addHire')}</Button>
              </>
            )}
          </Form.List>
        </Col>
      ) : null}
    </Row>
  );
}
