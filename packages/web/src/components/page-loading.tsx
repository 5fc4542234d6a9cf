import { useTranslation } from 'react-i18next';

/**
 * While a page's code arrives: a spinner where the page will be, announced to a screen reader.
 * Drawn by frame.css rather than antd's Spin, so the first screen need not download it.
 */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="hm-loading" role="status" data-testid="page-loading">
      <span className="hm-spinner" aria-hidden="true" />
      <span className="hm-visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
