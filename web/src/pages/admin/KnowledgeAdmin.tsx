/** 知识库编辑: answers with owner unit, keywords and validity dates; drafts stay unpublished. */
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import { adminApi } from '../../api/admin.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { KnowledgeSummary } from '../../api/types.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { CategoryCascader, UnitSelect } from '../../components/pickers.tsx';
import { Pager } from '../../components/TicketTable.tsx';
import { fetchAllPages } from '../../api/pages.ts';
import { useCursorList } from '../../hooks/useCursorList.ts';
import { formatDate } from '../../lib/format.ts';
import { useWrite } from '../../hooks/useWrite.ts';
import { FormModal, useRules } from './FormModal.tsx';

interface Values {
  title: string;
  content: string;
  categoryId?: number | null;
  unitId?: number | null;
  keywords?: string[];
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  isPublished?: boolean;
}

export function KnowledgeAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ id?: number; values: Partial<Values> } | null>(null);
  const filters = { q: q || undefined, includeExpired: true, includeUnpublished: true };
  const list = useCursorList<KnowledgeSummary>(keys.admin.knowledge, adminApi.knowledge.path, filters);
  const invalidate = [keys.admin.knowledge, keys.knowledge.all];
  const remove = useWrite(adminApi.knowledge.remove, { invalidate, success: t('common.deleted'), isMessageOnError: true });
  const save = useWrite((v: { id?: number; body: Record<string, unknown> }) => adminApi.knowledge.save(v.id, v.body), { invalidate });
  async function edit(id: number) {
    try {
      const item = await adminApi.knowledge.get(id);
      setEditing({
        id,
        values: { ...item, validFrom: item.validFrom ? dayjs(item.validFrom) : null, validTo: item.validTo ? dayjs(item.validTo) : null },
      });
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('common.keyword')}
          placeholder={t('common.keyword')}
          allowClear
          style={{ width: 240 }}
          onSearch={setQ}
        />
        <Button type="primary" onClick={() => setEditing({ values: { isPublished: true, keywords: [] } })}>
          {t('common.create')}
        </Button>
        <ExportButton
          filename={t('admin.knowledge')}
          fetchRows={() => fetchAllPages<KnowledgeSummary>(adminApi.knowledge.path, filters)}
          columns={[
            { header: t('admin.kTitle'), width: 40, value: (k: KnowledgeSummary) => k.title },
            { header: t('admin.category'), width: 30, value: (k: KnowledgeSummary) => k.categoryPathName },
            { header: t('admin.unit'), width: 20, value: (k: KnowledgeSummary) => k.unitName },
            { header: t('admin.validFrom'), value: (k: KnowledgeSummary) => k.validFrom },
            { header: t('admin.validTo'), value: (k: KnowledgeSummary) => k.validTo },
            { header: t('admin.published'), value: (k: KnowledgeSummary) => (k.isPublished ? t('common.yes') : t('common.no')) },
          ]}
        />
      </Space>
      {list.query.error && !list.query.data ? (
        <ErrorState error={list.query.error} onRetry={() => void list.query.refetch()} />
      ) : (
        <Table<KnowledgeSummary>
          rowKey="id"
          size="small"
          loading={list.query.isFetching}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('admin.kTitle'), dataIndex: 'title' },
            { title: t('admin.category'), dataIndex: 'categoryPathName', render: (v) => v ?? '—' },
            { title: t('admin.unit'), dataIndex: 'unitName', render: (v) => v ?? '—' },
            {
              title: t('admin.validTo'),
              dataIndex: 'validTo',
              render: (v, k) => (
                <>
                  {formatDate(v)} {!k.isValid && <Tag color="red">{t('common.inactive')}</Tag>}
                </>
              ),
            },
            {
              title: t('admin.published'),
              dataIndex: 'isPublished',
              render: (v) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
            },
            {
              title: t('common.actions'),
              render: (_, k) => (
                <Space>
                  <Button size="small" onClick={() => void edit(k.id)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutate(k.id)}>
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
      <Pager pages={list} />
      <FormModal<Values>
        open={!!editing}
        width={720}
        title={editing?.id ? t('common.edit') : t('common.create')}
        initialValues={editing?.values}
        onCancel={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = {
            ...v,
            categoryId: v.categoryId ?? null,
            unitId: v.unitId ?? null,
            keywords: v.keywords ?? [],
            validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : null,
            validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
          };
          await save.mutateAsync({ id: editing?.id, body });
          message.success(t('common.saved'));
          setEditing(null);
        }}
      >
        <Form.Item
          name="title"
          label={t('admin.kTitle')}
          rules={[rules.required('admin.kTitle'), rules.max('admin.kTitle', LIMITS.titleMax)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('admin.kContent')}
          rules={[rules.required('admin.kContent'), rules.max('admin.kContent', LIMITS.contentMax)]}
        >
          <Input.TextArea rows={8} showCount maxLength={LIMITS.contentMax} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="categoryId" label={t('admin.category')}>
            <CategoryCascader style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="unitId" label={t('admin.unit')}>
            <UnitSelect includeCenter style={{ width: 280 }} />
          </Form.Item>
        </Space>
        <Form.Item name="keywords" label={t('admin.keywords')}>
          <Select mode="tags" tokenSeparators={[' ', ',', '，']} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="validFrom" label={t('admin.validFrom')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validTo" label={t('admin.validTo')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="isPublished" label={t('admin.published')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </FormModal>
    </Card>
  );
}
