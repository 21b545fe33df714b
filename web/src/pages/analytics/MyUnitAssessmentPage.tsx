/**
 * 本单位考核 (/analytics/my-unit): a unit's own monthly result — score, rank in its peer group, each
 * indicator and deduction — shown while the month is still in public notice (公示, a draft) so the unit
 * admin can appeal a deduction (考核申诉) before the center publishes it, and afterwards as the record.
 */
import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { LIMITS } from '../../../../common/limits.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { analyticsApi, type Appeal, type DeductionKind, type UnitResult } from '../../api/analytics.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { formatTime } from '../../lib/format.ts';
import { appealable, deductionTotal, excelValue, fieldOfError, formatValue, previousMonth } from './analytics.ts';
import { IndicatorName } from './IndicatorHelp.tsx';
import { useDefinitions } from './useDefinitions.ts';
import { keys } from '../../api/keys.ts';

type Deduction = UnitResult['deductions'][number];

export default function MyUnitAssessmentPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canAppeal = me.role === 'unit_admin';
  const [month, setMonth] = useState(() => {
    const asked = new URLSearchParams(window.location.search).get('month');
    return asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : previousMonth(dayjs().format('YYYY-MM-DD'));
  });
  const [appealing, setAppealing] = useState<Deduction | null>(null);
  const { byId } = useDefinitions();
  const mine = useQuery({ queryKey: keys.analytics.myUnit(month), queryFn: () => analyticsApi.unitAssessment(month), retry: false });
  const appeals = useQuery({
    queryKey: keys.analytics.appeals(month),
    queryFn: async () => (await analyticsApi.appeals(month)).items,
    enabled: canAppeal,
  });
  const isNotComputed = mine.error instanceof ApiError && mine.error.status === 404;
  const data = mine.data;
  const isDraft = data?.run.status === 'draft';
  const result = data?.result ?? null;

  const indicatorColumns = [
    { header: t('analytics.scheme.indicator'), width: 28, value: (r: UnitResult['indicators'][number]) => byId.get(r.id)?.name ?? r.id },
    { header: t('analytics.scheme.weight'), value: (r: UnitResult['indicators'][number]) => r.weight },
    { header: `${t('analytics.myUnit.value')} (%)`, value: (r: UnitResult['indicators'][number]) => excelValue(r.value, 'rate') },
    { header: t('analytics.assessment.points'), value: (r: UnitResult['indicators'][number]) => excelValue(r.points, 'score') },
  ];

  return (
    <div className="lx-page" data-testid="my-unit-assessment">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('analytics.myUnit.title')}
            </Typography.Title>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              aria-label={t('analytics.assessment.month')}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            />
            {data &&
              (isDraft ? (
                <Tag color="gold">{t('analytics.myUnit.notice', { version: data.run.version })}</Tag>
              ) : (
                <Tag color="green">{t('analytics.assessment.published')}</Tag>
              ))}
            {data && <Typography.Text type="secondary">{data.unitName}</Typography.Text>}
          </Space>
        </Card>

        {mine.isLoading ? (
          <Card size="small">
            <LoadingState />
          </Card>
        ) : isNotComputed ? (
          <Card size="small">
            <EmptyState description={t('analytics.myUnit.notComputed', { month })} />
          </Card>
        ) : mine.error ? (
          <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
        ) : !data || !result ? (
          <Card size="small">
            <EmptyState description={t('analytics.myUnit.notAssessed')} />
          </Card>
        ) : (
          <>
            {isDraft && (
              <Alert type="warning" showIcon title={t(canAppeal ? 'analytics.myUnit.draftHintAdmin' : 'analytics.myUnit.draftHint')} />
            )}
            {result.score === null && <Alert type="info" showIcon title={t('analytics.assessment.noData')} />}
            <Row gutter={[12, 12]}>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={t('analytics.assessment.score')}
                    value={result.score === null ? '—' : result.score.toFixed(2)}
                    data-testid="my-unit-score"
                  />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={t('analytics.myUnit.rank')}
                    value={result.rank ?? '—'}
                    suffix={result.rank ? `/ ${data.peerGroupSize}` : undefined}
                  />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={t('analytics.assessment.peerGroupLabel')}
                    value={t(`analytics.peerGroup.${result.peerGroup}`, { defaultValue: result.peerGroup })}
                  />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={t('analytics.assessment.deductions')}
                    value={deductionTotal(result).toFixed(2)}
                    styles={{ content: { color: deductionTotal(result) > 0 ? '#cf1322' : undefined } }}
                  />
                </Card>
              </Col>
            </Row>
            <Card
              size="small"
              title={t('analytics.myUnit.indicators')}
              extra={
                <ExportButton filename={`${data.unitName}-${month}`} columns={indicatorColumns} fetchRows={async () => result.indicators} />
              }
            >
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={result.indicators}
                locale={{ emptyText: <EmptyState /> }}
                columns={[
                  {
                    title: t('analytics.scheme.indicator'),
                    dataIndex: 'id',
                    render: (id: string) => <IndicatorName definition={byId.get(id)} fallback={id} />,
                  },
                  { title: t('analytics.scheme.weight'), dataIndex: 'weight', align: 'right', width: 90 },
                  {
                    title: t('analytics.myUnit.value'),
                    dataIndex: 'value',
                    align: 'right',
                    width: 110,
                    render: (v: number | null) => formatValue(v, 'rate'),
                  },
                  {
                    title: t('analytics.assessment.points'),
                    dataIndex: 'points',
                    align: 'right',
                    width: 110,
                    render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('analytics.myUnit.deductions')}>
              <Table<Deduction>
                rowKey="kind"
                size="small"
                pagination={false}
                dataSource={result.deductions}
                data-testid="my-unit-deductions"
                locale={{ emptyText: <EmptyState /> }}
                columns={[
                  { title: t('analytics.appeal.kind'), dataIndex: 'kind', render: (k: DeductionKind) => t(`analytics.deduction.${k}`) },
                  { title: t('analytics.assessment.times'), dataIndex: 'count', align: 'right', width: 90 },
                  { title: t('analytics.assessment.waived'), dataIndex: 'waived', align: 'right', width: 90 },
                  {
                    title: t('analytics.assessment.deducted'),
                    dataIndex: 'points',
                    align: 'right',
                    width: 110,
                    render: (v: number) => (v > 0 ? <Typography.Text type="danger">−{v.toFixed(2)}</Typography.Text> : '0'),
                  },
                  ...(canAppeal
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'appeal',
                          width: 110,
                          render: (_: unknown, d: Deduction) =>
                            isDraft && appealable(d) > 0 ? (
                              <Button size="small" onClick={() => setAppealing(d)} data-testid={`appeal-${d.kind}`}>
                                {t('analytics.myUnit.appeal')}
                              </Button>
                            ) : null,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </>
        )}

        {canAppeal && (
          <Card size="small" title={t('analytics.myUnit.myAppeals')}>
            {appeals.error ? (
              <ErrorState error={appeals.error} onRetry={() => void appeals.refetch()} />
            ) : (
              <Table<Appeal>
                rowKey="id"
                size="small"
                loading={appeals.isLoading}
                dataSource={appeals.data ?? []}
                pagination={false}
                data-testid="my-appeals"
                locale={{ emptyText: <EmptyState description={t('analytics.appeal.none')} /> }}
                columns={[
                  {
                    title: t('analytics.appeal.kind'),
                    dataIndex: 'deductionKind',
                    width: 130,
                    render: (k: DeductionKind) => t(`analytics.deduction.${k}`),
                  },
                  { title: t('analytics.appeal.count'), dataIndex: 'count', align: 'right', width: 80 },
                  { title: t('analytics.appeal.reason'), dataIndex: 'reason' },
                  {
                    title: t('analytics.appeal.status'),
                    dataIndex: 'status',
                    width: 150,
                    render: (s: Appeal['status'], a) => (
                      <>
                        <Tag color={s === 'approved' ? 'green' : s === 'denied' ? 'red' : 'gold'}>
                          {t(`analytics.appeal.statuses.${s}`)}
                        </Tag>
                        {s === 'approved' && t('analytics.appeal.waivedN', { count: a.approvedCount })}
                      </>
                    ),
                  },
                  { title: t('analytics.appeal.note'), dataIndex: 'decisionNote', render: (v: string | null) => v ?? '—' },
                  { title: t('analytics.appeal.filedAt'), dataIndex: 'createdAt', width: 140, render: formatTime },
                ]}
              />
            )}
          </Card>
        )}
        {data?.result && (
          <Descriptions
            size="small"
            items={[
              { key: 'v', label: t('analytics.assessment.version'), children: `v${data.run.version} · ${formatTime(data.run.computedAt)}` },
            ]}
          />
        )}
      </Space>
      {data && <AppealModal month={month} unitId={data.unitId} deduction={appealing} onClose={() => setAppealing(null)} />}
    </div>
  );
}

function AppealModal({
  month,
  unitId,
  deduction,
  onClose,
}: {
  month: string;
  unitId: number;
  deduction: Deduction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ count: number; reason: string }>();
  const file = useMutation({
    mutationFn: (input: { kind: DeductionKind; count: number; reason: string }) =>
      analyticsApi.fileAppeal(month, { unitId, deductionKind: input.kind, count: input.count, reason: input.reason }),
    onSuccess: () => {
      message.success(t('analytics.myUnit.appealed'));
      void queryClient.invalidateQueries({ queryKey: keys.analytics.appeals(month) });
      onClose();
    },
    onError: (err) => {
      if (fieldOfError(err) === 'count') form.setFields([{ name: 'count', errors: [errorMessage(err)] }]);
    },
  });
  // a wrong count shows beside its field; any other problem (a published month too) above the form
  const error = file.error && fieldOfError(file.error) !== 'count' ? file.error : null;
  const open = deduction ? appealable(deduction) : 1;
  // reset as the modal opens (not after its animation, when the user may already have pressed submit)
  useEffect(() => {
    if (!deduction) return;
    form.resetFields();
    form.setFieldsValue({ count: appealable(deduction) });
    file.reset();
  }, [deduction]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Modal
      open={!!deduction}
      title={t('analytics.myUnit.appealTitle', { kind: deduction ? t(`analytics.deduction.${deduction.kind}`) : '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      confirmLoading={file.isPending}
      destroyOnHidden
      forceRender
    >
      {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        data-testid="appeal-form"
        onFinish={(values) => {
          if (deduction) file.mutate({ kind: deduction.kind, count: values.count, reason: values.reason.trim() });
        }}
      >
        <Form.Item
          name="count"
          label={t('analytics.myUnit.appealCount')}
          extra={t('analytics.myUnit.appealCountHint', { max: open })}
          rules={[
            { required: true, message: t('errors.required', { field: t('analytics.myUnit.appealCount') }) },
            { type: 'number', min: 1, max: open, message: t('analytics.appeal.approvedRange', { max: open }) },
          ]}
        >
          <InputNumber min={1} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('analytics.appeal.reason')}
          extra={t('analytics.myUnit.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('errors.required', { field: t('analytics.appeal.reason') }) },
            { max: LIMITS.reasonMax, message: t('errors.tooLong', { field: t('analytics.appeal.reason'), max: LIMITS.reasonMax }) },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
