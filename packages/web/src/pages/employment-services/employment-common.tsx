import { Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useRegionName } from '../../components/regions.js';
import { useSubmit } from '../../components/use-submit.js';

/** What the employment-services routes answer, from the generated API types. */
type Json<R extends { content: { 'application/json': unknown } }> = R['content']['application/json'];
export type RegistrationRow = Json<
  paths['/api/v1/employment-services/registrations']['get']['responses'][200]
>['registrations'][number];
export type Registration = Json<
  paths['/api/v1/employment-services/my-registrations']['get']['responses'][200]
>['registrations'][number];
export type Certification = Json<
  paths['/api/v1/employment-services/certifications']['get']['responses'][200]
>['certifications'][number];
export type AssistanceCase = Json<paths['/api/v1/employment-services/cases']['get']['responses'][200]>['cases'][number];
export type Households = Json<paths['/api/v1/employment-services/households']['get']['responses'][200]>;
type People = Json<paths['/api/v1/people']['get']['responses'][200]>;
export type FoundPerson = People['people'][number];

/** Today in Asia/Shanghai, as the server counts days. */
export function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Finds a person in the registry by ID number, and says who was found (or that nobody was). */
export function PersonLookup({ onFound }: { onFound: (person: FoundPerson | undefined) => void }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const [idNumber, setIdNumber] = useState('');
  const [found, setFound] = useState<FoundPerson | null>();
  const { run, error } = useSubmit();
  const find = async () => {
    const res = await run(() => api<People>('GET', `/api/v1/people${query({ idNumber: idNumber.trim() })}`));
    const person = res?.people[0];
    setFound(res ? (person ?? null) : undefined);
    onFound(person);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
        <Input
          id="person-id-number"
          placeholder={t('employment.person.idNumber')}
          value={idNumber}
          onChange={(e) => setIdNumber(e.target.value)}
          onPressEnter={() => void find()}
        />
        <Button data-testid="person-find" onClick={() => void find()}>
          {t('employment.person.find')}
        </Button>
      </Space.Compact>
      {found ? (
        <Typography.Text data-testid="person-found">
          {t('employment.person.found', { name: found.name, region: regionName(found.regionCode) })}
        </Typography.Text>
      ) : null}
      {found === null ? <Typography.Text type="warning">{t('employment.person.notFound')}</Typography.Text> : null}
      <ErrorAlert error={error} />
    </Space>
  );
}

/** What the latest 民政 or 乡村振兴 list says of the person's category today, in words. */
export function listCheckText(t: TFunction, c: Certification): string | undefined {
  const check = c.listCheck;
  if (!check) return undefined;
  const values = { list: t(`employment.lists.${check.dataset}`), date: check.takenOn, from: check.from, to: check.to };
  if (check.holds) return t('employment.certifications.listHolds', values);
  return t(check.to ? 'employment.certifications.listEnded' : 'employment.certifications.listNotHolds', values);
}
