/** 诉求分类: the three-level tree; add a child, rename, deactivate or delete. */
import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import { flattenTree } from '../../api/reference.ts';
import type { Category } from '../../api/types.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { useWrite } from '../../hooks/useWrite.ts';
import { FormModal, useRules } from './FormModal.tsx';

type Editing = Partial<Category> & { parentName?: string };

export function CategoriesAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const [editing, setEditing] = useState<Editing | null>(null);
  const query = useQuery({ queryKey: keys.admin.categories, queryFn: adminApi.categories.tree });
  const invalidate = [keys.admin.categories, keys.ref.categories];
  const remove = useWrite(adminApi.categories.remove, { invalidate, success: t('common.deleted'), isMessageOnError: true });
  const save = useWrite((v: { id?: number; body: Record<string, unknown> }) => adminApi.categories.save(v.id, v.body), { invalidate });
  const strip = (nodes: Category[]): Category[] =>
    nodes.map((n) => ({ ...n, children: n.children?.length ? strip(n.children) : undefined }));
  return (
    <Card size="small">
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setEditing({ parentId: null })}>
          {t('common.create')}
        </Button>
        <ExportButton
          filename={t('admin.categories')}
          fetchRows={async () => flattenTree(query.data ?? [])}
          columns={[
            { header: t('common.code'), value: (c: Category) => c.code },
            { header: t('admin.level'), value: (c: Category) => c.level },
            { header: t('common.name'), width: 50, value: (c: Category) => c.pathName ?? c.name },
            { header: t('common.active'), value: (c: Category) => (c.isActive === false ? t('common.no') : t('common.yes')) },
          ]}
        />
      </Space>
      {query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Category>
          rowKey="id"
          size="small"
          loading={query.isLoading}
          dataSource={strip(query.data ?? [])}
          pagination={{ pageSize: 30, showSizeChanger: false }}
          columns={[
            { title: t('common.name'), dataIndex: 'name' },
            { title: t('common.code'), dataIndex: 'code', width: 140 },
            { title: t('admin.level'), dataIndex: 'level', width: 70 },
            {
              title: t('common.active'),
              dataIndex: 'isActive',
              width: 80,
              render: (v) => (v === false ? <Tag>{t('common.inactive')}</Tag> : <Tag color="green">{t('common.active')}</Tag>),
            },
            {
              title: t('common.actions'),
              width: 220,
              render: (_, c) => (
                <Space>
                  {c.level < 3 && (
                    <Button size="small" onClick={() => setEditing({ parentId: c.id, parentName: c.name })}>
                      + {t('common.create')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => setEditing(c)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutate(c.id)}>
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
      <FormModal<Editing>
        open={!!editing}
        title={editing?.id ? t('common.edit') : `${t('common.create')}${editing?.parentName ? ` · ${editing.parentName}` : ''}`}
        initialValues={editing ?? {}}
        onCancel={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = editing?.id
            ? { code: v.code, name: v.name, isActive: v.isActive }
            : { code: v.code, name: v.name, parentId: editing?.parentId ?? null };
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
        {editing?.id ? (
          <Form.Item name="isActive" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </FormModal>
    </Card>
  );
}
