/** Buttons for the actions the server says the user may take now (availableActions). */
import { useState } from 'react';
import { Button, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../api/types.ts';
import { useTransition } from '../../hooks/useTransition.ts';
import { ActionModal, INSTANT_ACTIONS } from './ActionModal.tsx';

const PRIMARY = new Set(['dispatch', 'sign', 'reply', 'review', 'callback', 'direct_answer']);
const DANGER = new Set(['return', 'invalidate', 'transfer_emergency']);

export function TicketActions(props: {
  ticket: TicketDetail;
  subUnitIds?: number[];
  onDone?: (d: TicketDetail, action: string) => void;
  hide?: string[];
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<string | null>(null);
  const instant = useTransition({ onDone: props.onDone });
  const actions = props.ticket.availableActions.filter((a) => a !== 'rate' && !props.hide?.includes(a));
  if (!actions.length) return <Typography.Text type="secondary">{t('ticket.noActions')}</Typography.Text>;
  return (
    <>
      <Space wrap data-testid="ticket-actions">
        {actions.map((a) =>
          INSTANT_ACTIONS.includes(a) ? (
            <Popconfirm key={a} title={`${t(`actions.${a}`)}?`} onConfirm={() => instant.mutate({ ticket: props.ticket, action: a })}>
              <Button type="primary" loading={instant.isPending} data-action={a}>
                {t(`actions.${a}`)}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              key={a}
              type={PRIMARY.has(a) ? 'primary' : 'default'}
              danger={DANGER.has(a)}
              onClick={() => setAction(a)}
              data-action={a}
            >
              {t(`actions.${a}`)}
            </Button>
          ),
        )}
      </Space>
      <ActionModal
        ticket={props.ticket}
        action={action}
        onClose={() => setAction(null)}
        subUnitIds={props.subUnitIds}
        onDone={props.onDone}
      />
    </>
  );
}
