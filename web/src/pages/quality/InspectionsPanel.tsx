/** 质检: draw a seeded sample of agents' orders and calls, then score each against its form. */
import { useEffect, useState } from 'react';
import { App, Button, Card, Form, InputNumber, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { qualityApi, type Inspection, type Period } from '../../api/quality.ts';
import { ScoreModal } from './ScoreModal.tsx';
import { keys } from '../../api/keys.ts';

type StatusFilter = 'all' | 'pending' | 'scored';

export function InspectionsPanel({ period, canInspect, isSelfOnly }: { period: Period; canInspect: boolean; isSelfOnly: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useQuery({
    queryKey: keys.quality.inspections(period, status),
    queryFn: () => qualityApi.inspections({ ...period, status: status === 'all' ? undefined : status }),
  });
  const subject = (r: Inspection) =>
    r.subjectKind === 'ticket'
      ? `${r.ticketNumber ?? ''} ${r.ticketTitle ?? ''}`
      : t('quality.inspections.callSubject', { phone: r.callPhone ?? '—', seconds: r.callTalkSeconds ?? 0 });
  const scoreText = (r: Inspection) =>
    r.status === 'pending' ? '' : r.hasFatal ? `0 (${t('quality.inspections.fatal')})` : String(r.score);
  const columns: ColumnsType<Inspection> = [
    ...(isSelfOnly ? [] : [{ title: t('quality.agent.name'), dataIndex: 'agentName', key: 'agent' }]),
    { title: t('quality.inspections.kind'), key: 'kind', render: (_, r) => <Tag>{t(`quality.inspections.kinds.${r.subjectKind}`)}</Tag> },
    { title: t('quality.inspections.subject'), key: 'subject', render: (_, r) => subject(r) },
    { title: t('quality.inspections.at'), key: 'at', render: (_, r) => dayjs(r.subjectAt).format('YYYY-MM-DD HH:mm') },
    { title: t('quality.inspections.form'), key: 'form', render: (_, r) => `${r.formName} v${r.formVersion}` },
    {
      title: t('quality.inspections.status'),
      key: 'status',
      render: (_, r) =>
        r.status === 'pending' ? (
          <Tag color="orange">{t('quality.inspections.pending')}</Tag>
        ) : (
          <Tag color={r.hasFatal ? 'red' : 'green'}>{t('quality.inspections.scored')}</Tag>
        ),
    },
    { title: t('quality.inspections.score'), key: 'score', align: 'right', render: (_, r) => scoreText(r) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Button size="small" type={r.status === 'pending' && canInspect ? 'primary' : 'default'} onClick={() => setOpenId(r.id)}>
          {r.status === 'pending' && canInspect ? t('quality.inspections.scoreIt') : t('common.detail')}
        </Button>
      ),
    },
  ];
  const excel = [
    { header: t('quality.agent.name'), value: (r: Inspection) => r.agentName },
    { header: t('quality.inspections.kind'), value: (r: Inspection) => t(`quality.inspections.kinds.${r.subjectKind}`) },
    { header: t('quality.inspections.subject'), value: subject },
    { header: t('quality.inspections.at'), value: (r: Inspection) => dayjs(r.subjectAt).format('YYYY-MM-DD HH:mm') },
    { header: t('quality.inspections.form'), value: (r: Inspection) => `${r.formName} v${r.formVersion}` },
    { header: t('quality.inspections.status'), value: (r: Inspection) => t(`quality.inspections.${r.status}`) },
    { header: t('quality.inspections.score'), value: (r: Inspection) => r.score },
    { header: t('quality.inspections.comment'), value: (r: Inspection) => r.comment },
    { header: t('quality.inspections.inspector'), value: (r: Inspection) => r.inspectorName },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {canInspect && <SampleForm period={period} />}
      <Card
        size="small"
        title={t('quality.inspections.list')}
        extra={
          <Space>
            <Segmented<StatusFilter>
              value={status}
              onChange={setStatus}
              options={[
                { value: 'all', label: t('common.all') },
                { value: 'pending', label: t('quality.inspections.pending') },
                { value: 'scored', label: t('quality.inspections.scored') },
              ]}
            />
            <ExportButton
              size="small"
              filename={`${t('quality.inspections.title')} ${period.from}~${period.to}`}
              columns={excel}
              fetchRows={async () => list.data?.items ?? []}
            />
          </Space>
        }
      >
        {list.isLoading ? (
          <LoadingState />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : !list.data?.items.length ? (
          <EmptyState description={t('quality.inspections.empty')} />
        ) : (
          <Table<Inspection>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list.data.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            data-testid="quality-inspections-table"
          />
        )}
      </Card>
      {openId !== null && <ScoreModal id={openId} canScore={canInspect} onClose={() => setOpenId(null)} />}
    </Space>
  );
}

function SampleForm({ period }: { period: Period }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const forms = useQuery({ queryKey: keys.quality.forms(false), queryFn: () => qualityApi.forms(false) });
  const sample = useMutation({
    mutationFn: (values: { formId: number; ordersPerAgent: number; callsPerAgent: number; seed?: number | null }) =>
      qualityApi.sample({
        ...period,
        formId: values.formId,
        ordersPerAgent: values.ordersPerAgent ?? 0,
        callsPerAgent: values.callsPerAgent ?? 0,
        seed: values.seed ?? undefined,
      }),
    onSuccess: (result) => {
      message.success(t('quality.sample.done', { count: result.items.length, agents: result.agents.length, seed: result.seed }));
      form.setFieldValue('seed', result.seed);
      void queryClient.invalidateQueries({ queryKey: keys.quality.all });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const formOptions = (forms.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name} v${f.version}` }));
  // one active form leaves nothing to choose: it is picked, unless a form is picked already
  const active = (forms.data?.items ?? []).filter((f) => f.isActive);
  const onlyFormId = active.length === 1 ? active[0].id : null;
  useEffect(() => {
    if (onlyFormId !== null && form.getFieldValue('formId') == null) form.setFieldValue('formId', onlyFormId);
  }, [onlyFormId, form]);
  return (
    <Card size="small" title={t('quality.sample.title')}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ ordersPerAgent: 2, callsPerAgent: 2 }}
        onFinish={(v) => sample.mutate(v)}
        data-testid="quality-sample-form"
      >
        <Form.Item
          name="formId"
          label={t('quality.sample.form')}
          rules={[{ required: true, message: t('errors.requiredSelect', { field: t('quality.sample.form') }) }]}
        >
          <Select
            style={{ width: 220 }}
            options={formOptions}
            loading={forms.isLoading}
            placeholder={t('quality.sample.formPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="ordersPerAgent" label={t('quality.sample.orders')}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="callsPerAgent" label={t('quality.sample.calls')}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="seed" label={t('quality.sample.seed')} tooltip={t('quality.sample.seedHelp')}>
          <InputNumber min={0} max={2147483647} precision={0} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={sample.isPending}>
            {t('quality.sample.run')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('quality.sample.help')}</Typography.Text>
    </Card>
  );
}
