/** 考核申诉: a month's appeals; the center approves (waiving some or all contested deductions, the month is recomputed) or denies. */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import { errorMessage } from '../../api/client.ts';
import { analyticsApi, type Appeal } from '../../api/analytics.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState } from '../../components/PageState.tsx';
import { formatTime } from '../../lib/format.ts';
import { fieldOfError } from './analytics.ts';
import { keys } from '../../api/keys.ts';

const STATUS_COLOR = { pending: 'gold', approved: 'green', denied: 'red' } as const;

export function AppealsPanel({ month, canDecide }: { month: string; canDecide: boolean }) {
  const { t } = useTranslation();
  const appeals = useQuery({ queryKey: keys.analytics.appeals(month), queryFn: async () => (await analyticsApi.appeals(month)).items });
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const exportColumns = [
    { header: t('analytics.assessment.unit'), width: 28, value: (a: Appeal) => a.unitName },
    { header: t('analytics.appeal.kind'), value: (a: Appeal) => t(`analytics.deduction.${a.deductionKind}`) },
    { header: t('analytics.appeal.count'), width: 8, value: (a: Appeal) => a.count },
    { header: t('analytics.appeal.reason'), width: 40, value: (a: Appeal) => a.reason },
    { header: t('analytics.appeal.status'), value: (a: Appeal) => t(`analytics.appeal.statuses.${a.status}`) },
    { header: t('analytics.appeal.approvedCount'), width: 8, value: (a: Appeal) => a.approvedCount },
    { header: t('analytics.appeal.note'), width: 30, value: (a: Appeal) => a.decisionNote },
    { header: t('analytics.appeal.filedAt'), width: 18, value: (a: Appeal) => formatTime(a.createdAt) },
    { header: t('analytics.appeal.decidedAt'), width: 18, value: (a: Appeal) => formatTime(a.decidedAt) },
  ];
  if (appeals.error) return <ErrorState error={appeals.error} onRetry={() => void appeals.refetch()} />;
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('analytics.appeal.hint')}</Typography.Text>
        <ExportButton
          filename={`${t('analytics.assessment.appeals')}-${month}`}
          columns={exportColumns}
          fetchRows={async () => appeals.data ?? []}
        />
      </div>
      <Table<Appeal>
        rowKey="id"
        size="small"
        loading={appeals.isLoading}
        dataSource={appeals.data ?? []}
        data-testid="appeals-table"
        locale={{ emptyText: <EmptyState description={t('analytics.appeal.none')} /> }}
        pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
        columns={[
          { title: t('analytics.assessment.unit'), dataIndex: 'unitName', width: 200 },
          {
            title: t('analytics.appeal.kind'),
            dataIndex: 'deductionKind',
            width: 130,
            render: (k: string) => t(`analytics.deduction.${k}`),
          },
          { title: t('analytics.appeal.count'), dataIndex: 'count', width: 80, align: 'right' },
          { title: t('analytics.appeal.reason'), dataIndex: 'reason' },
          {
            title: t('analytics.appeal.status'),
            dataIndex: 'status',
            width: 150,
            render: (s: Appeal['status'], a) => (
              <>
                <Tag color={STATUS_COLOR[s]}>{t(`analytics.appeal.statuses.${s}`)}</Tag>
                {s === 'approved' && <span>{t('analytics.appeal.waivedN', { count: a.approvedCount })}</span>}
              </>
            ),
          },
          { title: t('analytics.appeal.note'), dataIndex: 'decisionNote', render: (v: string | null) => v ?? '—' },
          { title: t('analytics.appeal.filedAt'), dataIndex: 'createdAt', width: 140, render: formatTime },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_, a) =>
              canDecide && a.status === 'pending' ? (
                <Button size="small" type="primary" onClick={() => setDeciding(a)} data-testid={`decide-appeal-${a.id}`}>
                  {t('analytics.appeal.decide')}
                </Button>
              ) : null,
          },
        ]}
        scroll={{ x: 1000 }}
      />
      <DecideModal appeal={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}

interface Decision {
  decision: 'approve' | 'deny';
  approvedCount?: number;
  note?: string;
}

function DecideModal({ appeal, onClose }: { appeal: Appeal | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Decision>();
  const decide = useMutation({
    mutationFn: (input: { appeal: Appeal; values: Decision }) =>
      analyticsApi.decideAppeal(input.appeal.id, {
        decision: input.values.decision,
        approvedCount: input.values.decision === 'approve' ? input.values.approvedCount : undefined,
        note: input.values.note?.trim() || null,
      }),
    onSuccess: (_result, { appeal, values }) => {
      message.success(t(values.decision === 'approve' ? 'analytics.appeal.approvedOk' : 'analytics.appeal.deniedOk'));
      void queryClient.invalidateQueries({ queryKey: keys.analytics.appeals(appeal.month) });
      void queryClient.invalidateQueries({ queryKey: keys.analytics.assessment(appeal.month) });
      void queryClient.invalidateQueries({ queryKey: keys.analytics.months });
      onClose();
    },
    onError: (err) => {
      if (fieldOfError(err) === 'approvedCount') form.setFields([{ name: 'approvedCount', errors: [errorMessage(err)] }]);
    },
  });
  // a wrong count shows beside its field; any other problem above the form
  const error = decide.error && fieldOfError(decide.error) !== 'approvedCount' ? decide.error : null;
  const decision = Form.useWatch('decision', form);
  useEffect(() => {
    if (!appeal) return;
    form.resetFields();
    form.setFieldsValue({ decision: 'approve', approvedCount: appeal.count });
    decide.reset();
  }, [appeal]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Modal
      open={!!appeal}
      title={t('analytics.appeal.decideTitle', { unit: appeal?.unitName ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      confirmLoading={decide.isPending}
      destroyOnHidden
      forceRender
    >
      {appeal && (
        <Typography.Paragraph type="secondary">
          {t('analytics.appeal.summary', { kind: t(`analytics.deduction.${appeal.deductionKind}`), count: appeal.count })}
          <br />
          {appeal.reason}
        </Typography.Paragraph>
      )}
      {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (appeal) decide.mutate({ appeal, values });
        }}
      >
        <Form.Item name="decision" label={t('analytics.appeal.decision')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'approve', label: t('analytics.appeal.approve') },
              { value: 'deny', label: t('analytics.appeal.deny') },
            ]}
          />
        </Form.Item>
        {decision !== 'deny' && (
          <Form.Item
            name="approvedCount"
            label={t('analytics.appeal.approvedCount')}
            extra={t('analytics.appeal.approvedCountHint', { max: appeal?.count ?? 1 })}
            rules={[
              { required: true, message: t('errors.required', { field: t('analytics.appeal.approvedCount') }) },
              {
                type: 'number',
                min: 1,
                max: appeal?.count ?? 1,
                message: t('analytics.appeal.approvedRange', { max: appeal?.count ?? 1 }),
              },
            ]}
          >
            <InputNumber min={1} max={appeal?.count} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('analytics.appeal.note')}
          rules={[{ max: LIMITS.reasonMax, message: t('errors.tooLong', { field: t('analytics.appeal.note'), max: LIMITS.reasonMax }) }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
