import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { Application } from '../../api/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useSession } from '../../session/session.js';

/** Actions that need a reason (受理 refused, 补正, 驳回 …), as the workflow on the server requires. */
export const REASON_REQUIRED = new Set(['withdraw', 'not-accept', 'return', 'reject', 'object', 'bounce', 'revoke']);
const DANGEROUS = new Set(['not-accept', 'reject', 'revoke', 'withdraw']);
/** Done by the payment batch, not by hand. */
const NOT_HERE = new Set(['pay', 'bounce']);

/** The applicant's own decisions: a clerk files at the counter, but withdrawing is the applicant's to ask. */
const APPLICANTS_ONLY = new Set(['withdraw']);
/** The steps that judge the materials: before them, a missing one is pointed out. */
const JUDGES_MATERIALS = new Set(['review', 'approve']);

/**
 * The actions the server says this account may take now, each sent with the version the user saw;
 * before review or approval, the materials not yet handed in are named in the confirmation.
 */
export function ActionsPanel({
  application,
  onDone,
  missingMaterials = [],
}: {
  application: Application;
  onDone: (a: Application) => void;
  missingMaterials?: string[];
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const [pending, setPending] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const run = async (action: string, why?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await api<Application>('POST', `/api/v1/applications/${application.id}/transitions`, {
        action,
        version: application.version,
        ...(why ? { reason: why } : {}),
      });
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

  const actions = application.actions.filter(
    (a) => !NOT_HERE.has(a) && (!APPLICANTS_ONLY.has(a) || can('application:own')),
  );
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
        okButtonProps={{
          disabled: pending !== undefined && REASON_REQUIRED.has(pending) && reason.trim() === '',
          id: 'action-confirm',
        }}
        onOk={() => pending && void run(pending, reason.trim() || undefined)}
        onCancel={() => {
          setPending(undefined);
          setError(undefined);
        }}
      >
        {pending && JUDGES_MATERIALS.has(pending) && missingMaterials.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('backOffice.workflow.missingMaterials', {
              names: missingMaterials.join(t('backOffice.workflow.separator')),
            })}
            data-testid="materials-warning"
          />
        ) : null}
        <Input.TextArea
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={
            pending && REASON_REQUIRED.has(pending) ? t('actions.reasonRequired') : t('actions.reasonOptional')
          }
          data-testid="action-reason"
          maxLength={2000}
        />
        <ErrorAlert error={error} />
      </Modal>
    </>
  );
}
