import { App, Button, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client.js';
import { SheetUpload } from '../../components/sheet-upload.js';

/** Historic registrations from the system before this one: the template, and the filled-in sheet. */
export function RegistrationImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Card size="small" title={t('employment.registrations.importTitle')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button
          onClick={() =>
            void download(
              '/api/v1/employment-services/registrations/import-template',
              'employment-registrations-template.xlsx',
            )
          }
        >
          {t('employment.registrations.template')}
        </Button>
        <SheetUpload<{ imported: number }>
          path="/api/v1/employment-services/registrations/import"
          testId="registrations-import"
          onDone={(r) => {
            void message.success(t('employment.registrations.imported', { count: r.imported }));
            onImported();
          }}
        />
      </Space>
    </Card>
  );
}
