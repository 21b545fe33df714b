/** 查询进度: timeline, official reply and the rating, by order number and the phone's last four digits. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Rate, Space, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client.ts';
import { formatTime } from '../../lib/format.ts';
import { rateRequest, trackRequest } from './portalApi.ts';

export function TrackView(props: { number: string; last4: string; onSearch: (number: string, last4: string) => void }) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language.startsWith('en');
  const queryClient = useQueryClient();
  const enabled = !!props.number && /^\d{4}$/.test(props.last4);
  const progress = useQuery({ queryKey: ['portal', props.number, props.last4], queryFn: () => trackRequest(props.number, props.last4), enabled, retry: false });
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const rate = useMutation({
    mutationFn: () => rateRequest(props.number, { phoneLast4: props.last4, rating, comment: comment.trim() || undefined }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['portal', props.number] }),
  });
  const p = progress.data;
  const label = (l: { zh: string; en: string } | string) => (typeof l === 'string' ? l : isEnglish ? l.en : l.zh);
  return (
    <div>
      <Form layout="vertical" size="large" initialValues={{ number: props.number, last4: props.last4 }}
        onFinish={(v: { number: string; last4: string }) => props.onSearch(v.number.trim(), v.last4.trim())}>
        <Form.Item name="number" label={t('portal.number')} rules={[{ required: true, message: t('errors.required', { field: t('portal.number') }) }]}>
          <Input className="lx-mono" placeholder="20261122-00042" />
        </Form.Item>
        <Form.Item name="last4" label={t('portal.last4')} rules={[{ required: true, pattern: /^\d{4}$/, message: t('errors.last4') }]}>
          <Input inputMode="numeric" maxLength={4} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={progress.isFetching} data-testid="portal-track">{t('portal.track')}</Button>
      </Form>
      {progress.error ? (
        <Alert type="error" showIcon style={{ marginTop: 16 }} role="alert"
          title={progress.error instanceof ApiError && progress.error.status === 404 ? t('portal.notFound') : errorMessage(progress.error)} />
      ) : null}
      {p && (
        <Card style={{ marginTop: 16 }} data-testid="portal-progress" data-status={p.status}
          title={<Space><span className="lx-mono">{p.number}</span><Tag color={p.status === 'closed' ? 'green' : 'blue'} data-testid="portal-status">{label(p.statusLabel)}</Tag></Space>}>
          {p.content && <Typography.Paragraph className="lx-pre">{p.content}</Typography.Paragraph>}
          <Typography.Title level={5}>{t('portal.progress')}</Typography.Title>
          <Timeline items={p.timeline.map((e, i) => ({ key: i, content: <><b>{label(e.label)}</b> <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>{e.note ? <div className="lx-pre">{e.note}</div> : null}</> }))} />
          <Typography.Title level={5}>{t('portal.officialReply')}</Typography.Title>
          {p.reply ? <Alert type="success" title={<span className="lx-pre" data-testid="portal-reply">{p.reply.content}</span>} description={p.reply.unitName ?? undefined} />
            : <Typography.Text type="secondary">{t('portal.noReply')}</Typography.Text>}
          {p.rating ? <Typography.Paragraph style={{ marginTop: 16 }} data-testid="portal-rated">{t('portal.rated', { rating: p.rating })}</Typography.Paragraph>
            : p.canRate && (
              <div style={{ marginTop: 16 }} data-testid="portal-rate">
                <Typography.Title level={5}>{t('portal.rate')}</Typography.Title>
                <Rate value={rating} onChange={setRating} aria-label={t('portal.rate')} style={{ fontSize: 32 }} />
                <Input.TextArea rows={2} placeholder={t('portal.comment')} aria-label={t('portal.comment')} value={comment} onChange={(e) => setComment(e.target.value)} style={{ marginTop: 8 }} />
                {rate.error ? <Alert type="error" showIcon title={errorMessage(rate.error)} style={{ marginTop: 8 }} /> : null}
                <Button type="primary" block disabled={!rating} loading={rate.isPending} onClick={() => rate.mutate()} style={{ marginTop: 8 }} data-testid="portal-rate-submit">{t('common.submit')}</Button>
              </div>
            )}
        </Card>
      )}
    </div>
  );
}
