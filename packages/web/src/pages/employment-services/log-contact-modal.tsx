import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { today, type AssistanceCase } from './employment-common.js';
import { validValues } from '../../components/valid-values.js';
import { IsoDateInput } from '../../components/iso-date-input.js';

type Json<R extends { content: { 'application/json': unknown } }> = R['content']['application/json'];
const CONTACTS = ['guidance', 'referral', 'training-offer', 'internship-offer', 'contact'] as const;
type ContactBody = Json<paths['/api/v1/employment-services/cases/{id}/contacts']['post']['requestBody']>;
type PublishedPosting = Json<paths['/api/v1/labour-market/postings']['get']['responses'][200]>['postings'][number];

/**
 * Logs a service on an assistance case (服务记录). A referral may name its posting, picked from the
 * postings published in the case worker's regions: a referral to a posting counts once toward a
 * graduate's three, however it is worded or dated, and the labour market's own referral to it too.
 */
export function LogContactModal({
  assistanceCase,
  onClose,
  onLogged,
}: {
  assistanceCase: AssistanceCase;
  onClose: () => void;
  onLogged: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContactBody>();
  const kind = Form.useWatch('kind', form);
  const act = useSubmit();
  const postings = useLoad(
    () => api<{ postings: PublishedPosting[] }>('GET', '/api/v1/labour-market/postings?state=published'),
    [],
  );

  const log = async () => {
    const values = await validValues(form);
    if (!values) return;
    const body: ContactBody = {
      kind: values.kind,
      happenedOn: values.happenedOn,
      note: values.note,
      ...(values.kind === 'referral' && values.postingId ? { postingId: values.postingId } : {}),
    };
    const updated = await act.run(() =>
      api<AssistanceCase>('POST', `/api/v1/employment-services/cases/${assistanceCase.id}/contacts`, body),
    );
    if (updated) onLogged();
  };
  // Picking a posting with nothing written yet writes what a referral's note would say.
  const picked = (id: string | undefined) => {
    const p = postings.data?.postings.find((x) => x.id === id);
    if (p && !form.getFieldValue('note'))
      form.setFieldValue('note', t('employment.cases.referralNote', { unit: p.organisationName, title: p.title }));
  };

  return (
    <Modal
      open
      title={t('employment.cases.logTitle', { name: assistanceCase.name })}
      onCancel={onClose}
      onOk={() => void log()}
      okButtonProps={{ id: 'action-confirm', loading: act.busy }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: assistanceCase.kind === 'graduate' ? 'guidance' : 'contact',
          happenedOn: today(),
          note: '',
        }}
      >
        <Form.Item name="kind" label={t('employment.cases.contactKind')} rules={[{ required: true }]}>
          <Select
            id="contact-kind"
            options={CONTACTS.map((k) => ({ value: k, label: t(`employment.contactKinds.${k}`) }))}
          />
        </Form.Item>
        {kind === 'referral' ? (
          <Form.Item name="postingId" label={t('employment.cases.posting')} extra={t('employment.cases.postingHelp')}>
            <Select
              id="contact-posting"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={postings.loading}
              placeholder={t('employment.cases.postingPlaceholder')}
              onChange={picked}
              options={(postings.data?.postings ?? []).map((p) => ({
                value: p.id,
                label: `${p.organisationName} ${p.title}`,
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="happenedOn"
          label={t('employment.cases.happenedOn')}
          rules={[
            { required: true },
            {
              // ISO days compare as text; the server refuses the same, this says so under the field.
              validator: (_, day: string | undefined) =>
                !day || (day <= today() && day >= assistanceCase.openedOn)
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        day > today()
                          ? t('employment.cases.dateAfterToday')
                          : t('employment.cases.dateBeforeOpened', { date: assistanceCase.openedOn }),
                      ),
                    ),
            },
          ]}
        >
          <IsoDateInput max={today()} min={assistanceCase.openedOn} />
        </Form.Item>
        <Form.Item name="note" label={t('employment.cases.note')} rules={[{ required: true }]}>
          <Input.TextArea id="contact-note" maxLength={500} rows={2} />
        </Form.Item>
      </Form>
      <ErrorAlert error={postings.error ?? act.error} />
    </Modal>
  );
}
