/** 单位管理: the unit tree with kinds, regions and assessment groups. */
import { useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS } from '../../../../common/enums.ts';
import { adminApi } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import type { Unit } from '../../api/types.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { RegionSelect, UnitSelect } from '../../components/pickers.tsx';
import { useWrite } from '../../hooks/useWrite.ts';
import { FormModal, useRules } from './FormModal.tsx';

export function UnitsAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Partial<Unit> | null>(null);
  const query = useQuery({ queryKey: keys.admin.units, queryFn: adminApi.units.list });
  const byId = useMemo(() => new Map((query.data ?? []).map((u) => [u.id, u])), [query.data]);
  const rows = (query.data ?? []).filter((u) => !q || u.name.includes(q) || u.code.includes(q));
  const invalidate = [keys.admin.units, keys.ref.units];
  const remove = useWrite(adminApi.units.remove, { invalidate, success: t('common.deleted'), isMessageOnError: true });
  const save = useWrite((v: { id?: number; body: Record<string, unknown> }) => adminApi.units.save(v.id, v.body), { invalidate });
  const columns = [
    { header: t('common.code'), value: (u: Unit) => u.code },
    { header: t('common.name'), width: 30, value: (u: Unit) => u.name },
    { header: t('admin.kind'), value: (u: Unit) => t(`enums.unitKind.${u.kind}`) },
    { header: t('common.parent'), width: 30, value: (u: Unit) => (u.parentId ? byId.get(u.parentId)?.name : '') },
    { header: t('admin.phone'), value: (u: Unit) => u.phone ?? '' },
  ];
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('common.keyword')}
          placeholder={t('common.keyword')}
          allowClear
          onSearch={setQ}
          style={{ width: 220 }}
        />
        <Button type="primary" onClick={() => setEditing({ kind: 'department', isActive: true })}>
          {t('common.create')}
        </Button>
        <ExportButton filename={t('admin.units')} columns={columns} fetchRows={async () => rows} />
      </Space>
      {query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Unit>
          rowKey="id"
          size="small"
          loading={query.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('common.code'), dataIndex: 'code', width: 120 },
            { title: t('common.name'), dataIndex: 'name' },
            { title: t('admin.kind'), dataIndex: 'kind', width: 120, render: (v) => t(`enums.unitKind.${v}`) },
            { title: t('common.parent'), dataIndex: 'parentId', render: (v) => (v ? byId.get(v)?.name : '—') },
            {
              title: t('common.active'),
              dataIndex: 'isActive',
              width: 80,
              render: (v) => (v === false ? <Tag>{t('common.inactive')}</Tag> : <Tag color="green">{t('common.active')}</Tag>),
            },
            {
              title: t('common.actions'),
              width: 140,
              render: (_, u) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(u)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutate(u.id)}>
                    <Button size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <FormModal<Partial<Unit>>
        open={!!editing}
        title={editing?.id ? t('common.edit') : t('common.create')}
        initialValues={editing ?? {}}
        onCancel={() => setEditing(null)}
        onSubmit={async (values) => {
          const body = { ...values, phone: values.phone || null };
          await save.mutateAsync({ id: editing?.id, body });
          message.success(t('common.saved'));
          setEditing(null);
        }}
      >
        <Form.Item name="code" label={t('common.code')} rules={[rules.required('common.code')]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[rules.required('common.name'), rules.max('common.name', 100)]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.kind')} rules={[rules.required('admin.kind')]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`enums.unitKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('common.parent')}>
          <UnitSelect includeCenter excludeIds={editing?.id ? [editing.id] : []} />
        </Form.Item>
        <Form.Item name="regionId" label={t('admin.region')}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="peerGroup" label={t('admin.peerGroup')}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('admin.phone')}>
          <Input />
        </Form.Item>
        {editing?.id ? (
          <Form.Item name="isActive" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </FormModal>
    </Card>
  );
}
