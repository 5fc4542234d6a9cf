import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { loadPosition, neighbour } from '../staff/worklist.js';

/**
 * 上一件 / 下一件: steps through the worklist the application was opened from, in its order and
 * with its filters, across its pages. Shown only when the application is in that list.
 */
export function ApplicationPager({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const position = loadPosition();
  const at = position?.ids.indexOf(id) ?? -1;
  if (!position || at < 0) return null;
  const index = position.offset + at;

  const go = async (step: -1 | 1) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await neighbour(id, step);
      if (next) navigate(`/applications/${next.id}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space wrap data-testid="pager">
      <Button
        size="small"
        disabled={index <= 0}
        loading={busy}
        onClick={() => void go(-1)}
        data-testid="pager-previous"
      >
        {t('backOffice.pager.previous')}
      </Button>
      <Typography.Text type="secondary" data-testid="pager-position">
        {t('backOffice.pager.position', { index: index + 1, total: position.total })}
      </Typography.Text>
      <Button
        size="small"
        disabled={index + 1 >= position.total}
        loading={busy}
        onClick={() => void go(1)}
        data-testid="pager-next"
      >
        {t('backOffice.pager.next')}
      </Button>
      <ErrorAlert error={error} />
    </Space>
  );
}
