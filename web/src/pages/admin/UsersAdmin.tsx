/** 用户与角色: accounts, their role and unit; passwords are set once and can be reset. */
import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../common/enums.ts';
import { adminApi, type AdminUser } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { UnitSelect } from '../../components/pickers.tsx';
import { Pager } from '../../components/TicketTable.tsx';
import { fetchAllPages } from '../../api/pages.ts';
import { useCursorList } from '../../hooks/useCursorList.ts';
import { formatDate } from '../../lib/format.ts';
import { useWrite } from '../../hooks/useWrite.ts';
import { FormModal, useRules } from './FormModal.tsx';

type User = AdminUser;

export function UsersAdmin() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const rules = useRules();
  const [filters, setFilters] = useState<{ q?: string; role?: Role; unitId?: number }>({});
  const [editing, setEditing] = useState<(Partial<User> & { password?: string }) | null>(null);
  const list = useCursorList<User>(keys.admin.users, adminApi.users.path, { ...filters, includeInactive: true });
  const invalidate = [keys.admin.users];
  const resetPassword = useWrite(adminApi.users.resetPassword, {
    invalidate: [],
    isMessageOnError: true,
    onSuccess: (result) =>
      modal.info({ title: t('admin.resetPassword'), content: <span className="lx-mono">{result.temporaryPassword}</span> }),
  });
  const save = useWrite((v: { id?: number; body: Record<string, unknown> }) => adminApi.users.save(v.id, v.body), { invalidate });
  const columns = [
    { header: t('admin.username'), value: (u: User) => u.username },
    { header: t('admin.displayName'), value: (u: User) => u.displayName },
    { header: t('admin.role'), value: (u: User) => t(`roles.${u.role}`) },
    { header: t('admin.unit'), width: 30, value: (u: User) => u.unitName ?? '' },
    { header: t('admin.phone'), value: (u: User) => u.phone ?? '' },
    { header: t('common.active'), value: (u: User) => (u.isActive ? t('common.yes') : t('common.no')) },
  ];
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('common.keyword')}
          placeholder={t('common.keyword')}
          allowClear
          style={{ width: 200 }}
          onSearch={(q) => setFilters({ ...filters, q: q || undefined })}
        />
        <Select
          aria-label={t('admin.role')}
          placeholder={t('admin.role')}
          allowClear
          style={{ width: 150 }}
          value={filters.role}
          onChange={(role) => setFilters({ ...filters, role })}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <UnitSelect
          includeCenter
          aria-label={t('admin.unit')}
          placeholder={t('admin.unit')}
          style={{ width: 220 }}
          value={filters.unitId}
          onChange={(unitId: number | null) => setFilters({ ...filters, unitId: unitId ?? undefined })}
        />
        <Button type="primary" onClick={() => setEditing({ role: 'agent', isActive: true })}>
          {t('common.create')}
        </Button>
        <ExportButton
          filename={t('admin.users')}
          columns={columns}
          fetchRows={() => fetchAllPages<User>(adminApi.users.path, { ...filters, includeInactive: true })}
        />
      </Space>
      {list.query.error && !list.query.data ? (
        <ErrorState error={list.query.error} onRetry={() => void list.query.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          size="small"
          loading={list.query.isFetching}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('admin.username'), dataIndex: 'username' },
            { title: t('admin.displayName'), dataIndex: 'displayName' },
            { title: t('admin.role'), dataIndex: 'role', render: (r) => <Tag>{t(`roles.${r}`)}</Tag> },
            { title: t('admin.unit'), dataIndex: 'unitName', render: (v) => v ?? '—' },
            {
              title: t('common.active'),
              dataIndex: 'isActive',
              render: (v) => (v ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
            },
            { title: t('admin.createdAt'), dataIndex: 'createdAt', render: formatDate },
            {
              title: t('common.actions'),
              render: (_, u) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(u)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm title={`${t('admin.resetPassword')}?`} onConfirm={() => resetPassword.mutate(u.id)}>
                    <Button size="small">{t('admin.resetPassword')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <Pager pages={list} />
      <FormModal<Partial<User> & { password?: string }>
        open={!!editing}
        title={editing?.id ? t('common.edit') : t('common.create')}
        initialValues={editing ?? {}}
        onCancel={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = editing?.id
            ? { displayName: v.displayName, role: v.role, unitId: v.unitId ?? null, phone: v.phone || null, isActive: v.isActive }
            : {
                username: v.username,
                displayName: v.displayName,
                password: v.password,
                role: v.role,
                unitId: v.unitId ?? null,
                phone: v.phone || null,
              };
          await save.mutateAsync({ id: editing?.id, body });
          message.success(t('common.saved'));
          setEditing(null);
        }}
      >
        {!editing?.id && (
          <Form.Item name="username" label={t('admin.username')} rules={[rules.required('admin.username')]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('admin.displayName')} rules={[rules.required('admin.displayName')]}>
          <Input />
        </Form.Item>
        {!editing?.id && (
          <Form.Item name="password" label={t('admin.password')} rules={[rules.required('admin.password'), { min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('admin.role')} rules={[rules.required('admin.role')]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('admin.unit')}>
          <UnitSelect includeCenter />
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
