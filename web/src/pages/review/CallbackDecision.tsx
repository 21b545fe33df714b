/** 回访: the script to read to the citizen and one button per result. */
import { useState } from 'react';
import { Alert, App, Button, Input, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CALLBACK_RESULTS } from '../../../../common/enums.ts';
import { LIMITS } from '../../../../common/limits.ts';
import type { TicketDetail } from '../../api/types.ts';
import { useTransition } from '../../hooks/useTransition.ts';
import { formatDate } from '../../lib/format.ts';

export function CallbackDecision({ ticket, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [note, setNote] = useState('');
  const [isResolved, setResolved] = useState(true);
  const mutation = useTransition({
    onDone: () => {
      setNote('');
      onDone();
    },
  });
  const reply = ticket.replies.filter((r) => r.status === 'accepted').at(-1) ?? ticket.replies.at(-1);
  const canCall = ticket.availableActions.includes('callback');
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('review.script')}
      </Typography.Title>
      <Alert
        type="info"
        data-testid="callback-script"
        style={{ marginBottom: 12 }}
        title={
          <span className="lx-pre">
            {t('review.scriptText', {
              date: formatDate(ticket.createdAt),
              title: ticket.title,
              unit: reply?.unitName ?? '',
              reply: reply?.content ?? '',
            })}
          </span>
        }
      />
      {ticket.citizen?.phone && (
        <Typography.Paragraph>
          {t('ticket.phone')}: <span className="lx-mono">{ticket.citizen.phone}</span>
        </Typography.Paragraph>
      )}
      <Space style={{ marginBottom: 8 }}>
        <label htmlFor="callback-resolved">{t('actionForm.isResolved')}</label>
        <Switch id="callback-resolved" checked={isResolved} onChange={setResolved} />
      </Space>
      <Input.TextArea
        aria-label={t('actionForm.note')}
        placeholder={t('actionForm.note')}
        rows={2}
        value={note}
        maxLength={LIMITS.reasonMax}
        onChange={(e) => setNote(e.target.value)}
      />
      <Space wrap style={{ marginTop: 12 }}>
        {CALLBACK_RESULTS.map((result) => (
          <Button
            key={result}
            disabled={!canCall}
            loading={mutation.isPending && mutation.variables?.body?.result === result}
            type={result === 'satisfied' ? 'primary' : 'default'}
            danger={result === 'unsatisfied'}
            data-result={result}
            onClick={() =>
              modal.confirm({
                // the result is recorded against the order named here, so a slip of the list cannot record it on another one
                title: t('desks.confirmCallback', { result: t(`enums.callback.${result}`), number: ticket.number }),
                content: ticket.title,
                okButtonProps: { 'data-testid': 'callback-confirm' } as never,
                onOk: () =>
                  mutation
                    .mutateAsync({
                      ticket,
                      action: 'callback',
                      body: { result, isResolved: result === 'unreachable' ? undefined : isResolved, note: note.trim() || undefined },
                    })
                    .catch(() => undefined),
              })
            }
          >
            {t(`enums.callback.${result}`)}
          </Button>
        ))}
      </Space>
    </div>
  );
}
