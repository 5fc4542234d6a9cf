import { Alert, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { REASON_MAX, reasonIsEnough } from '../../components/reason.js';
import { MyInspections } from './my-inspections.js';
import { DrawCard } from './spot-check-draw-card.js';
import { DrawHistory } from './spot-check-history.js';

type Today = paths['/api/v1/spot-checks/today']['get']['responses'][200]['content']['application/json'];

/**
 * 随机抽查 (双随机): today's draw of the supervisor's region, and below it every past draw. The first draw of the day stands; the
 * page shows it (and any redraw, with its reason) and asks for a reason before drawing again, as
 * the server does. The seed is the server's, shown so an auditor can redo the draw.
 */
export function SpotChecksPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  // An inspector who does not draw (the auditor) sees only the inspections given to them.
  const draws = can('spot-check:draw');
  const { data, error, reload } = useLoad(
    () => (draws ? api<Today>('GET', '/api/v1/spot-checks/today') : Promise.resolve(undefined)),
    [draws],
  );
  const [sampleSize, setSampleSize] = useState<number | null>(10);
  const [reason, setReason] = useState('');
  const [drawError, setDrawError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const first = data?.draws.find((d) => !d.redrawOf);
  const ready = sampleSize !== null && sampleSize >= 1 && (!first || reasonIsEnough(reason));

  const submit = async () => {
    if (!ready) return;
    setBusy(true);
    setDrawError(undefined);
    try {
      await api('POST', '/api/v1/spot-checks', { sampleSize, ...(first ? { reason: reason.trim() } : {}) });
      setReason('');
      reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // The message names the draw that stands (its day and time); the ids beside it are for programs.
      setDrawError(new ApiError(e.status, e.code, e.message, e.field));
      // Someone else drew first: show their draw, and the reason field with it.
      if (e.code === 'SPOT_CHECK_ALREADY_DRAWN') reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('spotChecks.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('spotChecks.intro')}</Typography.Paragraph>
      {can('spot-check:inspect') ? <MyInspections /> : null}
      <ErrorAlert error={error} />
      {data ? (
        <Alert
          type={first ? 'warning' : 'info'}
          showIcon
          title={first ? t('spotChecks.standing') : t('spotChecks.none')}
          data-testid="spot-status"
        />
      ) : null}
      {data ? (
        <Card size="small">
          <Form layout="vertical" onFinish={() => void submit()}>
            <Form.Item
              label={t('spotChecks.sampleSize')}
              htmlFor="spot-sample-size"
              required
              // An emptied field says what it needs rather than only turning the button off.
              validateStatus={sampleSize === null ? 'error' : undefined}
              help={sampleSize === null ? t('spotChecks.sampleSizeMissing') : undefined}
              extra={t('spotChecks.sampleSizeRange')}
            >
              <InputNumber
                id="spot-sample-size"
                min={1}
                max={1000}
                precision={0}
                value={sampleSize}
                onChange={setSampleSize}
              />
            </Form.Item>
            {first ? (
              <Form.Item
                label={t('spotChecks.reason')}
                htmlFor="spot-reason"
                help={t('spotChecks.reasonHelp')}
                required
              >
                <Input.TextArea
                  id="spot-reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  maxLength={REASON_MAX}
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  placeholder={t('spotChecks.reasonPlaceholder')}
                />
              </Form.Item>
            ) : null}
            <Button type="primary" htmlType="submit" loading={busy} disabled={!ready} data-testid="spot-draw">
              {first ? t('spotChecks.drawAgain') : t('spotChecks.draw')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <ErrorAlert error={drawError} />
      {data?.draws.map((d, i) => (
        <DrawCard
          key={d.id}
          draw={d}
          title={d.redrawOf ? t('spotChecks.redraw', { n: i + 1 }) : t('spotChecks.firstDraw')}
        />
      ))}
      {/* Whoever draws or inspects may read every past draw of their regions (双随机一公开). */}
      <DrawHistory version={data?.draws.map((d) => d.id).join()} />
    </Space>
  );
}
