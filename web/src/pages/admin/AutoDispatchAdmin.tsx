/** 自动派单: per category, dispatch without a dispatcher when the suggestion is confident enough (off by default); with the accuracy report. */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Popconfirm, Slider, Space, Switch, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createRule, deleteRule, listRules, updateRule, type AutoDispatchRule } from '../../api/insight.ts';
import { keys } from '../../api/keys.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState } from '../../components/PageState.tsx';
import { CategoryCascader } from '../../components/pickers.tsx';
import { formatTime } from '../../lib/format.ts';
import { useWrite } from '../../hooks/useWrite.ts';
import { DispatchAccuracyReport } from './DispatchAccuracyReport.tsx';
import { FormModal, useRules } from './FormModal.tsx';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function AutoDispatchAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const [isCreating, setCreating] = useState(false);
  const query = useQuery({ queryKey: keys.admin.autoDispatchRules, queryFn: async () => (await listRules()).items });
  const invalidate = [keys.admin.autoDispatchRules];
  const update = useWrite(
    (v: { rule: AutoDispatchRule; patch: { minConfidence?: number; isEnabled?: boolean } }) => updateRule(v.rule.id, v.patch),
    {
      invalidate,
      success: t('common.saved'),
      isMessageOnError: true,
    },
  );
  const change = (rule: AutoDispatchRule, patch: { minConfidence?: number; isEnabled?: boolean }) => update.mutate({ rule, patch });
  const remove = useWrite(deleteRule, { invalidate, success: t('common.deleted'), isMessageOnError: true });
  const create = useWrite(createRule, { invalidate });
  const rows = query.data ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={t('insight.autoDispatch')} data-testid="auto-dispatch-admin">
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('insight.autoDispatchHelp')} />
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setCreating(true)} data-testid="rule-create">
            {t('insight.newRule')}
          </Button>
          <ExportButton
            filename={t('insight.autoDispatch')}
            fetchRows={async () => rows}
            columns={[
              { header: t('ticket.category'), width: 40, value: (r: AutoDispatchRule) => r.categoryName },
              { header: t('insight.minConfidence'), value: (r) => pct(r.minConfidence) },
              { header: t('common.active'), value: (r) => (r.isEnabled ? t('common.yes') : t('common.no')) },
              { header: t('ticket.updatedAt'), width: 18, value: (r) => formatTime(r.updatedAt) },
            ]}
          />
        </Space>
        {query.error ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<AutoDispatchRule>
            rowKey="id"
            size="small"
            loading={query.isLoading}
            dataSource={rows}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: <EmptyState description={t('insight.noRules')} /> }}
            onRow={(r) => ({ 'data-testid': 'rule', 'data-category': r.categoryName }) as never}
            columns={[
              { title: t('ticket.category'), dataIndex: 'categoryName' },
              {
                title: t('insight.minConfidence'),
                dataIndex: 'minConfidence',
                width: 240,
                render: (v: number, r) => (
                  <InputNumber
                    size="small"
                    min={50}
                    max={100}
                    step={1}
                    value={Math.round(v * 100)}
                    suffix="%"
                    aria-label={t('insight.minConfidence')}
                    onBlur={(e) => {
                      const n = Number(e.target.value.replace('%', ''));
                      if (n >= 50 && n <= 100 && n / 100 !== v) change(r, { minConfidence: n / 100 });
                    }}
                  />
                ),
              },
              {
                title: t('insight.enabled'),
                dataIndex: 'isEnabled',
                width: 110,
                render: (v: boolean, r) => (
                  <Switch checked={v} aria-label={t('insight.enabled')} onChange={(checked) => change(r, { isEnabled: checked })} />
                ),
              },
              { title: t('ticket.updatedAt'), dataIndex: 'updatedAt', width: 150, render: formatTime },
              {
                title: t('common.actions'),
                width: 90,
                render: (_, r) => (
                  <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(r.id).catch(() => undefined)}>
                    <Button size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('insight.autoDispatchNote')}
        </Typography.Paragraph>
      </Card>
      <DispatchAccuracyReport />
      <FormModal<{ categoryId: number; minConfidence: number; isEnabled: boolean }>
        open={isCreating}
        title={t('insight.newRule')}
        initialValues={{ minConfidence: 90, isEnabled: false }}
        onCancel={() => setCreating(false)}
        onSubmit={async (v) => {
          await create.mutateAsync({ categoryId: v.categoryId, minConfidence: v.minConfidence / 100, isEnabled: v.isEnabled ?? false });
          message.success(t('common.saved'));
          setCreating(false);
        }}
      >
        <Form.Item
          name="categoryId"
          label={t('ticket.category')}
          rules={[{ required: true, message: t('errors.requiredSelect', { field: t('ticket.category') }) }]}
        >
          <CategoryCascader aria-label={t('ticket.category')} />
        </Form.Item>
        <Form.Item
          name="minConfidence"
          label={t('insight.minConfidence')}
          extra={t('insight.minConfidenceHelp')}
          rules={[rules.required('insight.minConfidence')]}
        >
          <Slider min={50} max={100} marks={{ 50: '50%', 80: '80%', 90: '90%', 100: '100%' }} tooltip={{ formatter: (v) => `${v}%` }} />
        </Form.Item>
        <Form.Item name="isEnabled" label={t('insight.enabled')} valuePropName="checked" extra={t('insight.enabledHelp')}>
          <Switch />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
