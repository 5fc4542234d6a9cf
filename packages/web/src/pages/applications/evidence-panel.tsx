import { UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, download, query, upload } from '../../api/client.js';
import type { EvidenceFile, Text } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant, pick } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';

/** An application's materials, the files handed in for each, and which the platform waived. */
export interface Evidence {
  materials: Text[];
  files: EvidenceFile[];
  /** Materials not needed: the platform holds them from shared data or an office record. */
  waived: number[];
}

/** The application's evidence, loaded once for the page: the panel shows it, the actions warn from it. */
export function useEvidence(applicationId: string) {
  return useLoad(() => api<Evidence>('GET', `/api/v1/applications/${applicationId}/evidence`), [applicationId]);
}

/**
 * The subsidy's materials, the files handed in for each, and (while open) a way to add one; after
 * filing, only the materials promised under 容缺受理 (`uploadable`) may still be supplied.
 */
export function EvidencePanel({
  applicationId,
  evidence,
  canUpload,
  uploadable = [],
}: {
  applicationId: string;
  evidence: ReturnType<typeof useEvidence>;
  canUpload: boolean;
  uploadable?: number[];
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { data, error, reload } = evidence;
  // A refused upload is shown under the material it was for, not above the list: the server's message
  // names the file, the line names the material.
  const [uploadError, setUploadError] = useState<{ material: number; error: ApiError }>();
  const [busy, setBusy] = useState<number>();
  const input = useRef<HTMLInputElement>(null);
  const target = useRef(0);

  const choose = (material: number) => {
    target.current = material;
    input.current?.click();
  };
  const send = async (file: File) => {
    setUploadError(undefined);
    setBusy(target.current);
    try {
      await upload(
        `/api/v1/applications/${applicationId}/evidence${query({ material: target.current, fileName: file.name })}`,
        file,
      );
      void message.success(t('evidence.uploaded', { name: file.name }));
      reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setUploadError({ material: target.current, error: e });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div data-testid="evidence">
      <ErrorAlert error={error} />
      <input
        ref={input}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        style={{ display: 'none' }}
        data-testid="evidence-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void send(file);
        }}
      />
      <List
        size="small"
        dataSource={(data?.materials ?? []).map((m, i) => ({ m, i }))}
        locale={{ emptyText: t('evidence.noMaterials') }}
        renderItem={({ m, i }) => {
          const files = (data?.files ?? []).filter((f) => f.material === i);
          return (
            <List.Item
              actions={
                canUpload || uploadable.includes(i)
                  ? [
                      <Button
                        key="up"
                        size="small"
                        icon={<UploadOutlined />}
                        loading={busy === i}
                        onClick={() => choose(i)}
                        data-testid={`evidence-upload-${i}`}
                      >
                        {t('evidence.upload')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={0}>
                <Typography.Text>
                  {i + 1}. {pick(m, i18n.language)}
                </Typography.Text>
                {files.length === 0 && data?.waived.includes(i) ? (
                  <Typography.Text type="success" data-testid={`evidence-waived-${i}`}>
                    {t('facts.evidenceWaived')}
                  </Typography.Text>
                ) : files.length === 0 ? (
                  // Once filed, a material nobody may upload any more was not asked for online (an
                  // offer confirmed, a counter filing): it is checked at acceptance, not missing.
                  <Typography.Text type="secondary" data-testid={`evidence-missing-${i}`}>
                    {t(canUpload || uploadable.includes(i) ? 'evidence.none' : 'evidence.notOnline')}
                  </Typography.Text>
                ) : null}
                {uploadError?.material === i ? (
                  <Typography.Text type="danger" data-testid={`evidence-error-${i}`}>
                    {uploadError.error.message}
                  </Typography.Text>
                ) : null}
                {files.map((f) => (
                  <Typography.Link
                    key={f.id}
                    onClick={() => void download(`/api/v1/applications/${applicationId}/evidence/${f.id}`, f.fileName)}
                  >
                    {f.fileName} · {Math.ceil(f.sizeBytes / 1024)} KB · {f.uploadedBy} · {formatInstant(f.uploadedAt)}
                  </Typography.Link>
                ))}
              </Space>
            </List.Item>
          );
        }}
      />
      {canUpload || uploadable.length > 0 ? (
        <Typography.Text type="secondary">{t('evidence.rules')}</Typography.Text>
      ) : null}
    </div>
  );
}
