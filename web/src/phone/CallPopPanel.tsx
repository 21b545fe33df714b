/**
 * 来电弹屏: shown as soon as a call is offered, before the agent answers — the masked number, the citizen's name,
 * the 举报人保密 flag, open orders first, earlier orders and recent calls. Clicking an order opens it.
 */
import { Alert, Badge, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { LockOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isOpen, type TicketStatus } from '../../../common/ticket-lifecycle.ts';
import { StatusTag } from '../components/Tags.tsx';
import { formatDate } from '../lib/format.ts';
import type { CallPop, PopTicket } from '../api/telephony.ts';
import { RecordingPlayer } from './RecordingPlayer.tsx';

/** `isEnded`: the call is over (wrap-up): its recording can be played. */
export function CallPopPanel({
  pop,
  isRinging,
  isEnded = false,
  onOpenTicket,
}: {
  pop: CallPop;
  isRinging: boolean;
  isEnded?: boolean;
  onOpenTicket: (id: number) => void;
}) {
  const { t } = useTranslation();
  const open = pop.openTickets;
  const openIds = new Set(open.map((x) => x.id));
  const earlier = pop.history.filter((x) => !openIds.has(x.id));
  const ticketList = (items: PopTicket[], testId: string) => (
    <List
      size="small"
      dataSource={items}
      data-testid={testId}
      locale={{ emptyText: t('phone.pop.noHistory') }}
      renderItem={(x) => (
        <List.Item style={{ cursor: 'pointer', padding: '4px 0' }} onClick={() => onOpenTicket(x.id)}>
          <Space size={6} style={{ width: '100%' }}>
            <Badge status={isOpen(x.status as TicketStatus) ? 'processing' : 'default'} />
            <a className="lx-mono" href="#" onClick={(e) => e.preventDefault()}>
              {x.number}
            </a>
            <Typography.Text ellipsis style={{ maxWidth: 260 }}>
              {x.title}
            </Typography.Text>
            <StatusTag status={x.status as TicketStatus} />
            <Typography.Text type="secondary">{formatDate(x.createdAt)}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
  return (
    <Card
      size="small"
      data-testid="call-pop"
      data-call-id={pop.callId}
      className="lx-call-pop"
      title={
        <Space>
          <PhoneOutlined />
          {t('phone.pop.title')}
          {isRinging && <Tag color="orange">{t('phone.line.ringing')}</Tag>}
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {t('phone.queueName', { queue: t(`phone.queue.${pop.queue}`, { defaultValue: pop.queue }) })}
        </Typography.Text>
      }
    >
      <Row gutter={[16, 8]} align="middle">
        <Col flex="none">
          <div className="lx-pop-caller lx-mono" data-testid="pop-from">
            {pop.from}
          </div>
          <Typography.Text strong data-testid="pop-name">
            {pop.citizen.name || t('phone.pop.unknownCitizen')}
          </Typography.Text>
        </Col>
        <Col flex="auto">
          {pop.citizen.isConfidential && (
            <div className="lx-pop-confidential" data-testid="pop-confidential" title={t('phone.pop.confidentialHint')}>
              <LockOutlined /> {t('phone.pop.confidential')} · <span style={{ fontWeight: 400 }}>{t('phone.pop.confidentialHint')}</span>
            </div>
          )}
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 8 }}>
        <Col xs={24} lg={14}>
          <Typography.Text strong>{t('phone.pop.openTickets', { count: open.length })}</Typography.Text>
          {ticketList(open, 'pop-open-tickets')}
          {earlier.length > 0 && (
            <>
              <Typography.Text strong>{t('phone.pop.history', { count: earlier.length })}</Typography.Text>
              {ticketList(earlier.slice(0, 5), 'pop-history')}
            </>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Text strong>{t('phone.pop.calls', { count: pop.calls.length })}</Typography.Text>
          {pop.calls.length === 0 ? (
            <div>
              <Typography.Text type="secondary">{t('phone.pop.noCalls')}</Typography.Text>
            </div>
          ) : (
            <List
              size="small"
              dataSource={pop.calls.slice(0, 5)}
              data-testid="pop-calls"
              renderItem={(c) => (
                <List.Item style={{ padding: '4px 0' }}>
                  <Space size={6}>
                    <Typography.Text type="secondary">{formatDate(c.offeredAt)}</Typography.Text>
                    <Tag color={c.answered ? 'green' : 'red'}>{c.answered ? t('phone.pop.answered') : t('phone.pop.missed')}</Tag>
                    <Typography.Text type="secondary">{t(`phone.queue.${c.queue}`, { defaultValue: c.queue })}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Col>
      </Row>
      {isEnded && (
        <div style={{ marginTop: 8 }}>
          <RecordingPlayer callId={pop.callId} />
        </div>
      )}
      {pop.ticketId ? <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('phone.pop.callFor')} /> : null}
    </Card>
  );
}
