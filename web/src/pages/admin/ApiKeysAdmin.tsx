/**
 * 接口与集成: API keys for the systems around the hotline (phone system, gateways, a utility's own work-order
 * system). A key in a unit role reads only its unit's events; the plain key is shown once, when it is created.
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES, UNIT_ROLES, type Role } from '../../../../common/enums.ts';
import { adminApi, type ApiKey as ApiKeyRow } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import { useUnits } from '../../api/reference.ts';
import { EmptyState, ErrorState } from '../../components/PageState.tsx';
import { UnitSelect } from '../../components/pickers.tsx';
import { formatTime } from '../../lib/format.ts';
import { useWrite } from '../../hooks/useWrite.ts';
import { FormModal, useRules } from './FormModal.tsx';

type ApiKey = ApiKeyRow;

export function ApiKeysAdmin() {
  const { t } = useTranslation();
  const rules = useRules();
  const units = useUnits();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [isCreating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const query = useQuery({
    queryKey: keys.admin.apiKeys(includeRevoked),
    queryFn: () => adminApi.apiKeys.list(includeRevoked),
  });
  const invalidate = [keys.admin.apiKeys()];
  const revoke = useWrite(adminApi.apiKeys.revoke, { invalidate, success: t('integrations.revokedDone'), isMessageOnError: true });
  const create = useWrite(adminApi.apiKeys.create, { invalidate });
  const unitName = (id: number | null) => (id === null ? null : (units.data?.find((u) => u.id === id)?.name ?? `#${id}`));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={t('integrations.keys')} data-testid="api-keys-admin">
        <Space style={{ marginBottom: 12 }} wrap>
          <Button type="primary" onClick={() => setCreating(true)} data-testid="api-key-create">
            {t('integrations.newKey')}
          </Button>
          <Space size={6}>
            <Switch size="small" checked={includeRevoked} onChange={setIncludeRevoked} aria-label={t('integrations.showRevoked')} />
            {t('integrations.showRevoked')}
          </Space>
        </Space>
        {query.error ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<ApiKey>
            rowKey="id"
            size="small"
            loading={query.isLoading}
            dataSource={query.data ?? []}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: <EmptyState description={t('integrations.noKeys')} /> }}
            onRow={(k) => ({ 'data-testid': 'api-key', 'data-name': k.name }) as never}
            columns={[
              { title: t('integrations.name'), dataIndex: 'name' },
              { title: t('integrations.prefix'), dataIndex: 'prefix', render: (v: string) => <span className="lx-mono">{v}…</span> },
              { title: t('admin.role'), dataIndex: 'role', render: (r: Role) => <Tag>{t(`roles.${r}`)}</Tag> },
              // what the key reads: its unit's events in a unit role, every event in a centre role (see events.policy.ts)
              {
                title: t('integrations.scope'),
                dataIndex: 'unitId',
                render: (id: number | null, k) =>
                  UNIT_ROLES.includes(k.role) ? (
                    unitName(id)
                  ) : (
                    <Typography.Text type="secondary">{t('integrations.wholeCity')}</Typography.Text>
                  ),
              },
              { title: t('admin.createdAt'), dataIndex: 'createdAt', width: 150, render: formatTime },
              {
                title: t('common.actions'),
                width: 110,
                render: (_, k) =>
                  k.revokedAt ? (
                    <Tag>{t('integrations.revoked')}</Tag>
                  ) : (
                    <Popconfirm title={t('integrations.revokeConfirm', { name: k.name })} onConfirm={() => revoke.mutate(k.id)}>
                      <Button size="small" danger>
                        {t('integrations.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('integrations.howTo')}>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('integrations.auth')} <span className="lx-mono">Authorization: Bearer lx_…</span>
        </Typography.Paragraph>
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          <li>
            <span className="lx-mono">POST /api/v1/tickets</span> — {t('integrations.intake')}
          </li>
          <li>
            <span className="lx-mono">GET /api/v1/events?after=…</span> — {t('integrations.events')}
          </li>
          <li>
            <span className="lx-mono">POST /api/v1/calls/import</span> — {t('integrations.calls')}
          </li>
          <li>
            <span className="lx-mono">/open311/v2</span> — Open311 GeoReport v2
          </li>
          <li>
            NATS JetStream <span className="lx-mono">lianxin.&lt;topic&gt;</span> — {t('integrations.nats')}
          </li>
        </ul>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('integrations.docs')}{' '}
          <a href="/api/docs" target="_blank" rel="noreferrer">
            /api/docs
          </a>
        </Typography.Paragraph>
      </Card>
      <FormModal<{ name: string; role: Role; unitId?: number | null }>
        open={isCreating}
        title={t('integrations.newKey')}
        initialValues={{ role: 'agent' }}
        onCancel={() => setCreating(false)}
        onSubmit={async (v) => {
          const key = await create.mutateAsync({ name: v.name, role: v.role, unitId: v.unitId ?? null });
          setCreating(false);
          setCreated({ name: key.name, key: key.key });
        }}
      >
        <Form.Item
          name="name"
          label={t('integrations.name')}
          extra={t('integrations.nameHelp')}
          rules={[rules.required('integrations.name')]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('admin.role')} extra={t('integrations.roleHelp')} rules={[rules.required('admin.role')]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('integrations.scope')} extra={t('integrations.scopeHelp')}>
          <UnitSelect />
        </Form.Item>
      </FormModal>
      <Modal
        open={!!created}
        title={t('integrations.createdTitle', { name: created?.name ?? '' })}
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon title={t('integrations.shownOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: created?.key }} className="lx-mono" data-testid="api-key-plain">
          {created?.key}
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}
