import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, upload } from '../api/client.js';
import { ErrorAlert } from './error-alert.js';

/**
 * A filled-in sheet (.xlsx or .csv) dropped or chosen, sent as the request body. The server takes
 * all of it or none; a refused file shows every problem by row and column.
 */
export function SheetUpload<T>({ path, onDone, testId }: { path: string; onDone: (result: T) => void; testId?: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await upload<T>(path, file, file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream'));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Upload.Dragger
        accept=".xlsx,.csv"
        showUploadList={false}
        disabled={busy}
        data-testid={testId}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('registry.drop')}</p>
        <p style={{ color: '#888' }}>{t('registry.allOrNone')}</p>
      </Upload.Dragger>
      <ErrorAlert error={error} />
    </>
  );
}
