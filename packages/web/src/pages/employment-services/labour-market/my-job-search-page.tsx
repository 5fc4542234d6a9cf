import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { todayInShanghai, yuanToFen } from '../../../components/format.js';
import { RegionSelect } from '../../../components/regions.js';
import { useLoad } from '../../../components/use-load.js';
import { useSubmit } from '../../../components/use-submit.js';
import { LiveEvents } from './live-events.js';
import { MyReferrals } from './my-referrals.js';
import { MatchReasons, OccupationSelect, PostingCard, type Match, type Seeker } from './labour-common.js';
import { inRange } from '../../../components/valid-values.js';
import { IsoDateInput } from '../../../components/iso-date-input.js';

interface ProfileForm {
  regionCode: string;
  occupationCodes: string[];
  payYuan: number;
  availableFrom: string;
  skills?: string;
}

/** A person's own job search (我的求职): what they want, the certificates the registry holds, and jobs that fit. */
export function MyJobSearchPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const profile = useLoad(() => api<{ seeker?: Seeker }>('GET', '/api/v1/labour-market/my-profile'), []);
  const matches = useLoad(() => api<{ matches: Match[] }>('GET', '/api/v1/labour-market/my-matches'), []);
  const save = useSubmit();
  const seeker = profile.data?.seeker;
  const submit = async (v: ProfileForm) => {
    const saved = await save.run(() =>
      api<Seeker>('PUT', '/api/v1/labour-market/my-profile', {
        regionCode: v.regionCode,
        occupationCodes: v.occupationCodes,
        payMinFen: yuanToFen(v.payYuan),
        availableFrom: v.availableFrom,
        skills: v.skills?.trim() ?? '',
      }),
    );
    if (saved) {
      void message.success(t('labour.seeker.saved'));
      profile.replace({ seeker: saved });
      matches.reload();
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('labour.seeker.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('labour.seeker.intro')}</Typography.Paragraph>
      <ErrorAlert error={profile.error} />
      {profile.loading ? null : (
        <Card size="small" title={t('labour.seeker.profile')}>
          <Form<ProfileForm>
            layout="vertical"
            style={{ maxWidth: 520 }}
            initialValues={{
              regionCode: seeker?.regionCode ?? '510104',
              occupationCodes: seeker?.occupations.map((o) => o.code) ?? [],
              payYuan: seeker ? seeker.payMinFen / 100 : 4000,
              availableFrom: seeker?.availableFrom ?? todayInShanghai(),
              skills: seeker?.skills ?? '',
            }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item label={t('labour.seeker.region')} name="regionCode" rules={[{ required: true }]}>
              <RegionInput />
            </Form.Item>
            <Form.Item label={t('labour.seeker.occupations')} name="occupationCodes" rules={[{ required: true }]}>
              <OccupationSelect id="seeker-occupations" multiple />
            </Form.Item>
            <Form.Item
              label={t('labour.seeker.payMin')}
              name="payYuan"
              rules={[{ required: true }, inRange(0, 1_000_000)]}
            >
              <InputNumber id="seeker-pay" step={500} />
            </Form.Item>
            <Form.Item label={t('labour.seeker.availableFrom')} name="availableFrom" rules={[{ required: true }]}>
              <IsoDateInput id="seeker-available" />
            </Form.Item>
            <Form.Item label={t('labour.seeker.skills')} name="skills">
              <Input.TextArea id="seeker-skills" maxLength={500} rows={2} />
            </Form.Item>
            <ErrorAlert error={save.error} />
            <Button type="primary" htmlType="submit" loading={save.busy} data-testid="save-profile">
              {t('labour.seeker.save')}
            </Button>
          </Form>
        </Card>
      )}
      {seeker ? (
        <Card size="small" title={t('labour.seeker.certificates')}>
          {seeker.certificates.length === 0 ? (
            <Typography.Text>{t('labour.seeker.noCertificates')}</Typography.Text>
          ) : null}
          <Descriptions size="small" column={1}>
            {seeker.certificates.map((c, i) => (
              <Descriptions.Item key={i} label={c.occupation}>
                {c.level ? t(`labour.levels.${c.level}` as 'labour.levels.5') : ''} {c.issuedOn}
              </Descriptions.Item>
            ))}
            {seeker.unemployedSince ? (
              <Descriptions.Item label={t('labour.seeker.unemployedSince')}>{seeker.unemployedSince}</Descriptions.Item>
            ) : null}
            {seeker.assistanceCase ? (
              <Descriptions.Item label={t('labour.seeker.assistance')}>
                {t(`labour.caseKinds.${seeker.assistanceCase.kind}` as 'labour.caseKinds.graduate')}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      ) : null}
      {seeker ? <MyReferrals /> : null}
      {seeker ? <LiveEvents /> : null}
      {seeker ? (
        <>
          <Typography.Title level={4}>{t('labour.seeker.matches')}</Typography.Title>
          <ErrorAlert error={matches.error} />
          {matches.data?.matches.length === 0 ? (
            <Empty description={t('labour.seeker.noMatches')}>
              <Link to="/jobs">{t('nav.jobs')}</Link>
            </Empty>
          ) : null}
          {matches.data?.matches.map((m) =>
            m.posting ? (
              <Space key={m.posting.id} orientation="vertical" style={{ width: '100%' }} size={4}>
                <MatchReasons match={m} />
                <PostingCard posting={m.posting} />
              </Space>
            ) : null,
          )}
        </>
      ) : (
        <Alert type="info" title={t('labour.seeker.noMatches')} action={<Link to="/jobs">{t('nav.jobs')}</Link>} />
      )}
    </Space>
  );
}

function RegionInput({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  return <RegionSelect id="seeker-region" value={value ?? '510104'} onChange={(v) => onChange?.(v)} />;
}
