/** The tabs below a ticket: history, replies, assignments, callbacks, supervision, its calls (for who may hear them), attachments. */
import { List, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../api/types.ts';
import { formatTime } from '../../lib/format.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { TicketTimeline } from './TicketTimeline.tsx';
import { useAuth } from '../../auth/AuthContext.tsx';
import { OrderCalls, useOrderCalls } from '../../phone/OrderCalls.tsx';
import type { Role } from '../../../../common/enums.ts';

const CALL_LISTENER_ROLES: readonly Role[] = ['agent', 'dispatcher', 'supervisor', 'callback_agent', 'admin'];

export function TicketRecords({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  // the calls tab: for those who may hear an order's calls (the server filters an agent's to their own)
  const calls = useOrderCalls(ticket.id, !!me?.role && CALL_LISTENER_ROLES.includes(me.role));
  const items = [
    { key: 'timeline', label: `${t('ticket.timeline')} (${ticket.events.length})`, children: <TicketTimeline events={ticket.events} /> },
    {
      key: 'replies',
      label: `${t('ticket.replies')} (${ticket.replies.length})`,
      children: (
        <List
          dataSource={ticket.replies}
          locale={{ emptyText: t('common.none') }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <>
                    {r.unitName}{' '}
                    <Tag color={r.status === 'accepted' ? 'green' : r.status === 'rejected' ? 'red' : 'blue'}>
                      {t(`enums.replyStatus.${r.status}`)}
                    </Tag>
                  </>
                }
                description={
                  <>
                    <div className="lx-pre" data-testid="reply-content">
                      {r.content}
                    </div>
                    <AttachmentList files={ticket.attachments.filter((f) => f.replyId === r.id)} testId="reply-attachments" />
                    {r.reviewNote ? (
                      <Typography.Text type="danger">{t('unitDesk.rejectedNote', { note: r.reviewNote })}</Typography.Text>
                    ) : null}
                    <div>
                      <Typography.Text type="secondary">{formatTime(r.createdAt)}</Typography.Text>
                    </div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ),
    },
    {
      key: 'assignments',
      label: t('ticket.assignments'),
      children: (
        <List
          size="small"
          dataSource={ticket.assignments}
          locale={{ emptyText: t('common.none') }}
          renderItem={(a) => (
            <List.Item>
              <span>
                {a.unitName} <Tag>{t(`enums.assignmentRole.${a.role}`)}</Tag> {a.status}
                {a.reason ? ` · ${a.reason}` : ''}
              </span>
              <Typography.Text type="secondary">{formatTime(a.handleDueAt)}</Typography.Text>
            </List.Item>
          )}
        />
      ),
    },
    {
      key: 'callbacks',
      label: `${t('ticket.callbacks')} (${ticket.callbacks.length})`,
      children: (
        <List
          size="small"
          dataSource={ticket.callbacks}
          locale={{ emptyText: t('common.none') }}
          renderItem={(c) => (
            <List.Item>
              {t(`enums.callback.${c.result}`)}
              {c.note ? ` · ${c.note}` : ''} <Typography.Text type="secondary">{formatTime(c.createdAt)}</Typography.Text>
            </List.Item>
          )}
        />
      ),
    },
    {
      key: 'supervisions',
      label: `${t('ticket.supervisions')} (${ticket.supervisions.length + ticket.extensions.length})`,
      children: (
        <List
          size="small"
          dataSource={[
            ...ticket.supervisions.map((s) => ({
              key: `s${s.id}`,
              label: t(`enums.supervisionKind.${s.kind}`),
              text: s.dueAt ? `${s.content}（${t('ticket.supervisionDue', { time: formatTime(s.dueAt) })}）` : s.content,
              at: s.createdAt,
            })),
            ...ticket.extensions.map((x) => ({
              key: `x${x.id}`,
              label: `${t('ticket.extensions')} +${x.requestedDays} · ${x.status}`,
              text: x.reason,
              at: x.createdAt,
            })),
          ]}
          locale={{ emptyText: t('common.none') }}
          renderItem={(s) => (
            <List.Item>
              <span>
                <Tag>{s.label}</Tag>
                {s.text}
              </span>
              <Typography.Text type="secondary">{formatTime(s.at)}</Typography.Text>
            </List.Item>
          )}
        />
      ),
    },
    ...(calls.data?.length
      ? [
          {
            key: 'calls',
            label: `${t('phone.recording.calls')} (${calls.data.length})`,
            children: <OrderCalls calls={calls.data} />,
          },
        ]
      : []),
    {
      key: 'attachments',
      label: `${t('ticket.attachments')} (${ticket.attachments.length})`,
      children: ticket.attachments.length ? (
        <AttachmentList files={ticket.attachments} testId="all-attachments" />
      ) : (
        <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
      ),
    },
  ];
  return <Tabs size="small" items={items} />;
}
