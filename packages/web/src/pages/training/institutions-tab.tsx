import { Button, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, query } from '../../api/client.js';
import type { DemandItem, TrainingInstitution } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { punctuation } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import { useSubmit } from '../../components/use-submit.js';
import { ReasonButton, useItemName } from './training-common.js';
import { inRange } from '../../components/valid-values.js';

// The institutions tab of the catalogue page: listed institutions, listing one, moving one out. A
// staff ProTable: found by name or address, filtered by nature, region and status, sorted, and the
// rows the filters leave exported as the page shows them.

interface InstitutionsTabProps {
  region: string;
  history: boolean;
  institutions: TrainingInstitution[];
  items: DemandItem[];
  loading: boolean;
  error: ApiError | undefined;
  reload: () => void;
}

export function InstitutionsTab({
  region,
  history,
  institutions,
  items,
  loading,
  error,
  reload,
}: InstitutionsTabProps) {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const itemName = useItemName();
  const col = useStaffColumns<TrainingInstitution>();
  const [listing, setListing] = useState(false);
  const remove = async (id: string, reason: string) => {
    await api('POST', `/api/v1/training/institutions/${id}/removal`, { reason });
    reload();
  };
  const projects = (r: TrainingInstitution) =>
    r.demandItemIds
      .map((id) => itemName(items.find((i) => i.id === id)))
      .filter(Boolean)
      .join(punctuation(i18n.language).list);
  const status = (r: TrainingInstitution) =>
    r.removedOn ? t('trainingAdmin.removedOn', { date: r.removedOn }) : t(`training.institutionStatus.${r.status}`);
  const columns: StaffColumn<TrainingInstitution>[] = [
    col.text(t('training.institution'), 'name', (r) => r.name, { sorted: true }),
    col.text(t('training.address'), 'address', (r) => r.address),
    col.choice(
      t('training.nature'),
      'nature',
      institutions,
      (r) => r.nature,
      (n) => t(`training.natures.${n}`),
    ),
    col.count(t('training.capacity'), 'capacity', (r) => r.capacity),
    col.text(t('training.projects'), 'projects', projects),
    col.choice(t('common.region'), 'region', institutions, (r) => r.regionCode, regionName),
    col.choice(
      t('common.status'),
      'status',
      institutions,
      (r) => r.status,
      (s) => t(`training.institutionStatus.${s}`),
      {
        render: (_, r) => <Tag color={r.status === 'listed' ? 'green' : 'default'}>{status(r)}</Tag>,
        sheet: status,
      },
    ),
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.status === 'removed' ? (
          r.removedReason
        ) : (
          <ReasonButton
            danger
            label={t('trainingAdmin.moveOut')}
            title={t('trainingAdmin.moveOutInstitution', { name: r.name })}
            onConfirm={(reason) => remove(r.id, reason)}
          />
        ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <StaffTable<TrainingInstitution>
        emptyText={t('empty.institutions')}
        rowKey="id"
        loading={loading}
        rows={institutions}
        columns={columns}
        reload={reload}
        search={{
          placeholder: t('trainingAdmin.findInstitution'),
          texts: (r) => [r.name, r.address],
          testId: 'institution-find',
        }}
        toolbar={[
          <Button key="list" type="primary" onClick={() => setListing(true)} data-testid="list-institution">
            {t('trainingAdmin.listInstitution')}
          </Button>,
        ]}
        exportAs={`training-institutions-${region}${history ? '-history' : ''}.xlsx`}
        testId="institutions-table"
      />
      <ListInstitutionModal
        open={listing}
        items={items.filter((i) => i.inForce)}
        onClose={() => setListing(false)}
        onListed={reload}
      />
    </Space>
  );
}

interface InstitutionForm {
  creditCode: string;
  address: string;
  nature: string;
  capacity: number;
  demandItemIds: string[];
}

function ListInstitutionModal({
  open,
  items,
  onClose,
  onListed,
}: {
  open: boolean;
  items: DemandItem[];
  onClose: () => void;
  onListed: () => void;
}) {
  const { t } = useTranslation();
  const itemName = useItemName();
  const [form] = Form.useForm<InstitutionForm>();
  const { run, error } = useSubmit();
  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  const submit = async (v: InstitutionForm) => {
    const listed = await run(async () => {
      // The institution is a registered unit, found by its credit code.
      const found = await api<{ organisations: { id: string }[] }>(
        'GET',
        `/api/v1/organisations${query({ creditCode: v.creditCode.trim().toUpperCase() })}`,
      );
      const organisationId = found.organisations[0]?.id;
      if (!organisationId)
        throw new ApiError(404, 'ORGANISATION_NOT_FOUND', t('trainingAdmin.unitNotFound'), 'creditCode');
      await api('POST', '/api/v1/training/institutions', {
        organisationId,
        address: v.address.trim(),
        nature: v.nature,
        capacity: v.capacity,
        demandItemIds: v.demandItemIds,
      });
      return true;
    });
    if (!listed) return;
    form.resetFields();
    onClose();
    onListed();
  };
  return (
    <Modal
      open={open}
      title={t('trainingAdmin.listInstitution')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form<InstitutionForm>
        form={form}
        layout="vertical"
        initialValues={{ nature: 'private', capacity: 30 }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="creditCode"
          label={t('trainingAdmin.creditCode')}
          rules={required(t('trainingAdmin.creditCode'))}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="address" label={t('training.address')} rules={required(t('training.address'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="nature" label={t('training.nature')}>
            <Select
              style={{ width: 140 }}
              options={['public', 'private', 'enterprise', 'school'].map((n) => ({
                value: n,
                label: t(`training.natures.${n}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="capacity"
            label={t('training.capacity')}
            rules={[...required(t('training.capacity')), inRange(1, 100000)]}
          >
            <InputNumber />
          </Form.Item>
        </Space>
        <Form.Item name="demandItemIds" label={t('training.projects')} rules={required(t('training.projects'))}>
          <Select mode="multiple" options={items.map((i) => ({ value: i.id, label: itemName(i) }))} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
