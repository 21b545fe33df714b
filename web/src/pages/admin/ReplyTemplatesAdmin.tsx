/** 答复模板: the wording units start their replies from; listed by category, added, changed, retired and put back. */
import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../../api/keys.ts';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import { adminApi } from '../../api/admin.ts';
import type { ReplyTemplate as Template } from '../../api/insight.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { CategoryCascader } from '../../components/pickers.tsx';
import { formatTime } from '../../lib/format.ts';
import { useWrite } from '../../hooks/useWrite.ts';
import { FormModal, useRules } from './FormModal.tsx';

interface Values {
  title: string;
  content: string;
  categoryId?: number | null;
}

export function ReplyTemplatesAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [isShowingRetired, setShowingRetired] = useState(false);
  const [editing, setEditing] = useState<{ id?: number; values: Partial<Values> } | null>(null);
  const list = useQuery({
    queryKey: keys.admin.replyTemplates(categoryId, isShowingRetired),
    queryFn: () => adminApi.replyTemplates.list({ categoryId, includeRetired: isShowingRetired || undefined }),
  });
  // the admin list and the templates offered on the reply form
  const invalidate = [keys.admin.replyTemplates(), keys.replyTemplates()];
  const save = useWrite((v: { id?: number; body: Record<string, unknown> }) => adminApi.replyTemplates.save(v.id, v.body), { invalidate });
  const activate = useWrite(
    (v: { template: Template; isActive: boolean }) => adminApi.replyTemplates.save(v.template.id, { isActive: v.isActive }),
    {
      invalidate,
      isMessageOnError: true,
      onSuccess: (_result, { template, isActive }) =>
        message.success(t(isActive ? 'replyTemplates.restored' : 'replyTemplates.retired', { title: template.title })),
    },
  );
  const words = q.trim().toLowerCase();
  const shown = (list.data ?? []).filter(
    (r) => !words || `${r.title} ${r.content} ${r.categoryPathName ?? ''}`.toLowerCase().includes(words),
  );
  const setActive = (template: Template, isActive: boolean) => activate.mutateAsync({ template, isActive }).catch(() => undefined);
  return (
    <Card size="small" data-testid="templates-admin">
      <Space wrap style={{ marginBottom: 12 }}>
        <CategoryCascader
          aria-label={t('ticket.category')}
          placeholder={t('ticket.category')}
          style={{ width: 240 }}
          value={categoryId}
          onChange={(v) => setCategoryId(v ?? undefined)}
        />
        <Input.Search
          aria-label={t('common.keyword')}
          placeholder={t('common.keyword')}
          allowClear
          style={{ width: 220 }}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ('')}
        />
        <Space size={6}>
          <Switch size="small" checked={isShowingRetired} onChange={setShowingRetired} aria-label={t('replyTemplates.showRetired')} />
          {t('replyTemplates.showRetired')}
        </Space>
        <Button type="primary" onClick={() => setEditing({ values: { categoryId: categoryId ?? null } })} data-testid="templates-add">
          {t('common.create')}
        </Button>
        <ExportButton
          filename={t('admin.templates')}
          fetchRows={async () => shown}
          columns={[
            { header: t('replyTemplates.title'), width: 30, value: (r: Template) => r.title },
            { header: t('ticket.category'), width: 36, value: (r: Template) => r.categoryPathName ?? t('replyTemplates.anyCategory') },
            { header: t('replyTemplates.content'), width: 80, value: (r: Template) => r.content },
            { header: t('ticket.status'), value: (r: Template) => (r.isActive ? t('common.active') : t('common.inactive')) },
          ]}
        />
      </Space>
      {categoryId && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('replyTemplates.filterHint')}
        </Typography.Paragraph>
      )}
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Template>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={shown}
          data-testid="templates-table"
          pagination={{ pageSize: 30, showSizeChanger: false, showTotal: (n) => t('desks.total', { count: n }) }}
          onRow={(r) => ({ 'data-template-id': r.id }) as React.HTMLAttributes<HTMLElement>}
          expandable={{
            expandedRowRender: (r) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.content}</Typography.Paragraph>
            ),
          }}
          columns={[
            { title: t('replyTemplates.title'), dataIndex: 'title', width: 220 },
            {
              title: t('ticket.category'),
              dataIndex: 'categoryPathName',
              width: 240,
              render: (v) => v ?? <Tag>{t('replyTemplates.anyCategory')}</Tag>,
            },
            { title: t('replyTemplates.content'), dataIndex: 'content', ellipsis: true },
            {
              title: t('ticket.status'),
              dataIndex: 'isActive',
              width: 80,
              render: (v) => (v ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
            },
            { title: t('ticket.updatedAt'), dataIndex: 'updatedAt', width: 150, render: formatTime },
            {
              title: t('common.actions'),
              width: 150,
              render: (_, r) => (
                <Space>
                  <Button size="small" onClick={() => setEditing({ id: r.id, values: r })} data-testid="templates-edit">
                    {t('common.edit')}
                  </Button>
                  {r.isActive ? (
                    <Popconfirm title={t('replyTemplates.retireConfirm', { title: r.title })} onConfirm={() => setActive(r, false)}>
                      <Button size="small" danger data-testid="templates-retire">
                        {t('desks.retire')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" onClick={() => void setActive(r, true)} data-testid="templates-restore">
                      {t('replyTemplates.restore')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <FormModal<Values>
        open={!!editing}
        width={720}
        title={editing?.id ? t('common.edit') : t('common.create')}
        initialValues={editing?.values}
        onCancel={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = { title: v.title, content: v.content, categoryId: v.categoryId ?? null };
          await save.mutateAsync({ id: editing?.id, body });
          message.success(t('common.saved'));
          setEditing(null);
        }}
      >
        <Form.Item
          name="title"
          label={t('replyTemplates.title')}
          rules={[rules.required('replyTemplates.title'), rules.max('replyTemplates.title', LIMITS.titleMax)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="categoryId" label={t('ticket.category')} extra={t('replyTemplates.categoryHint')}>
          <CategoryCascader aria-label={t('ticket.category')} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('replyTemplates.content')}
          extra={t('replyTemplates.contentHint')}
          rules={[rules.required('replyTemplates.content'), rules.max('replyTemplates.content', LIMITS.replyMax)]}
        >
          <Input.TextArea rows={8} showCount maxLength={LIMITS.replyMax} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
