/**
 * 排班: half-hourly forecast of the coming days, agents needed per half hour for a service level
 * (Erlang C, or Erlang A when callers' patience is known), and what a planned roster would give.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { CHANNELS } from '../../../../common/enums.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { analyticsApi, type StaffingQuery, type StaffingSlot } from '../../api/analytics.ts';
import { EChart } from '../../components/EChart.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { expectedAnswerRate, expectedServiceLevel, fieldOfError, formatValue } from './analytics.ts';
import { plannedLevelOption, staffingOption } from './charts.ts';
import { keys } from '../../api/keys.ts';

interface Inputs {
  serviceLevelPct: number;
  targetSeconds: number;
  aht: number;
  patience?: number | null;
  plannedAgents?: number | null;
  roster?: string | null;
  days: number;
  from: Dayjs;
  channel: NonNullable<StaffingQuery['channel']>;
}

const DEFAULTS: Inputs = { serviceLevelPct: 80, targetSeconds: 15, aht: 240, days: 7, from: dayjs().add(1, 'day'), channel: 'phone' };

function toQuery(v: Inputs): StaffingQuery {
  return {
    serviceLevel: v.serviceLevelPct / 100,
    targetSeconds: v.targetSeconds,
    aht: v.aht,
    patience: v.patience ?? undefined,
    plannedAgents: v.plannedAgents ?? undefined,
    roster: v.roster?.trim() || undefined,
    days: v.days,
    channel: v.channel,
    from: v.from.format('YYYY-MM-DD'),
  };
}

export function StaffingTab() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Inputs>();
  const [query, setQuery] = useState<StaffingQuery>(() => toQuery(DEFAULTS));
  const [dayIndex, setDayIndex] = useState(0);
  const plan = useQuery({ queryKey: keys.analytics.staffing(query), queryFn: () => analyticsApi.staffing(query), retry: false });
  const day = plan.data?.days[Math.min(dayIndex, (plan.data?.days.length ?? 1) - 1)];
  const hasPlan = query.plannedAgents !== undefined || query.roster !== undefined;
  const options = useMemo(
    () =>
      day
        ? {
            curve: staffingOption(t, day.slots),
            level: plannedLevelOption(t, day.slots, query.serviceLevel),
          }
        : null,
    [day, query.serviceLevel, t],
  );

  const plannedTitle = query.roster
    ? t('analytics.staffing.rosterTitle')
    : t('analytics.staffing.plannedTitle', { agents: query.plannedAgents });

  // a refused request: the problem goes beside its input
  const fieldError = (name: string) => {
    const err = plan.error;
    if (!(err instanceof ApiError)) return undefined;
    if (name === 'from' && fieldOfError(err) === 'period') return err.localized();
    if (name === 'roster' && err.fieldProblems().some((p) => p.path === 'roster')) return err.localized();
    const problem = err
      .fieldProblems()
      .find((p) => p.path.replace(/^querystring\.?/, '') === (name === 'serviceLevelPct' ? 'serviceLevel' : name));
    return problem ? problem.message : undefined;
  };
  const isFieldError =
    plan.error instanceof ApiError &&
    ['from', 'serviceLevelPct', 'targetSeconds', 'aht', 'patience', 'plannedAgents', 'roster', 'days'].some((n) => fieldError(n));
  const item = (name: keyof Inputs) => ({
    name,
    validateStatus: fieldError(name) ? ('error' as const) : undefined,
    help: fieldError(name),
  });
  const required = (key: string) => ({ required: true, message: t('errors.required', { field: t(key) }) });

  const exportRows = (plan.data?.days ?? []).flatMap((d) => d.slots.map((s) => ({ day: d.day, ...s })));
  const exportColumns = [
    { header: t('analytics.staffing.day'), width: 12, value: (r: StaffingSlot & { day: string }) => r.day },
    { header: t('analytics.staffing.slot'), width: 8, value: (r: StaffingSlot) => r.start },
    { header: t('analytics.staffing.volume'), value: (r: StaffingSlot) => r.volume },
    { header: t('analytics.staffing.required'), value: (r: StaffingSlot) => r.required.agents },
    {
      header: `${t('analytics.staffing.levelAtRequired')} (%)`,
      value: (r: StaffingSlot) => Math.round(r.required.serviceLevel * 1000) / 10,
    },
    { header: t('analytics.staffing.asa'), value: (r: StaffingSlot) => r.required.averageSpeedOfAnswer },
    { header: `${t('analytics.staffing.occupancy')} (%)`, value: (r: StaffingSlot) => Math.round(r.required.occupancy * 1000) / 10 },
    ...(!hasPlan
      ? []
      : [
          { header: t('analytics.staffing.planned'), value: (r: StaffingSlot) => r.planned?.agents ?? null },
          {
            header: `${t('analytics.staffing.plannedLevel')} (%)`,
            value: (r: StaffingSlot) => (r.planned ? Math.round(r.planned.serviceLevel * 1000) / 10 : null),
          },
          {
            header: `${t('analytics.staffing.plannedAnswer')} (%)`,
            value: (r: StaffingSlot) => (r.planned ? Math.round(r.planned.answerRate * 1000) / 10 : null),
          },
        ]),
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={t('analytics.staffing.inputs')}>
        <Form
          form={form}
          layout="inline"
          initialValues={DEFAULTS}
          style={{ rowGap: 8, alignItems: 'flex-start' }}
          data-testid="staffing-form"
          onFinish={(v) => {
            setDayIndex(0);
            setQuery(toQuery(v));
          }}
        >
          <Form.Item
            {...item('serviceLevelPct')}
            label={t('analytics.staffing.serviceLevel')}
            rules={[required('analytics.staffing.serviceLevel')]}
          >
            <InputNumber min={1} max={99} addonAfter="%" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item {...item('targetSeconds')} label={t('analytics.staffing.within')} rules={[required('analytics.staffing.within')]}>
            <InputNumber min={1} max={3600} addonAfter={t('analytics.staffing.seconds')} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            {...item('aht')}
            label={t('analytics.staffing.aht')}
            tooltip={t('analytics.staffing.ahtHelp')}
            rules={[required('analytics.staffing.aht')]}
          >
            <InputNumber min={1} max={36000} addonAfter={t('analytics.staffing.seconds')} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item {...item('patience')} label={t('analytics.staffing.patience')} tooltip={t('analytics.staffing.patienceHelp')}>
            <InputNumber
              min={1}
              max={36000}
              addonAfter={t('analytics.staffing.seconds')}
              style={{ width: 130 }}
              placeholder={t('common.optional')}
            />
          </Form.Item>
          <Form.Item {...item('plannedAgents')} label={t('analytics.staffing.roster')} tooltip={t('analytics.staffing.rosterHelp')}>
            <InputNumber min={0} max={10000} precision={0} style={{ width: 110 }} placeholder={t('common.optional')} />
          </Form.Item>
          <Form.Item {...item('roster')} label={t('analytics.staffing.shifts')} tooltip={t('analytics.staffing.shiftsHelp')}>
            <Input style={{ width: 280 }} placeholder="08:00-17:00*20, 12:00-21:00*15" allowClear data-testid="staffing-shifts" />
          </Form.Item>
          <Form.Item {...item('from')} label={t('analytics.staffing.from')} rules={[required('analytics.staffing.from')]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(90, 'day'), 'day')} />
          </Form.Item>
          <Form.Item {...item('days')} label={t('analytics.staffing.days')} rules={[required('analytics.staffing.days')]}>
            <InputNumber min={1} max={28} precision={0} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="channel" label={t('analytics.staffing.channel')}>
            <Select
              style={{ width: 130 }}
              options={[{ value: 'all', label: t('common.all') }, ...CHANNELS.map((c) => ({ value: c, label: t(`enums.channel.${c}`) }))]}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={plan.isFetching} data-testid="staffing-run">
              {t('analytics.staffing.run')}
            </Button>
          </Form.Item>
        </Form>
      </Card>

      {plan.isLoading ? (
        <Card size="small">
          <LoadingState rows={8} />
        </Card>
      ) : plan.error ? (
        isFieldError ? (
          <Alert type="error" showIcon title={errorMessage(plan.error)} />
        ) : (
          <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
        )
      ) : !plan.data || !day ? (
        <EmptyState />
      ) : (
        <>
          {plan.data.days.every((d) => d.volume === 0) && <Alert type="warning" showIcon title={t('analytics.staffing.noHistory')} />}
          <Card size="small">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Segmented
                value={dayIndex}
                onChange={(v) => setDayIndex(Number(v))}
                data-testid="staffing-days"
                options={plan.data.days.map((d, i) => ({
                  value: i,
                  label: (
                    <span>
                      {dayjs(d.day).format('MM-DD ddd')}{' '}
                      {d.kind !== 'workday' && (
                        <Tag color={d.kind === 'holiday' ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
                          {t(`analytics.staffing.kind.${d.kind}`)}
                        </Tag>
                      )}
                    </span>
                  ),
                }))}
              />
              <Row gutter={[12, 12]}>
                <Col flex="1 1 150px">
                  <Statistic title={t('analytics.staffing.dayVolume')} value={Math.round(day.volume)} />
                </Col>
                <Col flex="1 1 150px">
                  <Statistic title={t('analytics.staffing.peakAgents')} value={day.peakAgents} />
                </Col>
                <Col flex="1 1 150px">
                  <Statistic
                    title={t('analytics.staffing.agentHours')}
                    value={day.slots.reduce((s, x) => s + x.required.agents, 0) / 2}
                    precision={1}
                  />
                </Col>
                <Col flex="1 1 150px">
                  <Statistic title={t('analytics.staffing.expectedLevel')} value={formatValue(expectedServiceLevel(day.slots), 'rate')} />
                </Col>
                <Col flex="1 1 150px">
                  <Statistic
                    title={t('analytics.staffing.expectedAnswer')}
                    value={formatValue(expectedAnswerRate(day.slots), 'rate')}
                    styles={{ content: { color: '#389e0d' } }}
                  />
                </Col>
              </Row>
              <Typography.Text type="secondary" data-testid="staffing-model">
                {t(`analytics.staffing.model.${plan.data.model}`)}
                {plan.data.patience !== null ? ` · ${t('analytics.staffing.patienceUsed', { seconds: plan.data.patience })}` : ''}
                {plan.data.patience !== null && plan.data.patienceSource === 'estimated' ? t('analytics.staffing.estimated') : ''}
                {' · '}
                {t('analytics.staffing.basis', { from: plan.data.history.from, to: plan.data.history.to, days: day.referenceDays.length })}
                {plan.data.volumeSource ? ` · ${t(`analytics.staffing.source.${plan.data.volumeSource}`)}` : ''}
              </Typography.Text>
            </Space>
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={!hasPlan ? 24 : 14}>
              <Card size="small" title={t('analytics.staffing.curve')}>
                <EChart option={options!.curve} height={320} ariaLabel={t('analytics.staffing.curve')} testId="staffing-curve" />
              </Card>
            </Col>
            {hasPlan && (
              <Col xs={24} xl={10}>
                <Card size="small" title={plannedTitle}>
                  <EChart option={options!.level} height={320} ariaLabel={plannedTitle} />
                </Card>
              </Col>
            )}
          </Row>
          <Card
            size="small"
            title={t('analytics.staffing.table')}
            extra={
              <ExportButton
                filename={`${t('analytics.tabs.staffing')}-${query.from}`}
                columns={exportColumns}
                fetchRows={async () => exportRows}
              />
            }
          >
            <Table<StaffingSlot>
              rowKey="start"
              size="small"
              dataSource={day.slots}
              pagination={false}
              scroll={{ y: 420 }}
              data-testid="staffing-table"
              locale={{ emptyText: <EmptyState /> }}
              columns={[
                { title: t('analytics.staffing.slot'), dataIndex: 'start', width: 80 },
                { title: t('analytics.staffing.volume'), dataIndex: 'volume', align: 'right', render: (v: number) => v.toFixed(1) },
                { title: t('analytics.staffing.required'), key: 'agents', align: 'right', render: (_, s) => <b>{s.required.agents}</b> },
                {
                  title: t('analytics.staffing.levelAtRequired'),
                  key: 'sl',
                  align: 'right',
                  render: (_, s) => formatValue(s.required.serviceLevel, 'rate'),
                },
                {
                  title: t('analytics.staffing.asa'),
                  key: 'asa',
                  align: 'right',
                  render: (_, s) => (s.required.averageSpeedOfAnswer === null ? '—' : s.required.averageSpeedOfAnswer.toFixed(1)),
                },
                {
                  title: t('analytics.staffing.occupancy'),
                  key: 'occ',
                  align: 'right',
                  render: (_, s) => formatValue(s.required.occupancy, 'rate'),
                },
                ...(!hasPlan
                  ? []
                  : [
                      {
                        title: t('analytics.staffing.planned'),
                        key: 'pagents',
                        align: 'right' as const,
                        render: (_: unknown, s: StaffingSlot) => s.planned?.agents ?? '—',
                      },
                      {
                        title: t('analytics.staffing.plannedLevel'),
                        key: 'psl',
                        align: 'right' as const,
                        render: (_: unknown, s: StaffingSlot) => (
                          <LevelCell value={s.planned?.serviceLevel ?? null} target={query.serviceLevel} />
                        ),
                      },
                      {
                        title: t('analytics.staffing.plannedAnswer'),
                        key: 'pans',
                        align: 'right' as const,
                        render: (_: unknown, s: StaffingSlot) => formatValue(s.planned?.answerRate ?? null, 'rate'),
                      },
                    ]),
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}

function LevelCell({ value, target }: { value: number | null; target: number }) {
  if (value === null) return <>—</>;
  return <Typography.Text type={value + 1e-9 < target ? 'danger' : undefined}>{formatValue(value, 'rate')}</Typography.Text>;
}
