import { ModalForm, ProFormDigit, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { parseDateLines } from './date-lines.js';

type Year = paths['/api/v1/calendar/{year}']['get']['responses'][200]['content']['application/json'];

/**
 * 工作日历: the years of the official calendar the platform counts working days by, each year's days
 * off and weekend days worked, and loading a year when the State Council publishes it (November).
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [version, setVersion] = useState(0);
  const [year, setYear] = useState<number>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const years = useLoad(() => api<{ years: number[] }>('GET', '/api/v1/calendar'), [version]);
  const covered = years.data?.years ?? [];
  useEffect(() => {
    if (year === undefined && covered.length > 0) setYear(covered[covered.length - 1]);
  }, [covered, year]);
  const shown = useLoad(
    () => (year === undefined ? Promise.resolve(undefined) : api<Year>('GET', `/api/v1/calendar/${year}`)),
    [year, version],
  );
  const days = (list: readonly string[]) =>
    list.length === 0 ? (
      <Typography.Text type="secondary">{t('admin.calendar.none')}</Typography.Text>
    ) : (
      <Space wrap size={4}>
        {list.map((d) => (
          <Tag key={d}>{d}</Tag>
        ))}
      </Space>
    );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('admin.calendar.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.calendar.intro')}</Typography.Paragraph>
      <Space wrap>
        <Typography.Text>{t('admin.calendar.years')}</Typography.Text>
        {covered.length > 0 ? (
          // A list, not a row of buttons: twenty-odd loaded years ran the page past the window.
          <Select<number>
            value={year ?? covered[covered.length - 1]}
            onChange={setYear}
            options={[...covered].reverse().map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 120 }}
            data-testid="calendar-years"
          />
        ) : null}
        {can('calendar:manage') ? (
          <ModalForm<{ year: number; holidays?: string; workdays?: string }>
            title={t('admin.calendar.load')}
            trigger={<Button data-testid="calendar-load">{t('admin.calendar.load')}</Button>}
            modalProps={{ destroyOnHidden: true }}
            initialValues={{ year: (covered[covered.length - 1] ?? new Date().getFullYear()) + 1 }}
            onFinish={async (values) => {
              setLoadError(undefined);
              const holidays = parseDateLines(values.holidays ?? '');
              const workdays = parseDateLines(values.workdays ?? '');
              const bad = [holidays, workdays].find((r) => !r.ok);
              if (bad && !bad.ok) {
                setLoadError(
                  new ApiError(
                    400,
                    'VALIDATION_FAILED',
                    t(`admin.calendar.badDate.${bad.why}`, { line: bad.line, text: bad.text }),
                  ),
                );
                return false;
              }
              try {
                await api('PUT', `/api/v1/calendar/${values.year}`, {
                  holidays: holidays.ok ? holidays.dates : [],
                  workdays: workdays.ok ? workdays.dates : [],
                });
              } catch (e) {
                if (!(e instanceof ApiError)) throw e;
                setLoadError(e);
                return false;
              }
              setDone(t('admin.calendar.loadedDone', { year: values.year }));
              setYear(values.year);
              setVersion((n) => n + 1);
              return true;
            }}
          >
            <ErrorAlert error={loadError} />
            <ProFormDigit
              name="year"
              label={t('admin.calendar.year')}
              min={2000}
              max={2200}
              rules={[{ required: true }]}
            />
            <ProFormTextArea
              name="holidays"
              label={t('admin.calendar.holidays')}
              placeholder={t('admin.calendar.loadHint')}
              fieldProps={{ rows: 6 }}
            />
            <ProFormTextArea
              name="workdays"
              label={t('admin.calendar.workdays')}
              placeholder={t('admin.calendar.loadHint')}
              fieldProps={{ rows: 3 }}
            />
          </ModalForm>
        ) : null}
      </Space>
      {done ? <Alert type="success" showIcon title={done} /> : null}
      <ErrorAlert error={years.error ?? shown.error} />
      {shown.data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <Card
              title={`${shown.data.year} · ${t('admin.calendar.holidays')}`}
              extra={
                <Tag color={shown.data.loaded ? 'green' : 'blue'}>
                  {t(shown.data.loaded ? 'admin.calendar.loaded' : 'admin.calendar.bundled')}
                </Tag>
              }
              data-testid="calendar-holidays"
            >
              {days(shown.data.holidays)}
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card title={`${shown.data.year} · ${t('admin.calendar.workdays')}`}>{days(shown.data.workdays)}</Card>
          </Col>
        </Row>
      ) : covered.length === 0 && !years.loading ? (
        <Empty />
      ) : null}
    </Space>
  );
}
