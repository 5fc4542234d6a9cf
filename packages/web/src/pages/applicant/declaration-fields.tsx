import { Alert, Button, Card, Col, DatePicker, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isAfterTodayInShanghai, pick } from '../../components/format.js';
import type { FactNeed } from './fact-needs.js';

/** A fact the applicant declares (申报): a registry fact kind and its data, as the server checks it. */
export type Declaration =
  | { kind: 'graduation'; data: { date?: string; institution?: 'university' | 'technical-college' } }
  | { kind: 'status'; data: { kind?: string; from?: string } };

type StatusOption = NonNullable<FactNeed['facts'][number]['options']>[number];

/** Only what is filled in completely is sent: a half-typed declaration is not a declaration yet. */
export function completeDeclarations(list: readonly Declaration[]): Declaration[] {
  return list.filter((d) =>
    d.kind === 'graduation' ? Boolean(d.data.date && d.data.institution) : Boolean(d.data.kind && d.data.from),
  );
}

/**
 * The facts no shared data holds, declared with the evidence each needs (a diploma, a discharge
 * certificate); a clerk confirms each at acceptance before the engine decides on it.
 */
export function DeclarationFields({
  value,
  onChange,
  statusOptions,
}: {
  value: readonly Declaration[];
  onChange: (next: Declaration[]) => void;
  statusOptions: readonly StatusOption[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (value.length === 0) return null;
  const set = (i: number, next: Declaration) => onChange(value.map((d, j) => (j === i ? next : d)));
  const day = (v: string | undefined) => (v ? dayjs(v) : null);
  return (
    <Card size="small" title={t('facts.declare.title')} data-testid="declarations" style={{ marginBottom: 16 }}>
      <Alert type="info" showIcon title={t('facts.declare.hint')} style={{ marginBottom: 12 }} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        {value.map((d, i) => (
          <Row key={i} gutter={[8, 8]} align="middle" data-testid={`declaration-${d.kind}`}>
            {d.kind === 'graduation' ? (
              <>
                <Col xs={24} sm={9}>
                  <DatePicker
                    style={{ width: '100%' }}
                    placeholder={t('facts.declare.graduationDate')}
                    aria-label={t('facts.declare.graduationDate')}
                    value={day(d.data.date)}
                    disabledDate={isAfterTodayInShanghai}
                    onChange={(x) =>
                      set(i, { ...d, data: { ...d.data, date: x ? x.format('YYYY-MM-DD') : undefined } })
                    }
                  />
                </Col>
                <Col xs={24} sm={9}>
                  <Select
                    style={{ width: '100%' }}
                    placeholder={t('facts.declare.institution')}
                    aria-label={t('facts.declare.institution')}
                    value={d.data.institution}
                    onChange={(x: 'university' | 'technical-college') =>
                      set(i, { ...d, data: { ...d.data, institution: x } })
                    }
                    options={[
                      { value: 'university', label: t('facts.declare.university') },
                      { value: 'technical-college', label: t('facts.declare.technicalCollege') },
                    ]}
                  />
                </Col>
              </>
            ) : (
              <>
                <Col xs={24} sm={9}>
                  <Select
                    style={{ width: '100%' }}
                    placeholder={t('facts.declare.status')}
                    aria-label={t('facts.declare.status')}
                    value={d.data.kind}
                    onChange={(x: string) => set(i, { ...d, data: { ...d.data, kind: x } })}
                    options={statusOptions.map((o) => ({ value: o.value, label: pick(o.label, lang) }))}
                  />
                </Col>
                <Col xs={24} sm={9}>
                  <DatePicker
                    style={{ width: '100%' }}
                    placeholder={t('facts.declare.statusFrom')}
                    aria-label={t('facts.declare.statusFrom')}
                    value={day(d.data.from)}
                    disabledDate={isAfterTodayInShanghai}
                    onChange={(x) =>
                      set(i, { ...d, data: { ...d.data, from: x ? x.format('YYYY-MM-DD') : undefined } })
                    }
                  />
                </Col>
              </>
            )}
            <Col xs={24} sm={6}>
              <Button onClick={() => onChange(value.filter((_, j) => j !== i))}>{t('facts.declare.remove')}</Button>
            </Col>
            <Col xs={24}>
              <Typography.Text type="secondary">
                {t('facts.declare.evidence', {
                  name: evidenceOf(d, statusOptions, lang, t('facts.declare.graduationEvidence')),
                })}
              </Typography.Text>
            </Col>
          </Row>
        ))}
      </Space>
    </Card>
  );
}

function evidenceOf(d: Declaration, options: readonly StatusOption[], lang: string, diploma: string): string {
  if (d.kind === 'graduation') return diploma;
  const option = options.find((o) => o.value === d.data.kind);
  return option ? pick(option.evidence, lang) : '—';
}
