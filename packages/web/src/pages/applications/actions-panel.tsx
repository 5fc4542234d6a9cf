import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { Application } from '../../api/types.js';
import { ErrorAlert } from '../../components/error-alert.js';

/** Actions that need a reason (受理 refused, 补正, 驳回 …), as the workflow on the server requires. */
export const REASON_REQUIRED = new Set(['withdraw', 'not-accept', 'return', 'reject', 'object', 'bounce', 'revoke']);
const DANGEROUS = new Set(['not-accept', 'reject', 'revoke', 'withdraw']);
/** Done by the payment batch, not by hand. */
const NOT_HERE = new Set(['pay', 'bounce']);

/** The actions the server says this account may take now, each sent with the version the user saw. */
export function ActionsPanel({ application, onDone }: { application: Application; onDone: (a: Application) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pending, setPending] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const run = async (action: string, why?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await api<Application>('POST', `/api/v1/applications/${application.id}/transitions`, { action, version: application.version, ...(why ? { reason: why } : {}) });
      void message.success(t('actions.done', { action: t(`actions.names.${action}`) }));
      setPending(undefined);
      setReason('');
      onDone(next);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const actions = application.actions.filter((a) => !NOT_HERE.has(a));
  if (actions.length === 0) return null;
  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={DANGEROUS.has(a) ? 'default' : 'primary'}
            danger={DANGEROUS.has(a)}
            loading={busy && pending === undefined}
            data-testid={`action-${a}`}
            onClick={() => (REASON_REQUIRED.has(a) || a === 'review' || a === 'approve' ? setPending(a) : void run(a))}
          >
            {t(`actions.names.${a}`)}
          </Button>
        ))}
      </Space>
      {pending === undefined ? <ErrorAlert error={error} /> : null}
      <Modal
        open={pending !== undefined}
        title={pending ? t(`actions.names.${pending}`) : ''}
        okText={t('actions.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: pending !== undefined && REASON_REQUIRED.has(pending) && reason.trim() === '', id: 'action-confirm' }}
        onOk={() => pending && void run(pending, reason.trim() || undefined)}
        onCancel={() => {
          setPending(undefined);
          setError(undefined);
        }}
      >
        <Input.TextArea
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={pending && REASON_REQUIRED.has(pending) ? t('actions.reasonRequired') : t('actions.reasonOptional')}
          data-testid="action-reason"
          maxLength={2000}
        />
        <ErrorAlert error={error} />
      </Modal>
    </>
  );
}
