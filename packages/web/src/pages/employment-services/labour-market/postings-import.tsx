import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, download, query } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { SheetUpload } from '../../../components/sheet-upload.js';
import { useSubmit } from '../../../components/use-submit.js';

/**
 * A clerk imports an employer's postings from a sheet (岗位批量导入): the employer found by its credit
 * code, then the filled-in template dropped; the server takes all of it or none, and a refused sheet
 * lists every problem of every row in the page's language.
 */
export function ImportPostings({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [unit, setUnit] = useState<{ id: string; name: string }>();
  const [done, setDone] = useState<number>();
  const find = useSubmit();
  const [form] = Form.useForm<{ code: string }>();
  const label = t('labour.import.unitCode');
  const close = () => {
    setOpen(false);
    setUnit(undefined);
    form.resetFields();
  };
  return (
    <>
      <Button data-testid="import-postings" onClick={() => setOpen(true)}>
        {t('labour.import.button')}
      </Button>
      {done !== undefined ? (
        <Alert type="success" showIcon data-testid="done" title={t('labour.import.done', { count: done })} />
      ) : null}
      <Modal open={open} title={t('labour.import.title')} onCancel={close} footer={null} destroyOnHidden width={640}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('labour.import.hint')}</Typography.Paragraph>
          <Button
            onClick={() =>
              void download('/api/v1/labour-market/postings/import-template', 'job-postings-template.xlsx')
            }
          >
            {t('labour.import.template')}
          </Button>
          <Form<{ code: string }>
            form={form}
            layout="inline"
            onFinish={async ({ code }) => {
              setUnit(undefined);
              const found = await find.run(async () => {
                const res = await api<{ organisations: { id: string; name: string }[] }>(
                  'GET',
                  `/api/v1/organisations${query({ creditCode: code.trim().toUpperCase() })}`,
                );
                const first = res.organisations[0];
                if (!first)
                  throw new ApiError(404, 'ORGANISATION_NOT_FOUND', t('labour.import.unitNotFound', { code }), 'code');
                return first;
              });
              if (found) setUnit(found);
            }}
          >
            <Form.Item
              name="code"
              label={label}
              rules={[{ required: true, whitespace: true, message: t('validation.required', { field: label }) }]}
            >
              <Input id="import-unit" maxLength={18} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" loading={find.busy} data-testid="import-find">
                {t('labour.import.find')}
              </Button>
            </Form.Item>
          </Form>
          <ErrorAlert error={find.error} />
          {unit ? (
            <>
              <Typography.Text strong data-testid="import-unit-name">
                {unit.name}
              </Typography.Text>
              <SheetUpload<{ imported: number }>
                path={`/api/v1/labour-market/postings/import${query({ organisationId: unit.id })}`}
                testId="import-sheet"
                onDone={(r) => {
                  setDone(r.imported);
                  close();
                  onImported();
                }}
              />
            </>
          ) : null}
        </Space>
      </Modal>
    </>
  );
}
