import { Button, Card, Descriptions, Form, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download, query } from '../../api/client.js';
import type { Certificate, DemandItem, TrainingInstitution } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { todayInShanghai } from '../../components/format.js';
import { RegionSelect } from '../../components/regions.js';
import { PHONE_SCROLL } from '../../components/table-scroll.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { useDemandItemColumns, useInstitutionColumns, useItemName } from '../training/training-common.js';

/** 两目录 and certificate lookup: the training-demand catalogue, the institution catalogue (人社部发〔2024〕5号 (一)(二)), and verification. */
export function TrainingPage() {
  const { t } = useTranslation();
  const [region, setRegion] = useState('510104');
  const demand = useLoad(
    () =>
      api<{ items: DemandItem[] }>(
        'GET',
        `/api/v1/training/demand-catalogue${query({ region, date: todayInShanghai() })}`,
      ),
    [region],
  );
  const institutions = useLoad(
    () => api<{ institutions: TrainingInstitution[] }>('GET', `/api/v1/training/institutions${query({ region })}`),
    [region],
  );
  const demandColumns = useDemandItemColumns();
  const institutionColumns = useInstitutionColumns(demand.data?.items ?? []);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('training.title')}</Typography.Title>
      <Space wrap>
        <label htmlFor="training-region">{t('common.region')}</label>
        <RegionSelect id="training-region" value={region} onChange={setRegion} />
      </Space>
      <Tabs
        items={[
          {
            key: 'demand',
            label: t('training.demandCatalogue'),
            children: (
              <>
                <ErrorAlert error={demand.error} />
                <Button
                  style={{ marginBottom: 8 }}
                  onClick={() =>
                    void download(
                      `/api/v1/training/demand-catalogue.xlsx${query({ region, date: todayInShanghai() })}`,
                      'training-demand-catalogue.xlsx',
                    )
                  }
                >
                  {t('common.exportExcel')}
                </Button>
                <Table<DemandItem>
                  size="small"
                  rowKey="id"
                  loading={demand.loading}
                  dataSource={demand.data?.items ?? []}
                  scroll={{ x: PHONE_SCROLL }}
                  columns={demandColumns}
                />
              </>
            ),
          },
          {
            key: 'institutions',
            label: t('training.institutionCatalogue'),
            children: (
              <>
                <ErrorAlert error={institutions.error} />
                <Button
                  style={{ marginBottom: 8 }}
                  onClick={() =>
                    void download(
                      `/api/v1/training/institutions.xlsx${query({ region })}`,
                      'training-institutions.xlsx',
                    )
                  }
                >
                  {t('common.exportExcel')}
                </Button>
                <Table<TrainingInstitution>
                  size="small"
                  rowKey="id"
                  loading={institutions.loading}
                  dataSource={institutions.data?.institutions ?? []}
                  scroll={{ x: PHONE_SCROLL }}
                  columns={[
                    ...institutionColumns,
                    {
                      title: t('common.status'),
                      render: (_, r) => (
                        <Tag color={r.status === 'listed' ? 'green' : 'default'}>
                          {t(`training.institutionStatus.${r.status}`)}
                        </Tag>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          { key: 'certificate', label: t('training.verify'), children: <CertificateLookup /> },
        ]}
      />
    </Space>
  );
}

function CertificateLookup() {
  const { t } = useTranslation();
  const itemName = useItemName();
  const [certificate, setCertificate] = useState<Certificate>();
  const { run, error } = useSubmit();
  const verify = async (v: { serial: string; name: string }) => {
    setCertificate(undefined);
    setCertificate(
      await run(() =>
        api<Certificate>(
          'GET',
          `/api/v1/training/certificates/${encodeURIComponent(v.serial.trim())}${query({ name: v.name.trim() })}`,
        ),
      ),
    );
  };
  return (
    <Card>
      <Form layout="inline" onFinish={(v: { serial: string; name: string }) => void verify(v)}>
        <Form.Item
          name="serial"
          label={t('training.serial')}
          rules={[{ required: true, message: t('validation.required', { field: t('training.serial') }) }]}
        >
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('training.holderName')}
          rules={[{ required: true, message: t('validation.required', { field: t('training.holderName') }) }]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('training.verifyButton')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={error} />
        {certificate ? (
          <Descriptions bordered size="small" column={1} title={<Tag color="green">{t('training.genuine')}</Tag>}>
            <Descriptions.Item label={t('training.serial')}>{certificate.serial}</Descriptions.Item>
            <Descriptions.Item label={t('training.holderName')}>{certificate.name}</Descriptions.Item>
            <Descriptions.Item label={t('person.idNumber')}>{certificate.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label={t('training.occupation')}>{itemName(certificate)}</Descriptions.Item>
            <Descriptions.Item label={t('training.institution')}>{certificate.institution}</Descriptions.Item>
            <Descriptions.Item label={t('training.dates')}>
              {certificate.startsOn} – {certificate.endsOn}
            </Descriptions.Item>
            <Descriptions.Item label={t('training.issuedOn')}>{certificate.issuedOn}</Descriptions.Item>
          </Descriptions>
        ) : null}
      </div>
    </Card>
  );
}
