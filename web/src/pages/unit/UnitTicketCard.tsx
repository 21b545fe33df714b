/** One order on the unit desk, as a card that works with a thumb on a phone. */
import { Button, Card, Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../api/types.ts';
import { SlaTag, StatusTag, SupervisedTag, UrgencyTag } from '../../components/Tags.tsx';
import { formatTime } from '../../lib/format.ts';

export function UnitTicketCard(props: { ticket: TicketSummary; onOpen: () => void; onAction: (action: string) => void; isBusy?: boolean }) {
  const { t } = useTranslation();
  const x = props.ticket;
  const due = x.status === 'pending_sign' ? x.signDueAt : x.handleDueAt;
  const actions: string[] =
    x.status === 'pending_sign'
      ? ['sign', 'return']
      : x.status === 'handling'
        ? ['reply', 'request_extension', 'subdispatch', 'return']
        : [];
  return (
    <Card
      size="small"
      hoverable
      onClick={props.onOpen}
      data-testid="unit-ticket"
      data-number={x.number}
      data-sla-state={x.slaState}
      data-due={due ?? ''}
      style={{ marginBottom: 8 }}
      role="button"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) props.onOpen();
      }}
    >
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Typography.Text className="lx-mono" strong>
          {x.number}
        </Typography.Text>
        <StatusTag status={x.status} />
        <UrgencyTag urgency={x.urgency} />
        <SlaTag state={x.slaState} />
        <SupervisedTag isSupervised={x.isSupervised} />
        {x.hasLeaderInstruction && <Tag color="red">{t('ticket.leaderInstruction')}</Tag>}
      </Space>
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
        {x.title}
      </Typography.Paragraph>
      <Space wrap size={8} style={{ fontSize: 12 }}>
        <Typography.Text type="secondary">{x.categoryName ?? ''}</Typography.Text>
        <Typography.Text type="secondary">{x.regionName ?? ''}</Typography.Text>
        {due && (
          <Typography.Text type={x.slaState === 'overdue' ? 'danger' : 'secondary'}>
            <ClockCircleOutlined /> {t('unitDesk.due', { time: formatTime(due) })}
          </Typography.Text>
        )}
      </Space>
      {actions.length > 0 && (
        <Space wrap style={{ marginTop: 8, display: 'flex' }} onClick={(e) => e.stopPropagation()}>
          {actions.map((a) => (
            <Button
              key={a}
              size="middle"
              type={a === 'sign' || a === 'reply' ? 'primary' : 'default'}
              danger={a === 'return'}
              loading={props.isBusy}
              onClick={() => props.onAction(a)}
              data-action={a}
            >
              {t(`actions.${a}`)}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );
}
