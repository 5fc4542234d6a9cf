import { ProTable, type ProColumns } from '@ant-design/pro-components';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { isWithinRegion } from '@huimin/policy/regions';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.js';
import { api, download, query } from '../../api/client.js';
import type { DemandItem, TrainingInstitution } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { parseYuan } from '../../components/format.js';
import { RegionSelect } from '../../components/regions.js';
import { SheetUpload } from '../../components/sheet-upload.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { useSession } from '../../session/session.js';
import { InstitutionsTab } from './institutions-tab.js';
import { ReasonButton, useDemandItemColumns } from './training-common.js';
import { inRange } from '../../components/valid-values.js';

/**
 * The bureau's side of 两目录 (人社部发〔2024〕5号 (一)(二)(十一)): publishing catalogue items one by one
 * or from a sheet, moving items and institutions out with a reason (their history stays), and
 * listing registered units as institutions with the items each may run.
 */
export function CatalogueAdminPage() {
  const { t } = useTranslation();
  const { account } = useSession();
  const region = account?.regionCode ?? '';
  const [history, setHistory] = useState(false);
  const catalogue = useLoad(
    () => api<{ items: DemandItem[] }>('GET', `/api/v1/training/demand-catalogue${query({ region, history })}`),
    [region, history],
  );
  const institutions = useLoad(
    () =>
      api<{ institutions: TrainingInstitution[] }>('GET', `/api/v1/training/institutions${query({ region, history })}`),
    [region, history],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('trainingAdmin.title')}</Typography.Title>
      <Space>
        <Switch checked={history} onChange={setHistory} data-testid="history" />
        <span>{t('trainingAdmin.history')}</span>
      </Space>
      <Tabs
        items={[
          {
            key: 'catalogue',
            label: t('training.demandCatalogue'),
            children: (
              <CatalogueTab
                region={region}
                history={history}
                items={catalogue.data?.items ?? []}
                loading={catalogue.loading}
                error={catalogue.error}
                reload={catalogue.reload}
              />
            ),
          },
          {
            key: 'institutions',
            label: t('training.institutionCatalogue'),
            children: (
              <InstitutionsTab
                region={region}
                history={history}
                institutions={institutions.data?.institutions ?? []}
                items={catalogue.data?.items ?? []}
                loading={institutions.loading}
                error={institutions.error}
                reload={institutions.reload}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}

interface CatalogueTabProps {
  region: string;
  history: boolean;
  items: DemandItem[];
  loading: boolean;
  error: ApiError | undefined;
  reload: () => void;
}

function CatalogueTab({ region, history, items, loading, error, reload }: CatalogueTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const demandColumns = useDemandItemColumns();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const remove = async (id: string, reason: string) => {
    await api('POST', `/api/v1/training/demand-catalogue/${id}/removal`, { reason });
    reload();
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {importing ? (
        <Card size="small">
          <SheetUpload<{ imported: number }>
            path="/api/v1/training/demand-catalogue/import"
            testId="catalogue-upload"
            onDone={(res) => {
              void message.success(t('registry.imported', { count: res.imported }));
              setImporting(false);
              reload();
            }}
          />
        </Card>
      ) : null}
      <ErrorAlert error={error} />
      <ProTable<DemandItem>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        search={false}
        scroll={{ x: true }}
        options={{ density: true, reload: () => reload(), setting: true }}
        pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { count: n }) }}
        toolBarRender={() => [
          <Button key="add" type="primary" onClick={() => setAdding(true)} data-testid="add-item">
            {t('trainingAdmin.addItem')}
          </Button>,
          <Button key="import" onClick={() => setImporting((v) => !v)} data-testid="import-items">
            {t('trainingAdmin.importItems')}
          </Button>,
          <Button
            key="template"
            onClick={() =>
              void download('/api/v1/training/demand-catalogue/template', 'training-demand-catalogue-template.xlsx')
            }
          >
            {t('registry.template')}
          </Button>,
          <Button
            key="export"
            data-testid="export-items"
            onClick={() =>
              void download(
                `/api/v1/training/demand-catalogue.xlsx${query({ region, history })}`,
                'training-demand-catalogue.xlsx',
              )
            }
          >
            {t('common.exportExcel')}
          </Button>,
        ]}
        columns={[
          ...(demandColumns as ProColumns<DemandItem>[]),
          {
            title: t('common.status'),
            render: (_, r) =>
              r.inForce ? (
                <Tag color="green">{t('trainingAdmin.inForce')}</Tag>
              ) : (
                <Tag title={r.removedReason}>
                  {r.removedOn ? t('trainingAdmin.removedOn', { date: r.removedOn }) : t('trainingAdmin.notInForce')}
                </Tag>
              ),
          },
          {
            title: t('common.actions'),
            // Items of the regions above are theirs to move out, not this bureau's.
            render: (_, r) =>
              r.removedOn ? (
                r.removedReason
              ) : isWithinRegion(r.regionCode, region) ? (
                <ReasonButton
                  danger
                  label={t('trainingAdmin.moveOut')}
                  title={t('trainingAdmin.moveOutItem', { name: r.occupation })}
                  onConfirm={(reason) => remove(r.id, reason)}
                />
              ) : null,
          },
        ]}
      />
      <AddItemModal open={adding} region={region} onClose={() => setAdding(false)} onAdded={reload} />
    </Space>
  );
}

interface ItemForm {
  regionCode: string;
  occupation: string;
  level?: number;
  trainingKind: 'employment-skills' | 'entrepreneurship';
  standardYuan: string;
  hours: number;
  urgent: boolean;
  payee: 'trainee' | 'institution';
  validFrom: Dayjs;
  validTo?: Dayjs;
}

function AddItemModal({
  open,
  region,
  onClose,
  onAdded,
}: {
  open: boolean;
  region: string;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemForm>();
  const { run, error } = useSubmit();
  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  const submit = async (v: ItemForm) => {
    const added = await run(() =>
      api('POST', '/api/v1/training/demand-catalogue', {
        regionCode: v.regionCode,
        occupation: v.occupation.trim(),
        ...(v.level ? { level: v.level } : {}),
        trainingKind: v.trainingKind,
        standardFen: parseYuan(v.standardYuan) ?? 0,
        hours: v.hours,
        urgent: v.urgent,
        payee: v.payee,
        validFrom: v.validFrom.format('YYYY-MM-DD'),
        ...(v.validTo ? { validTo: v.validTo.format('YYYY-MM-DD') } : {}),
      }).then(() => true),
    );
    if (!added) return;
    void message.success(t('trainingAdmin.itemAdded', { occupation: v.occupation.trim() }));
    form.resetFields();
    onClose();
    onAdded();
  };
  return (
    <Modal
      open={open}
      title={t('trainingAdmin.addItem')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form<ItemForm>
        form={form}
        layout="vertical"
        initialValues={{
          regionCode: region,
          trainingKind: 'employment-skills',
          urgent: false,
          payee: 'trainee',
          hours: 80,
        }}
        onFinish={(v) => void submit(v)}
      >
        {/* Picked from the desk's own regions by name: a typed code could name a region it may not set. */}
        <Form.Item name="regionCode" label={t('common.region')} rules={required(t('common.region'))}>
          <RegionField within={region} />
        </Form.Item>
        <Form.Item name="occupation" label={t('training.occupation')} rules={required(t('training.occupation'))}>
          <Input maxLength={60} data-testid="item-occupation" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="level" label={t('training.level')}>
            <Select
              allowClear
              style={{ width: 120 }}
              options={[1, 2, 3, 4, 5].map((l) => ({ value: l, label: t('training.levelN', { level: l }) }))}
            />
          </Form.Item>
          <Form.Item name="trainingKind" label={t('training.kind')}>
            <Select
              style={{ width: 160 }}
              options={['employment-skills', 'entrepreneurship'].map((k) => ({
                value: k,
                label: t(`training.kinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="hours"
            label={t('training.hours')}
            rules={[...required(t('training.hours')), inRange(1, 2000)]}
          >
            <InputNumber />
          </Form.Item>
        </Space>
        <Form.Item
          name="standardYuan"
          label={t('trainingAdmin.standardYuan')}
          rules={[
            ...required(t('trainingAdmin.standardYuan')),
            {
              validator: (_, v: string) =>
                !v || parseYuan(v) !== undefined
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.amount', { field: t('trainingAdmin.standardYuan') }))),
            },
          ]}
        >
          <Input data-testid="item-standard" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="urgent" label={t('training.urgent')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="payee" label={t('training.payee')}>
            <Select
              style={{ width: 200 }}
              options={['trainee', 'institution'].map((p) => ({ value: p, label: t(`training.payees.${p}`) }))}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="validFrom"
            label={t('trainingAdmin.validFrom')}
            rules={required(t('trainingAdmin.validFrom'))}
          >
            <DatePicker data-testid="item-valid-from" />
          </Form.Item>
          <Form.Item name="validTo" label={t('trainingAdmin.validTo')}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}

function RegionField({ value, onChange, within }: { value?: string; onChange?: (v: string) => void; within: string }) {
  return <RegionSelect id="item-region" value={value ?? within} onChange={(v) => onChange?.(v)} within={within} />;
}
