import { Button, Input, Modal, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { DemandItem, TrainingInstitution } from '../../api/schema.js';
import type { Occupations } from '../employment-services/labour-market/labour-common.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, punctuation } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useSubmit } from '../../components/use-submit.js';

const STATE_COLOURS: Record<string, string> = {
  applied: 'gold',
  approved: 'blue',
  rejected: 'red',
  completed: 'green',
};

/**
 * A class's state (待审批, 待开班, 已开班, 未批准, 已结业) as a coloured tag. An approved class is not
 * running before its first day: said so, with the day.
 */
export function ClassStateTag({ cls }: { cls: { state: string; startsOn: string; notStarted: boolean } }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[cls.state] ?? 'default'}>
      {cls.notStarted ? t('trainingClass.notStarted', { date: cls.startsOn }) : t(`trainingClass.states.${cls.state}`)}
    </Tag>
  );
}

let englishNames: Promise<Map<string, string>> | undefined;

/** The classification's occupations by Chinese name, read once a page needs them (a failed read is tried again). */
function occupationsInEnglish(): Promise<Map<string, string>> {
  englishNames ??= api<Occupations>('GET', '/api/v1/labour-market/occupations').then(
    (o) => new Map(o.occupations.map((x) => [x.zh, x.en])),
    (e: unknown) => {
      englishNames = undefined;
      throw e;
    },
  );
  return englishNames;
}

/**
 * A catalogue's occupation in the page's language. The catalogue names it as the bureau typed it
 * (电工); where that is a name of the national classification, an English page shows the
 * classification's English (Electrician), as the job board does; otherwise it is shown as typed.
 */
export function useOccupationName(): (zh: string) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const [names, setNames] = useState<Map<string, string>>();
  useEffect(() => {
    if (!english) return;
    let live = true;
    occupationsInEnglish().then(
      (m) => live && setNames(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [english]);
  return (zh) => (english ? (names?.get(zh) ?? zh) : zh);
}

/** “电工 · 4 级” — an item as people name it. */
export function useItemName(): (item: Pick<DemandItem, 'occupation' | 'level'> | undefined) => string {
  const { t } = useTranslation();
  const occupation = useOccupationName();
  return (item) =>
    item
      ? `${occupation(item.occupation)}${item.level ? ` · ${t('training.levelN', { level: item.level })}` : ''}`
      : '';
}

/** A catalogue item as the public and the bureau both read it: who, what, how much, how long, paid to whom, when, where. */
export function useDemandItemColumns(): ColumnsType<DemandItem> {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const occupation = useOccupationName();
  return [
    { title: t('training.occupation'), render: (_, r) => occupation(r.occupation) },
    { title: t('training.level'), render: (_, r) => (r.level ? t('training.levelN', { level: r.level }) : '—') },
    { title: t('training.kind'), render: (_, r) => t(`training.kinds.${r.trainingKind}`) },
    { title: t('training.standard'), align: 'right', render: (_, r) => formatFen(r.standardFen, i18n.language) },
    { title: t('training.hours'), dataIndex: 'hours' },
    {
      title: t('training.urgent'),
      render: (_, r) => (r.urgent ? <Tag color="red">{t('training.urgentYes')}</Tag> : null),
    },
    { title: t('training.payee'), render: (_, r) => t(`training.payees.${r.payee}`) },
    { title: t('policies.validity'), render: (_, r) => `${r.validFrom} – ${r.validTo ?? t('policies.noEnd')}` },
    { title: t('common.region'), render: (_, r) => regionName(r.regionCode) },
  ];
}

/** An institution as the public and the bureau both read it, with the catalogue items it may run by name. */
export function useInstitutionColumns(items: readonly DemandItem[]): ColumnsType<TrainingInstitution> {
  const { t, i18n } = useTranslation();
  const itemName = useItemName();
  return [
    { title: t('training.institution'), dataIndex: 'name' },
    { title: t('training.address'), dataIndex: 'address' },
    { title: t('training.nature'), render: (_, r) => t(`training.natures.${r.nature}`) },
    { title: t('training.capacity'), dataIndex: 'capacity' },
    {
      title: t('training.projects'),
      render: (_, r) =>
        r.demandItemIds
          .map((id) => itemName(items.find((i) => i.id === id)))
          .filter(Boolean)
          .join(punctuation(i18n.language).list),
    },
  ];
}

/**
 * A button whose action needs a written reason (a refusal, a removal from a catalogue): confirmed
 * only with one; a refusal by the server shows in the dialog. Small in a table's row; beside a
 * page's own buttons, their size.
 */
export function ReasonButton({
  label,
  title,
  onConfirm,
  danger,
  testId,
  size = 'small',
}: {
  label: string;
  title: string;
  onConfirm: (reason: string) => Promise<void>;
  danger?: boolean;
  testId?: string;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, error, busy } = useSubmit();
  const confirm = async () => {
    if ((await run(async () => (await onConfirm(reason.trim()), true))) === undefined) return;
    setOpen(false);
    setReason('');
  };
  return (
    <>
      <Button size={size} danger={danger} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: reason.trim() === '', ...(testId ? { 'data-testid': `${testId}-confirm` } : {}) }}
        onCancel={() => setOpen(false)}
        onOk={() => void confirm()}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('actions.reasonRequired')}
          data-testid={testId ? `${testId}-reason` : undefined}
        />
        <ErrorAlert error={error} />
      </Modal>
    </>
  );
}
