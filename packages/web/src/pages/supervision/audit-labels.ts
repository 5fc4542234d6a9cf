import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`),
  );
}

/**
 * The audit trail's actions and subjects by their names in the page language. An application's
 * transitions are named as the workflow names them (`actions.names`); any other action by
 * `admin.auditActions`. An action nobody has named yet is shown as recorded rather than hidden.
 */
export function useAuditLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const action = (code: string): string => {
      const [domain, ...rest] = code.split('.');
      const step = rest.join('.');
      if (domain === 'application' && i18n.exists(`actions.names.${step}`)) return t(`actions.names.${step}`);
      if (rest.length === 0 && i18n.exists(`actions.names.${code}`)) return t(`actions.names.${code}`);
      return i18n.exists(`admin.auditActions.${code}`) ? t(`admin.auditActions.${code}`) : code;
    };
    const subject = (code: string): string =>
      i18n.exists(`admin.auditSubjects.${code}`) ? t(`admin.auditSubjects.${code}`) : code;
    const actionOptions = () => {
      const transitions = t('actions.names', { returnObjects: true }) as Record<string, string>;
      const named = flatten(t('admin.auditActions', { returnObjects: true }) as Tree);
      return [
        ...Object.entries(transitions).map(([k, label]) => ({ value: `application.${k}`, label })),
        ...named.map(([value, label]) => ({ value, label })),
      ];
    };
    const subjectOptions = () =>
      Object.entries(t('admin.auditSubjects', { returnObjects: true }) as Record<string, string>).map(
        ([value, label]) => ({ value, label }),
      );
    return { action, subject, actionOptions, subjectOptions };
    // The labels change with the language.
  }, [t, i18n.language]);
}
