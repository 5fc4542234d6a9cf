import { App, Descriptions, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useSubmit } from '../../components/use-submit.js';

type Reconciliation =
  paths['/api/v1/payment-batches/{id}/reconciliation']['get']['responses'][200]['content']['application/json'];
type FailedItem = Reconciliation['failedItems'][number];
interface AccountForm {
  accountNumber: string;
  bankName: string;
}

/**
 * 更正收款账户: the account a payment failed on, corrected where the payee's record keeps it (the
 * person's 社保卡金融账户 or the unit's account), so the failed item can be paid again. The failure
 * itself stays in its batch.
 */
export function CorrectAccountModal({
  item,
  onClose,
  onCorrected,
}: {
  item: FailedItem | undefined;
  onClose: () => void;
  onCorrected: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountForm>();
  const save = useSubmit();
  const close = () => {
    save.fail(undefined);
    form.resetFields();
    onClose();
  };
  const submit = async (v: AccountForm) => {
    if (!item) return;
    const path = item.payee.kind === 'person' ? 'people' : 'organisations';
    const done = await save.run(() =>
      api<{ accountMasked: string }>('PUT', `/api/v1/${path}/${item.payee.id}/bank-account`, {
        accountNumber: v.accountNumber.replace(/\s/g, ''),
        bankName: v.bankName.trim(),
      }),
    );
    if (!done) return;
    void message.success(t('backOffice.payments.corrected', { name: item.payeeName, account: done.accountMasked }));
    close();
    onCorrected();
  };
  return (
    <Modal
      open={item !== undefined}
      title={item ? t('backOffice.payments.correctTitle', { name: item.payeeName }) : null}
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{ id: 'correct-account-save', loading: save.busy }}
      destroyOnHidden
    >
      {item ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('backOffice.payments.failedAccount')}>{item.accountMasked}</Descriptions.Item>
          <Descriptions.Item label={t('backOffice.payments.bankReason')}>
            {item.bankReason ?? t('backOffice.payments.noBankReason')}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Form<AccountForm> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('backOffice.payments.accountNumber')}
          name="accountNumber"
          extra={t('backOffice.payments.correctHint')}
          rules={[
            { required: true, whitespace: true },
            // As the server reads it: 12 to 30 digits, spaces between groups allowed.
            { pattern: /^\s*(\d\s*){12,30}$/, message: t('backOffice.payments.accountDigits') },
          ]}
        >
          <Input id="correct-account-number" inputMode="numeric" maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('backOffice.payments.bankName')}
          name="bankName"
          rules={[
            { required: true, whitespace: true },
            { min: 2, max: 60 },
          ]}
        >
          <Input id="correct-account-bank" maxLength={60} />
        </Form.Item>
      </Form>
      <ErrorAlert error={save.error} />
    </Modal>
  );
}
