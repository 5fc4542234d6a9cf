import { Button, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemandItem } from '../../api/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useSubmit } from '../../components/use-submit.js';

const STATE_COLOURS: Record<string, string> = { applied: 'gold', approved: 'blue', rejected: 'red', completed: 'green' };

/** A class's state (待审批, 已开班, 未批准, 已结业) as a coloured tag. */
export function ClassStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOURS[state] ?? 'default'}>{t(`trainingClass.states.${state}`)}</Tag>;
}

/** “电工 · 4 级” — an item as people name it. */
export function useItemName(): (item: Pick<DemandItem, 'occupation' | 'level'> | undefined) => string {
  const { t } = useTranslation();
  return (item) => (item ? `${item.occupation}${item.level ? ` · ${t('training.levelN', { level: item.level })}` : ''}` : '');
}

/** A button whose action needs a written reason (a refusal, a removal from a catalogue): confirmed only with one; a refusal by the server shows in the dialog. */
export function ReasonButton({ label, title, onConfirm, danger, testId }: { label: string; title: string; onConfirm: (reason: string) => Promise<void>; danger?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, error, busy } = useSubmit();
  const confirm = async () => {
    if ((await run(async () => (await onConfirm(reason.trim()), true))) === undefined) return;
    setOpen(false);
    setReason('');
  };
  return (
    <>
      <Button size="small" danger={danger} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: reason.trim() === '', ...(testId ? { 'data-testid': `${testId}-confirm` } : {}) }}
        onCancel={() => setOpen(false)}
        onOk={() => void confirm()}
      >
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('actions.reasonRequired')} data-testid={testId ? `${testId}-reason` : undefined} />
        <ErrorAlert error={error} />
      </Modal>
    </>
  );
}
