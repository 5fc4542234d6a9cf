import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { upload } from '../api/client.js';
import { ErrorAlert } from './error-alert.js';
import { useSubmit } from './use-submit.js';

/**
 * A filled-in sheet (.xlsx or .csv) dropped or chosen, sent as the request body. The server takes
 * all of it or none; a refused file shows every problem by row and column.
 */
export function SheetUpload<T>({
  path,
  onDone,
  testId,
}: {
  path: string;
  onDone: (result: T) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { run, error, busy } = useSubmit();
  const send = async (file: File) => {
    const result = await run(() =>
      upload<T>(path, file, file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream'),
    );
    if (result !== undefined) onDone(result);
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
