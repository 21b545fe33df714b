/** 审核: accept the unit's reply, or send it back with a reason. */
import { useState } from 'react';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import type { TicketDetail } from '../../api/types.ts';
import { useTransition } from '../../hooks/useTransition.ts';
import { AttachmentList } from '../../components/ticket/AttachmentList.tsx';
import { ReplyQualityCard } from './ReplyQualityCard.tsx';

export function ReviewDecision({ ticket, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useTransition({
    onDone: () => {
      setNote('');
      onDone();
    },
  });
  const reply = ticket.replies.filter((r) => r.status === 'submitted').at(-1) ?? ticket.replies.at(-1);
  const canReview = ticket.availableActions.includes('review');
  const decide = (decision: 'accept' | 'reject') => {
    if (decision === 'reject' && !note.trim()) {
      setError(t('review.rejectNeedsNote'));
      return;
    }
    mutation.mutate({ ticket, action: 'review', body: { decision, note: note.trim() || undefined } });
  };
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('review.latestReply')} · {reply?.unitName ?? ''}
      </Typography.Title>
      <Alert
        type="info"
        title={
          <span className="lx-pre" data-testid="review-reply">
            {reply?.content ?? t('common.none')}
          </span>
        }
        style={{ marginBottom: 12 }}
      />
      {reply && <AttachmentList files={ticket.attachments.filter((f) => f.replyId === reply.id)} testId="review-reply-attachments" />}
      {canReview && <ReplyQualityCard ticketId={ticket.id} replyId={reply?.id} />}
      <label htmlFor="review-note">{t('actionForm.reviewNote')}</label>
      <Input.TextArea
        id="review-note"
        rows={3}
        value={note}
        maxLength={LIMITS.reasonMax}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setNote(e.target.value);
          setError(null);
        }}
      />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
      <Space style={{ marginTop: 12 }}>
        <Button
          type="primary"
          disabled={!canReview}
          loading={mutation.isPending}
          onClick={() => decide('accept')}
          data-testid="review-accept"
        >
          {t('desks.actOn', { action: t('review.accept'), number: ticket.number })}
        </Button>
        <Button danger disabled={!canReview} loading={mutation.isPending} onClick={() => decide('reject')} data-testid="review-reject">
          {t('desks.actOn', { action: t('review.reject'), number: ticket.number })}
        </Button>
      </Space>
    </div>
  );
}
