import { citationIn } from '@huimin/policy/citations';
import { Button, Card, Flex, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { Text } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { parseYuan, pick, punctuation } from '../../components/format.js';
import { useRegionName, useRegions } from '../../components/regions.js';
import { StaffTable, useStaffColumns, WHOLE_CELL, type StaffColumn } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';

interface Scheme {
  id: string;
  name: Text;
  factors: { id: string; name: Text; indicators: { id: string; name: Text; weightBp: number }[] }[];
}
interface Result {
  totalFen: number;
  cites: string;
  rows: { region: string; amountFen: number; explanation: Text }[];
}

type ResultRow = Result['rows'][number];

/**
 * 因素法分配: a total shared among the regions below by weighted indicators, exact to the fen. The
 * indicators are typed into a grid (a form, not a list); the result is a ProTable to sort and export.
 */
export function AllocationPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { account } = useSession();
  const col = useStaffColumns<ResultRow>();
  const regionName = useRegionName();
  const { data } = useLoad(() => api<{ schemes: Scheme[] }>('GET', '/api/v1/allocation/schemes'), []);
  const [schemeId, setSchemeId] = useState<string>();
  const [total, setTotal] = useState('1000000');
  const [values, setValues] = useState<Record<string, Record<string, number>>>({});
  const [result, setResult] = useState<Result>();
  const [error, setError] = useState<ApiError>();
  const scheme = data?.schemes.find((s) => s.id === (schemeId ?? data.schemes[0]?.id));
  const indicators = scheme?.factors.flatMap((f) => f.indicators) ?? [];
  // Shared among the regions directly below the account's own.
  const regions = useRegions()
    .filter((r) => r.parentCode === account?.regionCode)
    .map((r) => r.code);

  const resultColumns: StaffColumn<ResultRow>[] = [
    col.text(t('common.region'), 'region', (r) => regionName(r.region), { sorted: true }),
    col.money(t('allocation.amount'), 'amount', (r) => r.amountFen),
    col.text(t('allocation.explanation'), 'explanation', (r) => pick(r.explanation, lang)),
  ];

  const calculate = async () => {
    setError(undefined);
    const totalFen = parseYuan(total);
    if (totalFen === undefined) {
      setError(
        new ApiError(400, 'VALIDATION_FAILED', t('validation.amount', { field: t('allocation.total') }), 'totalFen'),
      );
      return;
    }
    try {
      setResult(
        await api<Result>('POST', '/api/v1/allocation/calculations', {
          scheme: scheme?.id,
          totalFen,
          regions: regions.map((r) => ({
            region: r,
            values: Object.fromEntries(indicators.map((i) => [i.id, values[r]?.[i.id] ?? 0])),
          })),
        }),
      );
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('allocation.title')}</Typography.Title>
      <Card size="small">
        {/* Flex, not Space: its items are the fields themselves, so the scheme's long name is cut at a
            phone's width instead of widening the page. */}
        <Flex wrap gap="small" align="center">
          <Select
            aria-label={t('allocation.scheme')}
            style={{ width: 560, maxWidth: '100%' }}
            value={scheme?.id}
            onChange={setSchemeId}
            options={(data?.schemes ?? []).map((s) => ({ value: s.id, label: pick(s.name, lang) }))}
          />
          <label htmlFor="allocation-total">{t('allocation.total')}</label>
          <Input
            id="allocation-total"
            style={{ width: 160 }}
            value={total}
            onChange={(e) => setTotal(e.target.value)}
            suffix={t('dashboard.yuan')}
          />
          <Button type="primary" onClick={() => void calculate()}>
            {t('allocation.calculate')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('allocation.valuesHint')}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="region"
          style={{ marginTop: 12 }}
          pagination={false}
          scroll={{ x: true }}
          dataSource={regions.map((region) => ({ region }))}
          columns={[
            // The region's name whole and kept in view while the factors scroll sideways on a phone.
            { title: t('common.region'), fixed: 'left', className: WHOLE_CELL, render: (_, r) => regionName(r.region) },
            ...indicators.map((i) => ({
              title: `${pick(i.name, lang)}${punctuation(lang).open}${i.weightBp / 100}%${punctuation(lang).close}`,
              // A factor's name is a phrase: it wraps within its column rather than widening the table.
              width: 200,
              onHeaderCell: () => ({ style: { whiteSpace: 'normal' as const } }),
              render: (_: unknown, r: { region: string }) => (
                <InputNumber
                  min={0}
                  value={values[r.region]?.[i.id] ?? 0}
                  onChange={(v) =>
                    setValues((old) => ({ ...old, [r.region]: { ...old[r.region], [i.id]: Number(v ?? 0) } }))
                  }
                />
              ),
            })),
          ]}
        />
      </Card>
      <ErrorAlert error={error} />
      {result ? (
        <Card
          size="small"
          title={`${t('allocation.result')} · ${t('decision.basis')}: ${citationIn(result.cites, lang)}`}
        >
          <StaffTable<ResultRow>
            emptyText={t('empty.allocation')}
            rowKey="region"
            rows={result.rows}
            columns={resultColumns}
            reload={() => void calculate()}
            pageSize={false}
            exportAs="allocation.xlsx"
            testId="allocation-result"
          />
        </Card>
      ) : null}
    </Space>
  );
}
