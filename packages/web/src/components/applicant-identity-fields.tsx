import { checkCreditCode, parseResidentId } from '@huimin/policy/identity';
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Who an account is for, as a form asks it: a person by 身份证号 or a unit by 统一社会信用代码, and
 * the name. The applicant's own registration and a clerk's activation code ask the same way; each
 * required field's message names the field as its label does (a unit's name, not a person's).
 */
export function ApplicantIdentityFields({ kind }: { kind: 'person' | 'organisation' }) {
  const { t } = useTranslation();
  const required = (field: string) => ({ required: true, message: t('validation.required', { field }) });
  // Checked here by the server's own code, so a typo is said with every other problem of the form
  // at once rather than in a second round trip. A credit code's check character is the server's
  // to judge (some genuine early codes fail it).
  const idNumber = {
    validator: async (_: unknown, v: string | undefined) => {
      const parsed = v?.trim() ? parseResidentId(v) : undefined;
      if (parsed && !parsed.ok) throw new Error(t(`validation.idNumber.${parsed.error}`));
    },
  };
  const creditCode = {
    validator: async (_: unknown, v: string | undefined) => {
      if (v?.trim() && checkCreditCode(v) === 'format') throw new Error(t('validation.creditCodeFormat'));
    },
  };
  const name = kind === 'person' ? t('person.name') : t('organisation.name');
  return (
    <>
      <Form.Item name="kind" label={t('auth.applicantKind')}>
        <Radio.Group
          options={[
            { value: 'person', label: t('applicantKind.person') },
            { value: 'organisation', label: t('applicantKind.organisation') },
          ]}
        />
      </Form.Item>
      {kind === 'person' ? (
        <Form.Item name="idNumber" label={t('person.idNumber')} rules={[required(t('person.idNumber')), idNumber]}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      ) : (
        <Form.Item
          name="creditCode"
          label={t('organisation.creditCode')}
          rules={[required(t('organisation.creditCode')), creditCode]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="name" label={name} rules={[required(name)]}>
        <Input autoComplete="off" />
      </Form.Item>
    </>
  );
}
