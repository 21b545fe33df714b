/**
 * 漏接回拨: every abandoned call is a task; an agent takes one, calls back from the browser phone in one click, and
 * records whether the citizen was reached. The shares called back within 30 minutes and 24 hours are shown on top.
 */
import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, Modal, Radio, Row, Segmented, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PhoneOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { useMe } from '../auth/AuthContext.tsx';
import { EmptyState, ErrorState } from '../components/PageState.tsx';
import { formatTime } from '../lib/format.ts';
import { usePhone } from './PhoneContext.tsx';
import { PhoneBar } from './PhoneBar.tsx';
import { formatShare } from './wallboardModel.ts';
import { telephonyApi, type CallbackStatus, type MissedCallTask } from '../api/telephony.ts';
import { keys } from '../api/keys.ts';

const NOTE_MAX = 500;

export default function MissedCallsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const phone = usePhone();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<CallbackStatus>('open');
  const [resultFor, setResultFor] = useState<MissedCallTask | null>(null);
  const query = useQuery({
    queryKey: keys.telephony.callbacks(status),
    queryFn: () => telephonyApi.callbacks(status),
    refetchInterval: 15_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.telephony.callbacks() });

  /** 领取, 一键回拨 (the server gives the number, the browser phone dials it) and 登记结果 of one task. */
  const act = useMutation({
    mutationFn: async (w: TaskWrite) => {
      if (w.kind === 'claim') return telephonyApi.claim(w.task.id);
      if (w.kind === 'result') return telephonyApi.result(w.task.id, w.outcome, w.note);
      if (!phone?.isEnabled || phone.phone.registration !== 'registered') throw new Error(t('phone.missed.phoneOff'));
      const { number } = await telephonyApi.dial(w.task.id);
      if (phone.dial(number)) message.info(t('phone.missed.dialling', { phone: w.task.phone }));
    },
    onSuccess: (_result, w) => {
      if (w.kind === 'claim') message.success(t('phone.missed.claimedOk'));
      if (w.kind === 'result') message.success(t('phone.missed.resultOk'));
    },
    onError: (err) => message.error(errorMessage(err)),
    onSettled: () => void refresh(),
  });
  const busyId = act.isPending ? act.variables.task.id : null;
  const claim = (task: MissedCallTask) => act.mutate({ kind: 'claim', task });
  const dial = (task: MissedCallTask) => act.mutate({ kind: 'dial', task });

  const isMine = (task: MissedCallTask) => task.claimedBy?.id === me.userId;
  const canDial =
    !!phone?.isEnabled && phone.phone.registration === 'registered' && !phone.phone.main?.status?.match(/ringing|dialing|talking/);
  const columns: ColumnsType<MissedCallTask> = [
    {
      title: t('phone.missed.phone'),
      dataIndex: 'phone',
      key: 'phone',
      render: (v: string) => (
        <Typography.Text className="lx-mono" strong>
          {v}
        </Typography.Text>
      ),
    },
    { title: t('phone.missed.abandonedAt'), dataIndex: 'abandonedAt', key: 'abandonedAt', render: (v: string) => formatTime(v) },
    { title: t('phone.missed.queue'), dataIndex: 'queue', key: 'queue', render: (v: string) => t(`phone.queue.${v}`, { defaultValue: v }) },
    ...(status === 'open'
      ? []
      : [
          {
            title: t('phone.missed.claimedBy'),
            key: 'claimedBy',
            render: (_: unknown, r: MissedCallTask) =>
              r.claimedBy ? isMine(r) ? <Tag color="blue">{t('phone.missed.claimedByMe')}</Tag> : r.claimedBy.name : '—',
          },
        ]),
    ...(status === 'done'
      ? [
          {
            title: t('phone.missed.outcome'),
            key: 'outcome',
            render: (_: unknown, r: MissedCallTask) => {
              const reason = r.closedReason ?? r.outcome;
              return reason ? <Tag color={reason === 'no_answer' ? 'orange' : 'green'}>{t(`phone.missed.${reason}`)}</Tag> : '—';
            },
          },
          { title: t('phone.missed.note'), dataIndex: 'note', key: 'note', render: (v: string | null) => v ?? '' },
          { title: t('phone.missed.closedAt'), dataIndex: 'closedAt', key: 'closedAt', render: (v: string | null) => formatTime(v) },
        ]
      : [
          {
            title: '',
            key: 'actions',
            align: 'right' as const,
            render: (_: unknown, r: MissedCallTask) => (
              <Space>
                {r.status === 'open' && (
                  <Button type="primary" loading={busyId === r.id} onClick={() => void claim(r)} data-testid="missed-claim">
                    {t('phone.missed.claim')}
                  </Button>
                )}
                {r.status === 'claimed' && isMine(r) && (
                  <>
                    <Button
                      type="primary"
                      icon={<PhoneOutlined />}
                      disabled={!canDial}
                      loading={busyId === r.id}
                      onClick={() => void dial(r)}
                      data-testid="missed-dial"
                    >
                      {t('phone.missed.dial')}
                    </Button>
                    <Button onClick={() => setResultFor(r)} data-testid="missed-result">
                      {t('phone.missed.result')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]),
  ];

  const indicators = query.data?.indicators;
  return (
    <div className="lx-page" data-testid="missed-calls-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('phone.missed.title')}
        </Typography.Title>
        <PhoneBar compact />
        <Row gutter={[12, 12]}>
          <Col xs={24} md={8}>
            <Card size="small">
              <Statistic title={t('phone.missed.abandoned')} value={indicators?.abandoned ?? '—'} />
            </Card>
          </Col>
          <Col xs={12} md={8}>
            <Card size="small">
              <Tooltip title={t('phone.missed.indicatorHint')}>
                <Statistic title={t('phone.missed.within30m')} value={formatShare(indicators?.shareWithin30m)} data-testid="share-30m" />
              </Tooltip>
            </Card>
          </Col>
          <Col xs={12} md={8}>
            <Card size="small">
              <Tooltip title={t('phone.missed.indicatorHint')}>
                <Statistic title={t('phone.missed.within24h')} value={formatShare(indicators?.shareWithin24h)} data-testid="share-24h" />
              </Tooltip>
            </Card>
          </Col>
        </Row>
        <Card
          size="small"
          title={
            <Segmented<CallbackStatus>
              value={status}
              onChange={setStatus}
              data-testid="missed-status"
              options={(['open', 'claimed', 'done'] as const).map((s) => ({ value: s, label: t(`phone.missed.${s}`) }))}
            />
          }
        >
          {query.error ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <Table<MissedCallTask>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={query.data?.items ?? []}
              loading={query.isLoading}
              locale={{ emptyText: <EmptyState description={t('phone.missed.empty')} /> }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              onRow={(r) => ({ 'data-testid': 'missed-row', 'data-id': r.id }) as never}
            />
          )}
        </Card>
      </Space>
      <ResultModal
        task={resultFor}
        onClose={() => setResultFor(null)}
        onSave={(outcome, note) =>
          resultFor
            ? act
                .mutateAsync({ kind: 'result', task: resultFor, outcome, note })
                .catch(() => undefined)
                .then(() => setResultFor(null))
            : Promise.resolve()
        }
      />
    </div>
  );
}

type TaskWrite =
  | { kind: 'claim' | 'dial'; task: MissedCallTask }
  | { kind: 'result'; task: MissedCallTask; outcome: 'reached' | 'no_answer'; note?: string };

function ResultModal(props: {
  task: MissedCallTask | null;
  onClose: () => void;
  onSave: (outcome: 'reached' | 'no_answer', note?: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ outcome: 'reached' | 'no_answer'; note?: string }>();
  return (
    <Modal
      open={!!props.task}
      title={`${t('phone.missed.resultTitle')} · ${props.task?.phone ?? ''}`}
      onCancel={props.onClose}
      destroyOnHidden
      onOk={() => form.validateFields().then((v) => props.onSave(v.outcome, v.note?.trim() || undefined))}
      okButtonProps={{ 'data-testid': 'missed-result-save' } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ outcome: 'reached' }} preserve={false}>
        <Form.Item name="outcome" label={t('phone.missed.outcome')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'reached', label: t('phone.missed.reached') },
              { value: 'no_answer', label: t('phone.missed.no_answer') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('phone.missed.note')}>
          <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
