/** 督办 / 催办 / 领导批示 on one order: whichever of them the user may issue. */
import { useState } from 'react';
import { App, Button, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import type { TicketDetail } from '../../api/types.ts';
import { useTransition } from '../../hooks/useTransition.ts';
import { DeadlinePicker } from '../../components/pickers.tsx';

const KINDS = ['supervise', 'urge', 'leader_instruction'] as const;

export function SupervisionDecision({ ticket, onDone }: { ticket: TicketDetail; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [content, setContent] = useState('');
  const [dueAt, setDueAt] = useState<Dayjs | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mutation = useTransition({
    onDone: () => {
      setContent('');
      setDueAt(null);
      onDone?.();
    },
  });
  const allowed = KINDS.filter((k) => ticket.availableActions.includes(k));
  const issue = (action: (typeof KINDS)[number]) => {
    if (!content.trim()) {
      const text = t('errors.required', { field: t('actionForm.content') });
      setError(text);
      message.error(text);
      return;
    }
    mutation.mutate({
      ticket,
      action,
      body: { content: content.trim(), dueAt: action === 'supervise' && dueAt ? dueAt.toISOString() : undefined },
    });
  };
  return (
    <div>
      <label htmlFor="supervision-content">{t('actionForm.content')}</label>
      <Input.TextArea
        id="supervision-content"
        rows={3}
        value={content}
        maxLength={LIMITS.reasonMax}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setContent(e.target.value);
          setError(null);
        }}
      />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
      {allowed.includes('supervise') && (
        <div style={{ marginTop: 8 }}>
          <label htmlFor="supervision-due">{t('actionForm.dueAt')} </label>
          <DeadlinePicker id="supervision-due" value={dueAt} onChange={setDueAt} />
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            {t('desks.deadlineHint')}
          </Typography.Text>
        </div>
      )}
      <Space wrap style={{ marginTop: 12 }}>
        {allowed.length === 0 && <Typography.Text type="secondary">{t('ticket.noActions')}</Typography.Text>}
        {allowed.map((k) => (
          <Button
            key={k}
            type={k === 'supervise' ? 'primary' : 'default'}
            danger={k === 'leader_instruction'}
            loading={mutation.isPending}
            onClick={() => issue(k)}
            data-action={k}
          >
            {t('desks.actOn', {
              action: t(k === 'supervise' ? 'supervision.supervise' : k === 'urge' ? 'supervision.urge' : 'supervision.instruct'),
              number: ticket.number,
            })}
          </Button>
        ))}
      </Space>
    </div>
  );
}
