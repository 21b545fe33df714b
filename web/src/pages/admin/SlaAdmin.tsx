/** 时限规则: sign-by and handle-by times per type, urgency and category; the most specific match wins. */
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TICKET_TYPES, URGENCIES } from '../../../../common/enums.ts';
import { adminApi, type SlaPolicy } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import { flattenTree, useCategories } from '../../api/reference.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { CategoryCascader } from '../../components/pickers.tsx';
import { useWrite } from '../../hooks/useWrite.ts';
import { FormModal, useRules } from './FormModal.tsx';

type Policy = SlaPolicy;

export function SlaAdmin() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const rules = useRules();
  const categories = useCategories();
  const catName = (id: number | null) =>
    id ? (flattenTree(categories.data ?? []).find((c) => c.id === id)?.pathName ?? String(id)) : t('admin.any');
  const [editing, setEditing] = useState<Partial<Policy> | null>(null);
  const query = useQuery({ queryKey: keys.admin.sla, queryFn: adminApi.sla.list });
  const invalidate = [keys.admin.sla];
  const remove = useWrite(adminApi.sla.remove, { invalidate, success: t('common.deleted'), isMessageOnError: true });
  const save = useWrite((v: { id?: number; body: Record<string, unknown> }) => adminApi.sla.save(v.id, v.body), { invalidate });
  const handle = (p: Policy) => `${p.handleAmount} ${t(`enums.handleUnit.${p.handleUnit}`)}`;
  return (
    <Card size="small">
      <Space style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          onClick={() =>
            setEditing({
              handleUnit: 'working_days',
              callbackWorkingDays: 2,
              atRiskRatio: 0.8,
              isActive: true,
              ticketType: null,
              urgency: null,
              categoryId: null,
            })
          }
        >
          {t('common.create')}
        </Button>
        <ExportButton
          filename={t('admin.sla')}
          fetchRows={async () => query.data ?? []}
          columns={[
            { header: t('admin.policyName'), width: 24, value: (p: Policy) => p.name },
            { header: t('admin.ticketType'), value: (p: Policy) => (p.ticketType ? t(`enums.type.${p.ticketType}`) : t('admin.any')) },
            { header: t('admin.urgency'), value: (p: Policy) => (p.urgency ? t(`enums.urgency.${p.urgency}`) : t('admin.any')) },
            { header: t('admin.category'), width: 30, value: (p: Policy) => catName(p.categoryId) },
            { header: t('admin.signHours'), value: (p: Policy) => p.signWorkingHours },
            { header: t('admin.handleAmount'), value: handle },
            { header: t('admin.callbackDays'), value: (p: Policy) => p.callbackWorkingDays },
          ]}
        />
      </Space>
      {query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Policy>
          rowKey="id"
          size="small"
          loading={query.isLoading}
          dataSource={query.data ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('admin.policyName'), dataIndex: 'name' },
            { title: t('admin.ticketType'), dataIndex: 'ticketType', render: (v) => (v ? t(`enums.type.${v}`) : t('admin.any')) },
            { title: t('admin.urgency'), dataIndex: 'urgency', render: (v) => (v ? t(`enums.urgency.${v}`) : t('admin.any')) },
            { title: t('admin.category'), dataIndex: 'categoryId', render: catName },
            { title: t('admin.signHours'), dataIndex: 'signWorkingHours' },
            { title: t('admin.handleAmount'), render: (_, p) => handle(p) },
            { title: t('admin.callbackDays'), dataIndex: 'callbackWorkingDays' },
            {
              title: t('common.active'),
              dataIndex: 'isActive',
              render: (v) => (v ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
            },
            {
              title: t('common.actions'),
              render: (_, p) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(p)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutate(p.id)}>
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
      <FormModal<Partial<Policy>>
        open={!!editing}
        title={editing?.id ? t('common.edit') : t('common.create')}
        initialValues={editing ?? {}}
        onCancel={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = { ...v, ticketType: v.ticketType ?? null, urgency: v.urgency ?? null, categoryId: v.categoryId ?? null };
          // A rule without a category times every order no narrower rule covers: saved only when the admin says so.
          const isNewlyEverywhere = body.categoryId === null && (!editing?.id || editing.categoryId !== null);
          if (
            isNewlyEverywhere &&
            !(await new Promise<boolean>((resolve) =>
              modal.confirm({
                title: t('admin.slaEveryCategoryTitle'),
                content: t('admin.slaEveryCategory'),
                okText: t('admin.slaEveryCategoryOk'),
                onOk: () => resolve(true),
                onCancel: () => resolve(false),
              }),
            ))
          )
            return;
          await save.mutateAsync({ id: editing?.id, body });
          message.success(t('common.saved'));
          setEditing(null);
        }}
      >
        <Form.Item name="name" label={t('admin.policyName')} rules={[rules.required('admin.policyName')]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="ticketType" label={t('admin.ticketType')}>
            <Select
              allowClear
              placeholder={t('admin.any')}
              style={{ width: 150 }}
              options={TICKET_TYPES.map((v) => ({ value: v, label: t(`enums.type.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="urgency" label={t('admin.urgency')}>
            <Select
              allowClear
              placeholder={t('admin.any')}
              style={{ width: 120 }}
              options={URGENCIES.map((v) => ({ value: v, label: t(`enums.urgency.${v}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="categoryId" label={t('admin.category')}>
          <CategoryCascader placeholder={t('admin.any')} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="signWorkingHours" label={t('admin.signHours')} rules={[rules.required('admin.signHours')]}>
            <InputNumber min={0.5} max={1000} step={0.5} />
          </Form.Item>
          <Form.Item name="handleAmount" label={t('admin.handleAmount')} rules={[rules.required('admin.handleAmount')]}>
            <InputNumber min={0.5} max={10000} step={0.5} />
          </Form.Item>
          <Form.Item name="handleUnit" label={t('admin.handleUnit')}>
            <Select
              style={{ width: 130 }}
              options={(['working_days', 'clock_hours'] as const).map((v) => ({ value: v, label: t(`enums.handleUnit.${v}`) }))}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="callbackWorkingDays" label={t('admin.callbackDays')}>
            <InputNumber min={0.5} max={365} />
          </Form.Item>
          <Form.Item name="atRiskRatio" label={t('admin.atRiskRatio')}>
            <InputNumber min={0.05} max={0.95} step={0.05} />
          </Form.Item>
          <Form.Item name="isActive" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </FormModal>
    </Card>
  );
}
