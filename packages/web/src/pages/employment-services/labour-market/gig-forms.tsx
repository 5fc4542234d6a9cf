import {
  ModalForm,
  ProForm,
  ProFormDigit,
  ProFormRadio,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Button } from 'antd';
import type { Rule } from 'antd/es/form/index.js';
import { useTranslation } from 'react-i18next';
import { api, ApiError, query } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { todayInShanghai, yuanToFen } from '../../../components/format.js';
import { RegionSelect } from '../../../components/regions.js';
import { useSubmit } from '../../../components/use-submit.js';
import { OccupationSelect } from './labour-common.js';

/** A gig is shown at most this many days (the server's LONGEST_GIG_DAYS, decision 023). */
const LONGEST_GIG_DAYS = 30;

/** "请填写{field}": a required field's message names the field in the page's language. */
export function useRequired(): (field: string) => Rule[] {
  const { t } = useTranslation();
  return (field) => [{ required: true, whitespace: true, message: t('validation.required', { field }) }];
}

/** A region picker usable as a form control (the form hands it value and onChange). */
export function RegionField({ id, value, onChange }: { id: string; value?: string; onChange?: (v: string) => void }) {
  return <RegionSelect id={id} value={value ?? ''} onChange={(v) => onChange?.(v)} />;
}

/** A registered unit, found by its unified social credit code; refused naming the field if there is none. */
async function unitOf(code: string, field: string, notFound: string): Promise<string> {
  const found = await api<{ organisations: { id: string }[] }>(
    'GET',
    `/api/v1/organisations${query({ creditCode: code.trim().toUpperCase() })}`,
  );
  const id = found.organisations[0]?.id;
  if (!id) throw new ApiError(404, 'ORGANISATION_NOT_FOUND', notFound, field);
  return id;
}

interface StationValues {
  name: string;
  regionCode: string;
  operatorCode: string;
  address: string;
  openedOn: string;
}

/** Opens a 零工驿站: its name, region, the unit that runs it (by credit code), address and opening day. */
export function OpenStationForm({ onOpened }: { onOpened: (name: string) => void }) {
  const { t } = useTranslation();
  const required = useRequired();
  const submit = useSubmit();
  return (
    <ModalForm<StationValues>
      title={t('gig.openStation')}
      trigger={<Button data-testid="open-station">{t('gig.openStation')}</Button>}
      modalProps={{ destroyOnHidden: true }}
      submitter={{ submitButtonProps: { id: 'station-submit' } }}
      initialValues={{ regionCode: '510104', openedOn: todayInShanghai() }}
      onFinish={async (v) => {
        const done = await submit.run(async () => {
          const operatorId = await unitOf(
            v.operatorCode,
            'operatorId',
            t('gig.unitNotFound', { code: v.operatorCode }),
          );
          return api('POST', '/api/v1/labour-market/gig-stations', {
            name: v.name.trim(),
            regionCode: v.regionCode,
            operatorId,
            address: v.address.trim(),
            openedOn: v.openedOn,
          });
        });
        if (done) onOpened(v.name.trim());
        return done !== undefined;
      }}
    >
      <ProFormText
        name="name"
        label={t('gig.stationName')}
        rules={[...required(t('gig.stationName')), { max: 60 }]}
        fieldProps={{ id: 'station-name' }}
      />
      <ProForm.Item name="regionCode" label={t('gig.region')} rules={required(t('gig.region'))}>
        <RegionField id="station-region" />
      </ProForm.Item>
      <ProFormText
        name="operatorCode"
        label={t('gig.operatorCode')}
        rules={required(t('gig.operatorCode'))}
        fieldProps={{ id: 'station-operator', maxLength: 18 }}
      />
      <ProFormText
        name="address"
        label={t('gig.address')}
        rules={[...required(t('gig.address')), { max: 200 }]}
        fieldProps={{ id: 'station-address' }}
      />
      <ProFormText
        name="openedOn"
        label={t('gig.openedOn')}
        rules={required(t('gig.openedOn'))}
        fieldProps={{ id: 'station-opened', type: 'date' }}
      />
      <ErrorAlert error={submit.error} />
    </ModalForm>
  );
}

interface GigValues {
  unitCode: string;
  payUnit: 'day' | 'piece';
  title: string;
  occupationCode: string;
  headcount: number;
  payMinYuan: number;
  payMaxYuan: number;
  regionCode: string;
  place: string;
  requirements?: string;
  contact: string;
  validFrom: string;
  validTo: string;
}

/**
 * Posts a gig through the station for a unit (by its credit code): paid by the day or the piece, valid
 * at most 30 days, and reviewed like any posting by a clerk who did not post it.
 */
export function PostGigForm({
  stationId,
  regionCode,
  onPosted,
}: {
  stationId: string;
  regionCode: string;
  onPosted: () => void;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const submit = useSubmit();
  const today = todayInShanghai();
  const label = {
    payMin: t('gig.payMin'),
    payMax: t('gig.payMax'),
    from: t('gig.validFrom'),
    to: t('gig.validToColumn'),
  };
  const payRange: Rule = ({ getFieldValue }) => ({
    validator: async (_, max?: number) => {
      const min = getFieldValue('payMinYuan') as number | undefined;
      if (max !== undefined && min !== undefined && max < min)
        throw new Error(t('gig.payUpsideDown', { max: label.payMax, min: label.payMin }));
    },
  });
  const validity: Rule = ({ getFieldValue }) => ({
    validator: async (_, to?: string) => {
      const from = getFieldValue('validFrom') as string | undefined;
      if (!to || !from) return;
      if (to < from) throw new Error(t('gig.validToBefore', { to: label.to, from: label.from }));
      if (to > addDaysIso(from, LONGEST_GIG_DAYS - 1))
        throw new Error(t('gig.validToTooLong', { to: label.to, from: label.from, days: LONGEST_GIG_DAYS }));
    },
  });
  return (
    <ModalForm<GigValues>
      title={t('gig.postGig')}
      trigger={
        <Button type="primary" data-testid="post-gig">
          {t('gig.postGig')}
        </Button>
      }
      modalProps={{ destroyOnHidden: true }}
      submitter={{ submitButtonProps: { id: 'gig-submit' } }}
      initialValues={{
        payUnit: 'day',
        headcount: 1,
        regionCode,
        validFrom: today,
        validTo: addDaysIso(today, 6),
      }}
      onFinish={async (v) => {
        const done = await submit.run(async () => {
          const organisationId = await unitOf(
            v.unitCode,
            'organisationId',
            t('gig.unitNotFound', { code: v.unitCode }),
          );
          return api('POST', `/api/v1/labour-market/gig-stations/${stationId}/gigs`, {
            organisationId,
            payUnit: v.payUnit,
            title: v.title.trim(),
            occupationCode: v.occupationCode,
            headcount: v.headcount,
            payMinFen: yuanToFen(v.payMinYuan),
            payMaxFen: yuanToFen(v.payMaxYuan),
            regionCode: v.regionCode,
            place: v.place.trim(),
            requirements: v.requirements?.trim() ?? '',
            description: '',
            contact: v.contact.trim(),
            validFrom: v.validFrom,
            validTo: v.validTo,
          });
        });
        if (done) onPosted();
        return done !== undefined;
      }}
    >
      <ProFormText
        name="unitCode"
        label={t('gig.unitCode')}
        rules={required(t('gig.unitCode'))}
        fieldProps={{ id: 'gig-unit', maxLength: 18 }}
      />
      <ProFormText
        name="title"
        label={t('labour.posting.title')}
        rules={[...required(t('labour.posting.title')), { max: 60 }]}
        fieldProps={{ id: 'gig-title' }}
      />
      <ProForm.Item
        name="occupationCode"
        label={t('labour.posting.occupation')}
        rules={required(t('labour.posting.occupation'))}
      >
        <OccupationSelect id="gig-occupation" />
      </ProForm.Item>
      <ProFormRadio.Group
        name="payUnit"
        label={t('gig.payUnitLabel')}
        options={(['day', 'piece'] as const).map((u) => ({ value: u, label: t(`gig.payUnits.${u}`) }))}
      />
      <ProForm.Group>
        <ProFormDigit
          name="headcount"
          label={t('labour.posting.headcount')}
          min={1}
          max={10000}
          fieldProps={{ id: 'gig-headcount', precision: 0 }}
          rules={[{ required: true, message: t('validation.required', { field: t('labour.posting.headcount') }) }]}
        />
        <ProFormDigit
          name="payMinYuan"
          label={label.payMin}
          min={0}
          max={100_000}
          fieldProps={{ id: 'gig-pay-min', precision: 2 }}
          rules={[{ required: true, message: t('validation.required', { field: label.payMin }) }]}
        />
        <ProFormDigit
          name="payMaxYuan"
          label={label.payMax}
          min={0}
          max={100_000}
          dependencies={['payMinYuan']}
          fieldProps={{ id: 'gig-pay-max', precision: 2 }}
          rules={[{ required: true, message: t('validation.required', { field: label.payMax }) }, payRange]}
        />
      </ProForm.Group>
      <ProForm.Item name="regionCode" label={t('gig.region')} rules={required(t('gig.region'))}>
        <RegionField id="gig-region" />
      </ProForm.Item>
      <ProFormText
        name="place"
        label={t('labour.posting.place')}
        rules={[...required(t('labour.posting.place')), { max: 200 }]}
        fieldProps={{ id: 'gig-place' }}
      />
      <ProFormTextArea
        name="requirements"
        label={t('labour.posting.requirements')}
        rules={[{ max: 1000 }]}
        fieldProps={{ id: 'gig-requirements', rows: 2 }}
      />
      <ProFormText
        name="contact"
        label={t('labour.posting.contact')}
        rules={[...required(t('labour.posting.contact')), { max: 100 }]}
        fieldProps={{ id: 'gig-contact' }}
      />
      <ProForm.Group>
        <ProFormText
          name="validFrom"
          label={label.from}
          rules={required(label.from)}
          fieldProps={{ id: 'gig-from', type: 'date' }}
        />
        <ProFormText
          name="validTo"
          label={label.to}
          dependencies={['validFrom']}
          rules={[...required(label.to), validity]}
          fieldProps={{ id: 'gig-to', type: 'date' }}
        />
      </ProForm.Group>
      <ErrorAlert error={submit.error} />
    </ModalForm>
  );
}

/** Registers a person at the station as a gig worker, found by ID number, with their skills. */
export function RegisterWorkerForm({ url, onRegistered }: { url: string; onRegistered: () => void }) {
  const { t } = useTranslation();
  const required = useRequired();
  const submit = useSubmit();
  return (
    <ModalForm<{ idNumber: string; skills?: string }>
      title={t('gig.registerWorker')}
      trigger={<Button data-testid="register-worker">{t('gig.registerWorker')}</Button>}
      modalProps={{ destroyOnHidden: true }}
      submitter={{ submitButtonProps: { id: 'worker-submit' } }}
      onFinish={async (v) => {
        const done = await submit.run(async () => {
          const found = await api<{ people: { id: string }[] }>(
            'GET',
            `/api/v1/people${query({ idNumber: v.idNumber.trim().toUpperCase() })}`,
          );
          const personId = found.people[0]?.id;
          if (!personId) throw new ApiError(404, 'PERSON_NOT_FOUND', t('gig.personNotFound'), 'personId');
          return api('PUT', `${url}/workers`, {
            personId,
            skills: v.skills?.trim() ?? '',
            registeredOn: todayInShanghai(),
          });
        });
        if (done) onRegistered();
        return done !== undefined;
      }}
    >
      <ProFormText
        name="idNumber"
        label={t('gig.idNumber')}
        rules={[...required(t('gig.idNumber')), { len: 18 }]}
        fieldProps={{ id: 'worker-id-number', maxLength: 18 }}
      />
      <ProFormTextArea
        name="skills"
        label={t('gig.skills')}
        rules={[{ max: 500 }]}
        fieldProps={{ id: 'worker-skills', rows: 2 }}
      />
      <ErrorAlert error={submit.error} />
    </ModalForm>
  );
}

/** A civil date some days on, computed on the calendar, not the clock. */
export function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
