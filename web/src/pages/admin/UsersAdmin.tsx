/** 用户与角色: accounts, their role and unit; passwords are set once and can be reset. */
import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../common/enums.ts';
import { api, errorMessage } from '../../api/client.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { UnitSelect } from '../../components/pickers.tsx';
import { Pager } from '../../components/TicketTable.tsx';
import { fetchAllPages, useCursorList } from '../../hooks/useCursorList.ts';
import { formatDate } from '../../lib/format.ts';
import { FormModal, useRules } from './FormModal.tsx';

interface User { id: number; username: string; displayName: string; role: Role; unitId: number | null; unitName: string | null; phone: string | null; isActive: boolean; createdAt: string }

export function UsersAdmin() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const rules = useRules();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<{ q?: string; role?: Role; unitId?: number }>({});
  const [editing, setEditing] = useState<Partial<User> & { password?: string } | null>(null);
  const list = useCursorList<User>(['admin', 'users'], '/api/v1/admin/users', { ...filters, includeInactive: true });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
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
        <Input.Search aria-label={t('common.keyword')} placeholder={t('common.keyword')} allowClear style={{ width: 200 }} onSearch={(q) => setFilters({ ...filters, q: q || undefined })} />
        <Select aria-label={t('admin.role')} placeholder={t('admin.role')} allowClear style={{ width: 150 }} value={filters.role}
          onChange={(role) => setFilters({ ...filters, role })} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <UnitSelect includeCenter aria-label={t('admin.unit')} placeholder={t('admin.unit')} style={{ width: 220 }} value={filters.unitId} onChange={(unitId: number | null) => setFilters({ ...filters, unitId: unitId ?? undefined })} />
        <Button type="primary" onClick={() => setEditing({ role: 'agent', isActive: true })}>{t('common.create')}</Button>
        <ExportButton filename={t('admin.users')} columns={columns} fetchRows={() => fetchAllPages<User>('/api/v1/admin/users', { ...filters, includeInactive: true })} />
      </Space>
      {list.query.error && !list.query.data ? <ErrorState error={list.query.error} onRetry={() => void list.query.refetch()} /> : (
        <Table<User> rowKey="id" size="small" loading={list.query.isFetching} dataSource={list.items} pagination={false} scroll={{ x: 'max-content' }} columns={[
          { title: t('admin.username'), dataIndex: 'username' },
          { title: t('admin.displayName'), dataIndex: 'displayName' },
          { title: t('admin.role'), dataIndex: 'role', render: (r) => <Tag>{t(`roles.${r}`)}</Tag> },
          { title: t('admin.unit'), dataIndex: 'unitName', render: (v) => v ?? '—' },
          { title: t('common.active'), dataIndex: 'isActive', render: (v) => (v ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
          { title: t('admin.createdAt'), dataIndex: 'createdAt', render: formatDate },
          { title: t('common.actions'), render: (_, u) => (
            <Space>
              <Button size="small" onClick={() => setEditing(u)}>{t('common.edit')}</Button>
              <Popconfirm title={`${t('admin.resetPassword')}?`} onConfirm={async () => {
                try {
                  const result = await api.post<{ temporaryPassword: string | null }>(`/api/v1/admin/users/${u.id}/reset-password`, {});
                  modal.info({ title: t('admin.resetPassword'), content: <span className="lx-mono">{result.temporaryPassword}</span> });
                } catch (err) { message.error(errorMessage(err)); }
              }}><Button size="small">{t('admin.resetPassword')}</Button></Popconfirm>
            </Space>
          ) },
        ]} />
      )}
      <Pager pages={list} />
      <FormModal<Partial<User> & { password?: string }> open={!!editing} title={editing?.id ? t('common.edit') : t('common.create')} initialValues={editing ?? {}} onCancel={() => setEditing(null)}
        onSubmit={async (v) => {
          if (editing?.id) await api.patch(`/api/v1/admin/users/${editing.id}`, { displayName: v.displayName, role: v.role, unitId: v.unitId ?? null, phone: v.phone || null, isActive: v.isActive });
          else await api.post('/api/v1/admin/users', { username: v.username, displayName: v.displayName, password: v.password, role: v.role, unitId: v.unitId ?? null, phone: v.phone || null });
          message.success(t('common.saved'));
          setEditing(null);
          refresh();
        }}>
        {!editing?.id && <Form.Item name="username" label={t('admin.username')} rules={[rules.required('admin.username')]}><Input autoComplete="off" /></Form.Item>}
        <Form.Item name="displayName" label={t('admin.displayName')} rules={[rules.required('admin.displayName')]}><Input /></Form.Item>
        {!editing?.id && <Form.Item name="password" label={t('admin.password')} rules={[rules.required('admin.password'), { min: 8 }]}><Input.Password autoComplete="new-password" /></Form.Item>}
        <Form.Item name="role" label={t('admin.role')} rules={[rules.required('admin.role')]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('admin.unit')}><UnitSelect includeCenter /></Form.Item>
        <Form.Item name="phone" label={t('admin.phone')}><Input /></Form.Item>
        {editing?.id ? <Form.Item name="isActive" label={t('common.active')} valuePropName="checked"><Switch /></Form.Item> : null}
      </FormModal>
    </Card>
  );
}
