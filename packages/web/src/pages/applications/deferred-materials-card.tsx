import { App, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { Application, DeferredMaterial } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { pick } from '../../components/format.js';
import { useSession } from '../../session/session.js';

const COLOR: Record<DeferredMaterial['state'], string> = {
  promised: 'orange',
  supplied: 'blue',
  checked: 'green',
  lapsed: 'red',
};

/**
 * 容缺受理 (decision 026): the materials promised at filing, each with its state and last day, for
 * the applicant and staff alike; a clerk checks each one supplied (accepted, or sent back with why).
 */
export function DeferredMaterialsCard({
  application,
  onDone,
}: {
  application: Application;
  onDone: (a: Application) => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const [refusing, setRefusing] = useState<number>();
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const items = application.deferredMaterials ?? [];
  const open = items.some((d) => d.state === 'promised' || d.state === 'supplied');

  const check = async (material: number, outcome: 'accepted' | 'refused') => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await api<Application>(
        'POST',
        `/api/v1/applications/${application.id}/deferred-materials/${material}/check`,
        outcome === 'refused' ? { outcome, note: note.trim() } : { outcome },
      );
      void message.success(t('facts.deferred.checked'));
      setRefusing(undefined);
      setNote('');
      onDone(next);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('facts.deferred.title')} size="small" data-testid="deferred-materials">
      <ErrorAlert error={error} />
      <List
        size="small"
        dataSource={items}
        renderItem={(d) => (
          <List.Item
            actions={
              d.state === 'supplied' && can('application:accept')
                ? refusing === d.material
                  ? [
                      <Space key="r">
                        <Input
                          size="small"
                          value={note}
                          onChange={(e) => setNote(e.target.value)}
                          placeholder={t('facts.deferred.refuseNote')}
                          maxLength={500}
                        />
                        <Button
                          size="small"
                          danger
                          disabled={!note.trim()}
                          loading={busy}
                          onClick={() => void check(d.material, 'refused')}
                        >
                          {t('actions.confirm')}
                        </Button>
                      </Space>,
                    ]
                  : [
                      <Button
                        key="a"
                        size="small"
                        type="primary"
                        loading={busy}
                        data-testid={`deferred-accept-${d.material}`}
                        onClick={() => void check(d.material, 'accepted')}
                      >
                        {t('facts.deferred.accept')}
                      </Button>,
                      <Button key="r" size="small" onClick={() => setRefusing(d.material)}>
                        {t('facts.deferred.refuse')}
                      </Button>,
                    ]
                : []
            }
          >
            <Space orientation="vertical" size={0}>
              <Space wrap>
                <Typography.Text>
                  {d.material + 1}. {pick(d.name, i18n.language)}
                </Typography.Text>
                <Tag color={COLOR[d.state]}>{t(`facts.deferred.states.${d.state}`)}</Tag>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('facts.deferred.dueOn')}: {d.dueOn}
                {d.checkNote ? ` · ${d.checkNote}` : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {open ? (
        <Typography.Text type="secondary">
          {can('application:own') ? t('facts.deferred.supplyHint') : t('facts.deferred.gate')}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
