/** 查询进度: timeline, official reply with its photos and the rating, by order number and the phone's last four digits. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Image, Input, Rate, Space, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client.ts';
import { formatTime } from '../../lib/format.ts';
import { rateRequest, replyPhoto, trackRequest, type TrackProof } from '../../api/portal.ts';
import { keys } from '../../api/keys.ts';

export function TrackView(props: { proof: TrackProof | null; prefillNumber: string; onSearch: (proof: TrackProof) => void }) {
  const { t, i18n } = useTranslation();
  const isChinese = i18n.language.startsWith('zh');
  const queryClient = useQueryClient();
  const { proof } = props;
  const progress = useQuery({ queryKey: keys.portal.track(proof), queryFn: () => trackRequest(proof!), enabled: !!proof, retry: false });
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const rate = useMutation({
    mutationFn: () => rateRequest(proof!, { rating, comment: comment.trim() || undefined }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.portal.track() }),
  });
  const p = progress.data;
  const label = (l: { zh: string; en: string } | string) => (typeof l === 'string' ? l : isChinese ? l.zh : l.en);
  return (
    <div>
      <Form
        layout="vertical"
        size="large"
        initialValues={{ number: proof?.number ?? props.prefillNumber, last4: proof?.phoneLast4 ?? '' }}
        onFinish={(v: { number: string; last4: string }) => props.onSearch({ number: v.number.trim(), phoneLast4: v.last4.trim() })}
      >
        <Form.Item
          name="number"
          label={t('portal.number')}
          rules={[{ required: true, message: t('errors.required', { field: t('portal.number') }) }]}
        >
          <Input className="lx-mono" placeholder="20261122-00042" />
        </Form.Item>
        <Form.Item
          name="last4"
          label={t('portal.last4')}
          extra={t('portal.trackKept')}
          rules={[{ required: true, pattern: /^\d{4}$/, message: t('errors.last4') }]}
        >
          <Input inputMode="numeric" maxLength={4} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={progress.isFetching} data-testid="portal-track">
          {t('portal.track')}
        </Button>
      </Form>
      {progress.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          role="alert"
          title={progress.error instanceof ApiError && progress.error.status === 404 ? t('portal.notFound') : errorMessage(progress.error)}
        />
      ) : null}
      {p && proof && (
        <Card
          style={{ marginTop: 16 }}
          data-testid="portal-progress"
          data-status={p.status}
          title={
            <Space>
              <span className="lx-mono">{p.number}</span>
              <Tag color={p.status === 'closed' ? 'green' : 'blue'} data-testid="portal-status">
                {label(p.statusLabel)}
              </Tag>
            </Space>
          }
        >
          <Typography.Title level={5}>{t('portal.progress')}</Typography.Title>
          <Timeline
            data-testid="portal-timeline"
            items={p.timeline.map((e, i) => ({
              key: i,
              color: e.action === 'close' ? 'green' : undefined,
              content: (
                <span data-action={e.action}>
                  <b>{label(e.label)}</b> <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
                  {e.unitName ? <div className="lx-pre">{e.unitName}</div> : null}
                </span>
              ),
            }))}
          />
          <Typography.Title level={5}>{t('portal.officialReply')}</Typography.Title>
          {p.reply ? (
            <Alert
              type="success"
              title={
                <span className="lx-pre" data-testid="portal-reply">
                  {p.reply.content}
                </span>
              }
              description={p.reply.unitName ?? undefined}
            />
          ) : (
            <Typography.Text type="secondary">{t('portal.noReply')}</Typography.Text>
          )}
          {p.replyPhotos.length > 0 && <ReplyPhotos proof={proof} photos={p.replyPhotos} />}
          {p.rating ? (
            <Typography.Paragraph style={{ marginTop: 16 }} data-testid="portal-rated">
              {t('portal.rated', { rating: p.rating })}
            </Typography.Paragraph>
          ) : (
            p.canRate && (
              <div style={{ marginTop: 16 }} data-testid="portal-rate">
                <Typography.Title level={5}>{t('portal.rate')}</Typography.Title>
                <Rate value={rating} onChange={setRating} aria-label={t('portal.rate')} style={{ fontSize: 32 }} />
                <Input.TextArea
                  rows={2}
                  placeholder={t('portal.comment')}
                  aria-label={t('portal.comment')}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                  style={{ marginTop: 8 }}
                />
                {rate.error ? <Alert type="error" showIcon title={errorMessage(rate.error)} style={{ marginTop: 8 }} /> : null}
                <Button
                  type="primary"
                  block
                  disabled={!rating}
                  loading={rate.isPending}
                  onClick={() => rate.mutate()}
                  style={{ marginTop: 8 }}
                  data-testid="portal-rate-submit"
                >
                  {t('common.submit')}
                </Button>
              </div>
            )
          )}
        </Card>
      )}
    </div>
  );
}

/** The unit's photos of the work, fetched with the citizen's proof (an <img> address cannot carry it). */
function ReplyPhotos(props: { proof: TrackProof; photos: { id: number; filename: string }[] }) {
  const { t } = useTranslation();
  const [urls, setUrls] = useState<Record<number, string>>({});
  useEffect(() => {
    let isCurrent = true;
    const made: string[] = [];
    void Promise.all(
      props.photos.map(async (photo) => {
        const url = URL.createObjectURL(await replyPhoto(props.proof, photo.id));
        made.push(url);
        if (isCurrent) setUrls((previous) => ({ ...previous, [photo.id]: url }));
      }),
    ).catch(() => undefined);
    return () => {
      isCurrent = false;
      made.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [props.proof, props.photos]);
  return (
    <div style={{ marginTop: 12 }} data-testid="portal-reply-photos">
      <Typography.Text type="secondary">{t('portal.replyPhotos')}</Typography.Text>
      <Image.PreviewGroup>
        <Space wrap style={{ marginTop: 4, display: 'flex' }}>
          {props.photos.map((photo) =>
            urls[photo.id] ? (
              <Image
                key={photo.id}
                src={urls[photo.id]}
                alt={photo.filename}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 6 }}
                data-testid="portal-reply-photo"
              />
            ) : (
              <div key={photo.id} style={{ width: 96, height: 96, background: '#f5f5f5', borderRadius: 6 }} />
            ),
          )}
        </Space>
      </Image.PreviewGroup>
    </div>
  );
}
