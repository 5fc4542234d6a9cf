import { PERSON_STATUS_NAMES } from '@huimin/policy/vocabulary';
import { Checkbox, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema.js';
import { isAfterTodayInShanghai, pick, punctuation } from '../../components/format.js';

export type Question =
  paths['/api/v1/self-check/questions']['get']['responses'][200]['content']['application/json']['questions'][number];

export interface SelfCheckAnswers {
  idNumber: string;
  retirementCategory?: 'male' | 'female-cadre' | 'female-worker';
  hukouRegion?: string;
  rural?: boolean;
  statuses?: string[];
  statusSince?: Dayjs;
  graduationDate?: Dayjs;
  institution?: 'university' | 'technical-college';
  businessCode?: string;
  businessRegisteredOn?: Dayjs;
  businessForm?: 'individual-business' | 'enterprise';
}

/** The statuses people most often know they have; the full list is the registry's business. */
export const COMMON_STATUSES = [
  'registered-unemployed',
  'hard-to-employ',
  'dibao-household',
  'zero-employment-household',
  'disabled',
  'veteran',
  'returning-migrant-worker',
  'poverty-alleviated',
  'national-student-loan',
] as const;

/** The facts the self-check knows how to ask about; others are checked once the person logs in. */
export const ASKABLE = ['statuses', 'graduation', 'businesses', 'retirementCategory', 'rural'];

const notFuture = isAfterTodayInShanghai;

/** The form items for one question the region's subsidies ask, with whom it is asked for. */
export function QuestionFields({ question }: { question: Question }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const askedBy = (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('facts.selfCheck.askedBy', {
        names: question.subsidies.map((s) => pick(s.name, lang)).join(punctuation(lang).list),
      })}
    </Typography.Text>
  );
  const wrap = (children: ReactNode) => (
    <Col xs={24} data-testid={`question-${question.field}`}>
      <Typography.Text strong>{pick(question.label, lang)}</Typography.Text> {askedBy}
      <Row gutter={16} style={{ marginTop: 8 }}>
        {children}
      </Row>
    </Col>
  );
  switch (question.field) {
    case 'statuses':
      return wrap(
        <>
          <Col xs={24}>
            <Form.Item name="statuses" label={t('selfCheck.statuses')}>
              <Checkbox.Group
                options={COMMON_STATUSES.map((k) => ({ value: k, label: pick(PERSON_STATUS_NAMES[k], lang) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="statusSince" label={t('selfCheck.statusSince')}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
        </>,
      );
    case 'graduation':
      return wrap(
        <>
          <Col xs={24} md={12}>
            <Form.Item name="graduationDate" label={t('selfCheck.graduationDate')}>
              <DatePicker style={{ width: '100%' }} data-testid="self-check-graduation" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="institution" label={t('selfCheck.institution')}>
              <Select
                options={(['university', 'technical-college'] as const).map((v) => ({
                  value: v,
                  label: t(`selfCheck.institutions.${v}`),
                }))}
              />
            </Form.Item>
          </Col>
        </>,
      );
    case 'businesses':
      return wrap(
        <>
          <Col xs={24} md={8}>
            <Form.Item name="businessCode" label={t('facts.selfCheck.businessCode')}>
              <Input maxLength={18} autoComplete="off" data-testid="self-check-business" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="businessRegisteredOn" label={t('facts.selfCheck.businessRegisteredOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} data-testid="self-check-founded" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="businessForm" label={t('facts.selfCheck.businessForm')}>
              <Select
                options={(['individual-business', 'enterprise'] as const).map((v) => ({
                  value: v,
                  label: t(`facts.selfCheck.forms.${v}`),
                }))}
              />
            </Form.Item>
          </Col>
        </>,
      );
    case 'retirementCategory':
      return wrap(
        <Col xs={24} md={12}>
          <Form.Item name="retirementCategory" label={t('person.retirementCategory')}>
            <Select
              allowClear
              options={(['male', 'female-cadre', 'female-worker'] as const).map((v) => ({
                value: v,
                label: t(`person.retirement.${v}`),
              }))}
            />
          </Form.Item>
        </Col>,
      );
    case 'rural':
      return wrap(
        <Col xs={24}>
          <Form.Item name="rural" valuePropName="checked">
            <Checkbox>{t('person.ruralYes')}</Checkbox>
          </Form.Item>
        </Col>,
      );
    default:
      return null;
  }
}

/** The answers as the engine's facts about a person. */
export function answersAsFacts(values: SelfCheckAnswers): Record<string, unknown> {
  const since = values.statusSince?.format('YYYY-MM-DD') ?? '2020-01-01';
  const code = values.businessCode?.trim().toUpperCase();
  return {
    kind: 'person',
    idNumber: values.idNumber.trim().toUpperCase(),
    ...(values.retirementCategory ? { retirementCategory: values.retirementCategory } : {}),
    ...(values.hukouRegion ? { hukouRegion: values.hukouRegion } : {}),
    ...(values.rural !== undefined ? { rural: values.rural } : {}),
    statuses: (values.statuses ?? []).map((kind) => ({ kind, from: since })),
    ...(values.graduationDate
      ? {
          graduation: {
            date: values.graduationDate.format('YYYY-MM-DD'),
            institution: values.institution ?? 'university',
          },
        }
      : {}),
    ...(code && values.businessRegisteredOn
      ? {
          businesses: [
            {
              creditCode: code,
              form: values.businessForm ?? 'individual-business',
              ...(values.businessForm === 'enterprise' ? { sizeClass: 'micro' } : {}),
              registeredOn: values.businessRegisteredOn.format('YYYY-MM-DD'),
              operatingNormally: true,
            },
          ],
        }
      : {}),
  };
}
