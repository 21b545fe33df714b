/** One inspection: its form item by item, beside the call's recording when Lianxin's own telephony has one; quality staff score a pending one, everyone else reads it. */
import { App, Descriptions, Form, Input, InputNumber, Modal, Switch, Tag, Typography, type ButtonProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { qualityApi } from '../../api/quality.ts';
import { keys } from '../../api/keys.ts';
import { RecordingPlayer } from '../../phone/RecordingPlayer.tsx';

export function ScoreModal({ id, canScore, onClose }: { id: number; canScore: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const detail = useQuery({ queryKey: keys.quality.inspection(id), queryFn: () => qualityApi.inspection(id) });
  const isEditable = canScore && detail.data?.status === 'pending';
  const submit = useMutation({
    mutationFn: (values: { points: Record<string, number | null>; violated: Record<string, boolean>; comment?: string }) => {
      const items = detail.data!.form.items;
      return qualityApi.score(id, {
        scores: items.map((i) =>
          i.isFatal ? { key: i.key, isViolated: !!values.violated?.[i.key] } : { key: i.key, points: values.points?.[i.key] ?? undefined },
        ),
        comment: values.comment || null,
      });
    },
    onSuccess: (result) => {
      message.success(t('quality.score.done', { score: result.score }));
      void queryClient.invalidateQueries({ queryKey: keys.quality.all });
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const d = detail.data;
  const given = new Map((d?.scores ?? []).map((s) => [s.key, s]));
  const points = Form.useWatch('points', form) as Record<string, number | null> | undefined;
  const violated = Form.useWatch('violated', form) as Record<string, boolean> | undefined;
  const running = d
    ? Object.values(violated ?? {}).some(Boolean)
      ? 0
      : Object.values(points ?? {}).reduce<number>((s, v) => s + (v ?? 0), 0)
    : 0;

  return (
    <Modal
      open
      title={t('quality.score.title')}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      okText={t('quality.score.submit')}
      onOk={isEditable ? () => form.submit() : onClose}
      confirmLoading={submit.isPending}
      okButtonProps={{ 'data-testid': 'quality-score-submit' } as ButtonProps}
      cancelButtonProps={{ style: isEditable ? undefined : { display: 'none' } }}
    >
      {detail.isLoading ? (
        <LoadingState />
      ) : detail.error ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        d && (
          <>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'agent', label: t('quality.agent.name'), children: d.agentName },
                { key: 'kind', label: t('quality.inspections.kind'), children: t(`quality.inspections.kinds.${d.subjectKind}`) },
                {
                  key: 'subject',
                  label: t('quality.inspections.subject'),
                  children:
                    d.subjectKind === 'ticket'
                      ? `${d.ticketNumber} ${d.ticketTitle}`
                      : `${d.callPhone ?? '—'} · ${d.callTalkSeconds ?? 0}${t('quality.secondsUnit')}`,
                },
                { key: 'at', label: t('quality.inspections.at'), children: dayjs(d.subjectAt).format('YYYY-MM-DD HH:mm') },
                { key: 'form', label: t('quality.inspections.form'), children: `${d.form.name} v${d.form.version}` },
                {
                  key: 'status',
                  label: t('quality.inspections.score'),
                  children: d.status === 'pending' ? <Tag color="orange">{t('quality.inspections.pending')}</Tag> : <b>{d.score}</b>,
                },
              ]}
            />
            {d.recordedCallId && (
              <div style={{ margin: '8px 0 12px' }}>
                <RecordingPlayer callId={d.recordedCallId} />
              </div>
            )}
            <Form
              form={form}
              layout="horizontal"
              labelCol={{ span: 12 }}
              wrapperCol={{ span: 12 }}
              disabled={!isEditable}
              onFinish={(v) => submit.mutate(v)}
              data-testid="quality-score-form"
            >
              {d.form.items.map((item) =>
                item.isFatal ? (
                  <Form.Item
                    key={item.key}
                    name={['violated', item.key]}
                    valuePropName="checked"
                    initialValue={given.get(item.key)?.isViolated ?? false}
                    label={
                      <span>
                        {item.label} <Tag color="red">{t('quality.forms.fatal')}</Tag>
                      </span>
                    }
                  >
                    <Switch
                      checkedChildren={t('quality.score.violated')}
                      unCheckedChildren={t('quality.score.notViolated')}
                      aria-label={item.label}
                    />
                  </Form.Item>
                ) : (
                  <Form.Item
                    key={item.key}
                    name={['points', item.key]}
                    label={`${item.label}（${item.maxPoints}）`}
                    initialValue={given.get(item.key)?.points ?? undefined}
                    rules={[{ required: true, message: t('errors.required', { field: item.label }) }]}
                  >
                    <InputNumber min={0} max={item.maxPoints} step={0.5} aria-label={item.label} />
                  </Form.Item>
                ),
              )}
              <Form.Item
                name="comment"
                label={t('quality.inspections.comment')}
                initialValue={d.comment ?? ''}
                labelCol={{ span: 24 }}
                wrapperCol={{ span: 24 }}
              >
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Form>
            {isEditable && (
              <Typography.Text strong data-testid="quality-running-score">
                {t('quality.score.running', { score: running })}
              </Typography.Text>
            )}
            {!isEditable && d.inspectorName && (
              <Typography.Text type="secondary">
                {t('quality.score.by', { name: d.inspectorName, at: d.scoredAt ? dayjs(d.scoredAt).format('YYYY-MM-DD HH:mm') : '' })}
              </Typography.Text>
            )}
          </>
        )
      )}
    </Modal>
  );
}
