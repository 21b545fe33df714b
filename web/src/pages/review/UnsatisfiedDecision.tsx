/** 不满意研判: reopen the order for the unit to handle again, or close it. */
import { useState } from 'react';
import { Alert, Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import type { TicketDetail } from '../../api/types.ts';
import { useTransition } from '../../hooks/useTransition.ts';

export function UnsatisfiedDecision({ ticket, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const mutation = useTransition({
    onDone: () => {
      setNote('');
      onDone();
    },
  });
  const last = ticket.callbacks.at(-1);
  return (
    <div>
      {last && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t(`enums.callback.${last.result}`)}${last.note ? ` · ${last.note}` : ''}`}
        />
      )}
      <Input.TextArea
        aria-label={t('actionForm.note')}
        placeholder={t('actionForm.note')}
        rows={3}
        value={note}
        maxLength={LIMITS.reasonMax}
        onChange={(e) => setNote(e.target.value)}
      />
      <Space style={{ marginTop: 12 }}>
        <Button
          type="primary"
          danger
          disabled={!ticket.availableActions.includes('reopen')}
          loading={mutation.isPending}
          onClick={() => mutation.mutate({ ticket, action: 'reopen', body: { note: note.trim() || undefined } })}
          data-testid="reopen"
        >
          {t('desks.actOn', { action: t('review.reopen'), number: ticket.number })}
        </Button>
        <Button
          disabled={!ticket.availableActions.includes('close')}
          loading={mutation.isPending}
          onClick={() => mutation.mutate({ ticket, action: 'close', body: { note: note.trim() || undefined } })}
          data-testid="close"
        >
          {t('desks.actOn', { action: t('review.close'), number: ticket.number })}
        </Button>
      </Space>
    </div>
  );
}
