import { Button, Card, Descriptions, Form, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, download, query } from '../../api/client.js';
import type { Certificate, DemandItem, Institution } from '../../api/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, todayInShanghai } from '../../components/format.js';
import { RegionSelect, useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';

/** 两目录 and certificate lookup: the training-demand catalogue, the institution catalogue (人社部发〔2024〕5号 (一)(二)), and verification. */
export function TrainingPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const [region, setRegion] = useState('510104');
  const demand = useLoad(() => api<{ items: DemandItem[] }>('GET', `/api/v1/training/demand-catalogue${query({ region, date: todayInShanghai() })}`), [region]);
  const institutions = useLoad(() => api<{ institutions: Institution[] }>('GET', `/api/v1/training/institutions${query({ region })}`), [region]);
  const occupationOf = (id: string) => demand.data?.items.find((i) => i.id === id)?.occupation;

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
                <Button style={{ marginBottom: 8 }} onClick={() => void download(`/api/v1/training/demand-catalogue.xlsx${query({ region, date: todayInShanghai() })}`, 'training-demand-catalogue.xlsx')}>
                  {t('common.exportExcel')}
                </Button>
                <Table<DemandItem>
                  size="small"
                  rowKey="id"
                  loading={demand.loading}
                  dataSource={demand.data?.items ?? []}
                  scroll={{ x: true }}
                  columns={[
                    { title: t('training.occupation'), dataIndex: 'occupation' },
                    { title: t('training.level'), render: (_, r) => (r.level ? t('training.levelN', { level: r.level }) : '—') },
                    { title: t('training.kind'), render: (_, r) => t(`training.kinds.${r.trainingKind}`) },
                    { title: t('training.standard'), align: 'right', render: (_, r) => formatFen(r.standardFen, lang) },
                    { title: t('training.hours'), dataIndex: 'hours' },
                    { title: t('training.urgent'), render: (_, r) => (r.urgent ? <Tag color="red">{t('training.urgentYes')}</Tag> : null) },
                    { title: t('training.payee'), render: (_, r) => t(`training.payees.${r.payee}`) },
                    { title: t('policies.validity'), render: (_, r) => `${r.validFrom} – ${r.validTo ?? t('policies.noEnd')}` },
                    { title: t('common.region'), render: (_, r) => regionName(r.regionCode) },
                  ]}
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
                <Button style={{ marginBottom: 8 }} onClick={() => void download(`/api/v1/training/institutions.xlsx${query({ region })}`, 'training-institutions.xlsx')}>
                  {t('common.exportExcel')}
                </Button>
                <Table<Institution>
                  size="small"
                  rowKey="id"
                  loading={institutions.loading}
                  dataSource={institutions.data?.institutions ?? []}
                  scroll={{ x: true }}
                  columns={[
                    { title: t('training.institution'), dataIndex: 'name' },
                    { title: t('training.address'), dataIndex: 'address' },
                    { title: t('training.nature'), render: (_, r) => t(`training.natures.${r.nature}`) },
                    { title: t('training.capacity'), dataIndex: 'capacity' },
                    { title: t('training.projects'), render: (_, r) => r.demandItemIds.map((id) => occupationOf(id) ?? '').filter(Boolean).join('、') },
                    { title: t('common.status'), render: (_, r) => <Tag color={r.status === 'listed' ? 'green' : 'default'}>{t(`training.institutionStatus.${r.status}`)}</Tag> },
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
  const [certificate, setCertificate] = useState<Certificate>();
  const [error, setError] = useState<ApiError>();
  const verify = async (v: { serial: string; name: string }) => {
    setError(undefined);
    setCertificate(undefined);
    try {
      setCertificate(await api<Certificate>('GET', `/api/v1/training/certificates/${encodeURIComponent(v.serial.trim())}${query({ name: v.name.trim() })}`));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    }
  };
  return (
    <Card>
      <Form layout="inline" onFinish={(v: { serial: string; name: string }) => void verify(v)}>
        <Form.Item name="serial" label={t('training.serial')} rules={[{ required: true, message: t('validation.required', { field: t('training.serial') }) }]}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="name" label={t('training.holderName')} rules={[{ required: true, message: t('validation.required', { field: t('training.holderName') }) }]}>
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
            <Descriptions.Item label={t('training.occupation')}>
              {certificate.occupation}
              {certificate.level ? ` · ${t('training.levelN', { level: certificate.level })}` : ''}
            </Descriptions.Item>
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
