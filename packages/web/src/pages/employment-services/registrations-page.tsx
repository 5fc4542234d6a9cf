import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { punctuation } from '../../components/format.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { RegionSelect } from '../../components/regions.js';
import { StaffTable } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { useSession } from '../../session/session.js';
import { useRegistrationColumns } from './employment-columns.js';
import { RegistrationImport } from './registration-import.js';
import { PersonLookup, today, type FoundPerson, type RegistrationRow } from './employment-common.js';
import { validValues } from '../../components/valid-values.js';
import { orOnFields } from '../../components/server-field-errors.js';
import { IsoDateInput } from '../../components/iso-date-input.js';

type NewRegistration =
  paths['/api/v1/employment-services/registrations']['post']['responses'][201]['content']['application/json'];
type EndedRegistrations =
  paths['/api/v1/employment-services/registrations/no-contact-review']['post']['responses'][200]['content']['application/json'];

const END_REASONS = ['employed', 'enrolled', 'enlisted', 'retired', 'moved-away', 'left-job', 'died'] as const;

interface RegisterForm {
  kind: 'employment' | 'unemployment';
  basis: 'residence' | 'hukou';
  regionCode: string;
  community?: string;
  startsOn: string;
  employmentKind?: 'labour-contract' | 'flexible' | 'public-welfare-post';
  employerCreditCode?: string;
}

/** 就业登记 and 失业登记 at the counter, the open registrations of one's regions, and their end. */
export function RegistrationsPage() {
  const { t, i18n } = useTranslation();
  const { account } = useSession();
  const { message } = App.useApp();
  const mayRegister = account?.permissions.includes('employment:register') ?? false;
  const list = useLoad(
    () => api<{ registrations: RegistrationRow[] }>('GET', '/api/v1/employment-services/registrations'),
    [],
  );
  const [person, setPerson] = useState<FoundPerson>();
  const [ending, setEnding] = useState<RegistrationRow>();
  const [lookup, setLookup] = useState(0);
  const [form] = Form.useForm<RegisterForm>();
  const [endForm] = Form.useForm<{ endsOn: string; reason: string }>();
  const kind = Form.useWatch('kind', form);
  const employmentKind = Form.useWatch('employmentKind', form);
  const submit = useSubmit();
  const act = useSubmit();
  // The end dialog's own: its refusal is said in the dialog, under the day it names, not on the page too.
  const ender = useSubmit();

  const register = async (values: RegisterForm) => {
    if (!person) return;
    const body = { ...values, personId: person.id, community: values.community?.trim() || undefined };
    // A refusal naming a field of the form is said under it (登记日期, not the API's 开始日期).
    const done = await submit.run(() =>
      orOnFields(form, () => api<NewRegistration>('POST', '/api/v1/employment-services/registrations', body)),
    );
    if (!done) return;
    // A case the registration opened is said with it: the clerk need not find it on another page.
    const cases = done.casesOpened.map((k) => t(`employment.caseKinds.${k}`)).join(punctuation(i18n.language).list);
    void message.success(
      t('employment.registrations.done', { card: done.cardNumber }) +
        (cases ? t('employment.registrations.casesOpened', { cases }) : ''),
      cases ? 8 : 3,
    );
    // Registered: the form is cleared for the next person, so a second 登记 cannot repeat this one.
    setPerson(undefined);
    form.resetFields();
    setLookup((n) => n + 1);
    list.reload();
  };
  const contact = async (r: RegistrationRow) => {
    if (!(await act.run(() => api('POST', `/api/v1/employment-services/registrations/${r.id}/contact`)))) return;
    void message.success(t('employment.registrations.contacted', { name: r.name }));
    list.reload();
  };
  /** A step over the whole list: said with whose registrations it changed, not only how many. */
  const bulk = async (path: string, said: string) => {
    const res = await act.run(() =>
      api<EndedRegistrations>('POST', `/api/v1/employment-services/registrations/${path}`),
    );
    if (!res) return;
    const { open, close, list: and } = punctuation(i18n.language);
    const names = res.people.map((p) => `${p.name}${open}${p.idNumberMasked}${close}`).join(and);
    void message.info(
      `${t(said, { count: res.ended })}${res.ended > 0 ? t('employment.registrations.whose', { names }) : ''}`,
      res.ended > 0 ? 10 : 3,
    );
    list.reload();
  };
  const end = async () => {
    const values = await validValues(endForm);
    if (!values || !ending) return;
    if (
      await ender.run(() =>
        orOnFields(endForm, () => api('POST', `/api/v1/employment-services/registrations/${ending.id}/end`, values)),
      )
    ) {
      void message.success(t('employment.registrations.ended', { name: ending.name }));
      setEnding(undefined);
      list.reload();
    }
  };

  const registrations = list.data?.registrations ?? [];
  const columns = useRegistrationColumns(
    registrations,
    mayRegister
      ? (r) => (
          <Space>
            {r.kind === 'unemployment' ? (
              <Button size="small" onClick={() => void contact(r)}>
                {t('employment.registrations.contact')}
              </Button>
            ) : null}
            <Button
              size="small"
              onClick={() => {
                endForm.setFieldsValue({
                  endsOn: today(),
                  reason: r.kind === 'unemployment' ? 'employed' : 'left-job',
                });
                ender.fail(undefined);
                setEnding(r);
              }}
            >
              {t('employment.registrations.end')}
            </Button>
          </Space>
        )
      : undefined,
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('employment.registrations.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('employment.registrations.intro')}</Typography.Paragraph>
      {mayRegister ? (
        <Card size="small" title={t('employment.registrations.register')}>
          <PersonLookup
            key={lookup}
            onFound={(p) => {
              setPerson(p);
              if (p) form.setFieldsValue({ regionCode: p.regionCode });
            }}
          />
          {person ? (
            <Form
              form={form}
              layout="vertical"
              style={{ marginTop: 16, maxWidth: 640 }}
              initialValues={{ kind: 'unemployment', basis: 'residence', startsOn: today() }}
              onFinish={(v) => void register(v)}
            >
              <Form.Item name="kind" label={t('employment.registrations.kind')} rules={[{ required: true }]}>
                <Select
                  id="kind"
                  options={(['unemployment', 'employment'] as const).map((k) => ({
                    value: k,
                    label: t(`employment.kinds.${k}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="basis" label={t('employment.registrations.basis')} rules={[{ required: true }]}>
                <Select
                  id="basis"
                  options={(['residence', 'hukou'] as const).map((b) => ({
                    value: b,
                    label: t(`employment.basis.${b}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="regionCode" label={t('employment.registrations.region')} rules={[{ required: true }]}>
                <RegionSelect
                  id="regionCode"
                  value={form.getFieldValue('regionCode') as string}
                  onChange={(code) => form.setFieldsValue({ regionCode: code })}
                  within={account?.regionCode}
                />
              </Form.Item>
              <Form.Item name="community" label={t('employment.registrations.community')}>
                <Input id="community" maxLength={100} />
              </Form.Item>
              <Form.Item name="startsOn" label={t('employment.registrations.startsOn')} rules={[{ required: true }]}>
                <IsoDateInput id="startsOn" />
              </Form.Item>
              {kind === 'employment' ? (
                <>
                  <Form.Item
                    name="employmentKind"
                    label={t('employment.registrations.employmentKind')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      id="employmentKind"
                      options={(['labour-contract', 'flexible', 'public-welfare-post'] as const).map((k) => ({
                        value: k,
                        label: t(`employment.employmentKinds.${k}`),
                      }))}
                    />
                  </Form.Item>
                  {employmentKind === 'labour-contract' ? (
                    <Form.Item
                      name="employerCreditCode"
                      label={t('employment.registrations.employer')}
                      rules={[{ required: true }]}
                    >
                      <Input id="employerCreditCode" maxLength={18} />
                    </Form.Item>
                  ) : null}
                </>
              ) : null}
              <ErrorAlert error={submit.error} />
              <Button
                type="primary"
                htmlType="submit"
                loading={submit.busy}
                data-testid="register-submit"
                style={{ marginTop: 8 }}
              >
                {t('employment.registrations.submit')}
              </Button>
            </Form>
          ) : null}
        </Card>
      ) : null}
      {mayRegister ? <RegistrationImport onImported={list.reload} /> : null}
      <Card size="small" title={t('employment.registrations.open')}>
        {/* Above the list, not in the card's header: beside the title they ran off a phone's screen. */}
        {mayRegister ? (
          <Space wrap style={{ marginBottom: 12 }}>
            <Popconfirm
              title={t('employment.registrations.contributionsAsk')}
              onConfirm={() => bulk('contribution-review', 'employment.registrations.contributionsDone')}
            >
              <Button>{t('employment.registrations.contributions')}</Button>
            </Popconfirm>
            <Popconfirm
              title={t('employment.registrations.reviewAsk')}
              onConfirm={() => bulk('no-contact-review', 'employment.registrations.reviewed')}
            >
              <Button danger>{t('employment.registrations.review')}</Button>
            </Popconfirm>
          </Space>
        ) : null}
        <ErrorAlert error={list.error ?? act.error} />
        <StaffTable<RegistrationRow>
          emptyText={t('empty.registrations')}
          rowKey="id"
          loading={list.loading}
          rows={registrations}
          columns={columns}
          reload={list.reload}
          search={{
            placeholder: t('backOffice.lists.registrations'),
            texts: (r) => [r.name, r.idNumberMasked, r.cardNumber, r.community],
            testId: 'registrations-search',
          }}
          exportAs="registrations.xlsx"
          testId="registrations"
        />
      </Card>
      <Modal
        open={ending !== undefined}
        title={t('employment.registrations.endTitle')}
        onCancel={() => setEnding(undefined)}
        onOk={() => void end()}
        okButtonProps={{ id: 'action-confirm', loading: ender.busy }}
        destroyOnHidden
      >
        <Form form={endForm} layout="vertical">
          <Form.Item name="endsOn" label={t('employment.registrations.endsOn')} rules={[{ required: true }]}>
            <IsoDateInput max={today()} />
          </Form.Item>
          <Form.Item name="reason" label={t('employment.registrations.reason')} rules={[{ required: true }]}>
            <Select options={END_REASONS.map((r) => ({ value: r, label: t(`employment.endReasons.${r}`) }))} />
          </Form.Item>
        </Form>
        <ErrorAlert error={ender.error} />
      </Modal>
    </Space>
  );
}
