/** 不纳入考核: orders taken out of the units' assessment, each with its reason; the center adds or removes the mark. */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { getTicketByNumber } from '../../api/tickets.ts';
import { analyticsApi, type Exclusion } from '../../api/analytics.ts';
import { useUnits } from '../../api/reference.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState } from '../../components/PageState.tsx';
import { formatTime } from '../../lib/format.ts';
import { keys } from '../../api/keys.ts';

export function ExclusionsPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const units = useUnits();
  const exclusions = useQuery({ queryKey: keys.analytics.exclusions, queryFn: async () => (await analyticsApi.exclusions()).items });
  const [mode, setMode] = useState<{ kind: 'add' } | { kind: 'remove'; row: Exclusion } | null>(null);
  const unitName = (id: number | null) => (id === null ? '—' : (units.data?.find((u) => u.id === id)?.name ?? `#${id}`));
  const exportColumns = [
    { header: t('analytics.exclusion.number'), width: 18, value: (r: Exclusion) => r.number },
    { header: t('analytics.exclusion.title'), width: 36, value: (r: Exclusion) => r.title },
    { header: t('analytics.exclusion.unit'), width: 24, value: (r: Exclusion) => unitName(r.leadUnitId) },
    { header: t('analytics.exclusion.reason'), width: 40, value: (r: Exclusion) => r.reason },
    { header: t('analytics.exclusion.at'), width: 18, value: (r: Exclusion) => formatTime(r.excludedAt) },
    { header: t('analytics.exclusion.by'), value: (r: Exclusion) => r.excludedBy },
  ];
  if (exclusions.error) return <ErrorState error={exclusions.error} onRetry={() => void exclusions.refetch()} />;
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8, gap: 8, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">{t('analytics.exclusion.hint')}</Typography.Text>
        <Space>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ kind: 'add' })} data-testid="exclusion-add">
              {t('analytics.exclusion.add')}
            </Button>
          )}
          <ExportButton
            filename={t('analytics.assessment.exclusions')}
            columns={exportColumns}
            fetchRows={async () => exclusions.data ?? []}
          />
        </Space>
      </div>
      <Table<Exclusion>
        rowKey="ticketId"
        size="small"
        loading={exclusions.isLoading}
        dataSource={exclusions.data ?? []}
        data-testid="exclusions-table"
        locale={{ emptyText: <EmptyState description={t('analytics.exclusion.none')} /> }}
        pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
        columns={[
          { title: t('analytics.exclusion.number'), dataIndex: 'number', width: 150 },
          { title: t('analytics.exclusion.title'), dataIndex: 'title', ellipsis: true },
          { title: t('analytics.exclusion.unit'), dataIndex: 'leadUnitId', width: 180, render: unitName },
          { title: t('analytics.exclusion.reason'), dataIndex: 'reason' },
          { title: t('analytics.exclusion.at'), dataIndex: 'excludedAt', width: 140, render: formatTime },
          { title: t('analytics.exclusion.by'), dataIndex: 'excludedBy', width: 100, render: (v: string | null) => v ?? '—' },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, r: Exclusion) => (
                    <Button size="small" onClick={() => setMode({ kind: 'remove', row: r })}>
                      {t('analytics.exclusion.include')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ExclusionModal mode={mode} onClose={() => setMode(null)} />
    </>
  );
}

type ExclusionMode = { kind: 'add' } | { kind: 'remove'; row: Exclusion };
const isNumberTaken = (err: unknown, mode: ExclusionMode | undefined) =>
  err instanceof ApiError && err.code === 'CONFLICT' && mode?.kind === 'add';

function ExclusionModal({ mode, onClose }: { mode: ExclusionMode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ number: string; reason: string }>();
  const isAdd = mode?.kind === 'add';
  const save = useMutation({
    /** Resolves false when no order has the number typed (said beside the field). */
    mutationFn: async (input: { mode: ExclusionMode; number: string; reason: string }) => {
      let ticketId: number;
      if (input.mode.kind === 'add') {
        try {
          ticketId = (await getTicketByNumber(input.number)).id;
        } catch (err) {
          if (err instanceof ApiError && err.status === 404) return false;
          throw err;
        }
      } else ticketId = input.mode.row.ticketId;
      await analyticsApi.setExclusion({ ticketId, isExcluded: input.mode.kind === 'add', reason: input.reason });
      return true;
    },
    onSuccess: (isDone, input) => {
      if (!isDone) {
        form.setFields([{ name: 'number', errors: [t('analytics.exclusion.notFound')] }]);
        return;
      }
      message.success(t(input.mode.kind === 'add' ? 'analytics.exclusion.added' : 'analytics.exclusion.included'));
      void queryClient.invalidateQueries({ queryKey: keys.analytics.exclusions });
      onClose();
    },
    onError: (err, input) => {
      if (isNumberTaken(err, input.mode)) form.setFields([{ name: 'number', errors: [(err as ApiError).localized()] }]);
    },
  });
  // an order already excluded shows beside its number; any other problem above the form
  const error = save.error && !isNumberTaken(save.error, save.variables?.mode) ? save.error : null;
  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    save.reset();
  }, [mode]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Modal
      open={!!mode}
      title={
        isAdd
          ? t('analytics.exclusion.add')
          : t('analytics.exclusion.includeTitle', { number: mode?.kind === 'remove' ? mode.row.number : '' })
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      confirmLoading={save.isPending}
      destroyOnHidden
      forceRender
    >
      {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (mode) save.mutate({ mode, number: values.number?.trim() ?? '', reason: values.reason.trim() });
        }}
      >
        {isAdd && (
          <Form.Item
            name="number"
            label={t('analytics.exclusion.number')}
            rules={[{ required: true, whitespace: true, message: t('errors.required', { field: t('analytics.exclusion.number') }) }]}
          >
            <Input placeholder="20260301-00042" maxLength={40} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('analytics.exclusion.reason')}
          extra={isAdd ? t('analytics.exclusion.reasonHint') : undefined}
          rules={[
            { required: true, whitespace: true, message: t('errors.required', { field: t('analytics.exclusion.reason') }) },
            { max: LIMITS.reasonMax, message: t('errors.tooLong', { field: t('analytics.exclusion.reason'), max: LIMITS.reasonMax }) },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
