import { App, Descriptions, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { ErrorAlert } from './error-alert.js';
import { useSubmit } from './use-submit.js';

/**
 * Who is shown where a payee is paid (masked): the registry's clerks, staff who handle claims, and
 * the applicant, of their own record — the server's `seesPayeeAccount`, which leaves the field out
 * for anyone else.
 */
export const PAYEE_ACCOUNT_READERS = ['registry:write', 'application:read', 'application:own'] as const;

/** Whose account is set, and (after a failed payment) the account the bank refused and why. */
export interface AccountHolder {
  readonly kind: 'person' | 'organisation';
  readonly id: string;
  readonly name: string;
  readonly current?: string;
  readonly failed?: { readonly accountMasked: string; readonly bankReason: string | null };
}
interface AccountForm {
  accountNumber: string;
  bankName: string;
}

/**
 * 更正收款账户: the account subsidies are paid to, set where the payee's record keeps it (the
 * person's 社保卡金融账户 or the unit's account) by the registry's clerk, so a failed item can be
 * paid again. A failure itself stays in its batch.
 */
export function BankAccountModal({
  holder: item,
  onClose,
  onCorrected,
}: {
  holder: AccountHolder | undefined;
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
    const path = item.kind === 'person' ? 'people' : 'organisations';
    const done = await save.run(() =>
      api<{ accountMasked: string }>('PUT', `/api/v1/${path}/${item.id}/bank-account`, {
        accountNumber: v.accountNumber.replace(/\s/g, ''),
        bankName: v.bankName.trim(),
      }),
    );
    if (!done) return;
    void message.success(
      t(item.failed ? 'backOffice.payments.corrected' : 'backOffice.payments.accountSet', {
        name: item.name,
        account: done.accountMasked,
      }),
    );
    close();
    onCorrected();
  };
  return (
    <Modal
      open={item !== undefined}
      title={
        item
          ? t(item.current || item.failed ? 'backOffice.payments.correctTitle' : 'backOffice.payments.recordTitle', {
              name: item.name,
            })
          : null
      }
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{ id: 'correct-account-save', loading: save.busy }}
      destroyOnHidden
    >
      {item?.failed ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('backOffice.payments.failedAccount')}>
            {item.failed.accountMasked}
          </Descriptions.Item>
          <Descriptions.Item label={t('backOffice.payments.bankReason')}>
            {item.failed.bankReason ?? t('backOffice.payments.noBankReason')}
          </Descriptions.Item>
        </Descriptions>
      ) : item?.current ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('backOffice.payments.currentAccount')}>{item.current}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <Form<AccountForm> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('backOffice.payments.accountNumber')}
          name="accountNumber"
          // Re-issuing is said only where a payment failed; otherwise the account is simply where
          // the next payment goes.
          extra={t(item?.failed ? 'backOffice.payments.correctHint' : 'backOffice.payments.accountHint')}
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
