/**
 * 书面诉求: contacts from every written channel in one queue, nearest response deadline first, with the time each has
 * waited against its channel's standard. An agent claims one, answers it in its own channel, turns it into an order or
 * attaches it to one, and sees the citizen's contacts from every channel (calls included) beside it.
 */
import { useState } from 'react';
import {
  App,
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TICKET_TYPES, URGENCIES, type TicketType, type Urgency } from '../../../../common/enums.ts';
import { errorMessage } from '../../api/client.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { EmptyState, ErrorState } from '../../components/PageState.tsx';
import { formatTime } from '../../lib/format.ts';
import { contactsApi, durationParts, type Contact, type QueueFilter } from '../../api/contacts.ts';
import { BoardsPanel } from './BoardsPanel.tsx';
import { TicketDrawer } from '../../components/ticket/TicketDrawer.tsx';
import { keys } from '../../api/keys.ts';

const SLA_COLOR = { normal: 'green', at_risk: 'orange', overdue: 'red' } as const;

function useDuration() {
  const { t } = useTranslation();
  return (seconds: number) => {
    const { d, h, m } = durationParts(seconds);
    const parts = [
      d ? t('contacts.duration.d', { count: d }) : '',
      h ? t('contacts.duration.h', { count: h }) : '',
      !d && (m || !h) ? t('contacts.duration.m', { count: m }) : '',
    ];
    return parts.filter(Boolean).join(' ');
  };
}

export default function ContactsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const duration = useDuration();
  const [filter, setFilter] = useState<QueueFilter>('open');
  const [openId, setOpenId] = useState<number | null>(null);
  const [orderId, setOrderId] = useState<number | null>(null);
  const query = useQuery({ queryKey: keys.contacts.list(filter), queryFn: () => contactsApi.list(filter), refetchInterval: 15_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.contacts.all });

  /** 领取 / 释放 from the queue's row. */
  const act = useMutation({
    mutationFn: (input: { id: number; kind: 'claim' | 'release' }) =>
      input.kind === 'claim' ? contactsApi.claim(input.id) : contactsApi.release(input.id),
    onSuccess: (_result, input) => message.success(t(input.kind === 'claim' ? 'contacts.claimedOk' : 'contacts.releasedOk')),
    onError: (err) => message.error(errorMessage(err)),
    onSettled: () => void refresh(),
  });
  const busyId = act.isPending ? act.variables.id : null;

  const columns: ColumnsType<Contact> = [
    {
      title: t('contacts.channel'),
      dataIndex: 'channel',
      key: 'channel',
      render: (v: string) => <Tag color="blue">{t(`enums.channel.${v}`, { defaultValue: v })}</Tag>,
    },
    {
      title: t('contacts.from'),
      key: 'from',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.senderName ?? ''}</span>
          <Typography.Text className="lx-mono" type="secondary">
            {r.address}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('contacts.content'),
      key: 'content',
      render: (_: unknown, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 420 }}>
          {r.subject ? (
            <strong>
              {r.subject}
              {'\u3000'}
            </strong>
          ) : null}
          {r.content}
        </Typography.Paragraph>
      ),
    },
    { title: t('contacts.receivedAt'), dataIndex: 'receivedAt', key: 'receivedAt', render: (v: string) => formatTime(v) },
    {
      title: t('contacts.waited'),
      key: 'sla',
      render: (_: unknown, r) => {
        // the channel's standard itself (waited + remaining loses a second to rounding)
        const allowed = Math.round((new Date(r.respondBy).getTime() - new Date(r.receivedAt).getTime()) / 1000);
        return (
          <Space orientation="vertical" size={0} data-testid="contact-sla">
            <Tag color={SLA_COLOR[r.sla.state]}>{t(`contacts.sla.${r.sla.state}`)}</Tag>
            <Typography.Text type="secondary">
              {t('contacts.waitedOf', { waited: duration(r.sla.waitedSeconds), allowed: duration(allowed) })}
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      title: t('contacts.status'),
      key: 'status',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          {r.meta.followUp ? (
            <Tag color="purple" data-testid="contact-follow-up">
              {t('contacts.followUp')}
            </Tag>
          ) : r.status === 'claimed' ? (
            <Tag color={r.claimedById === me.userId ? 'blue' : 'default'}>
              {t(r.claimedById === me.userId ? 'contacts.claimedByMe' : 'contacts.claimedByOther')}
            </Tag>
          ) : (
            <Tag>{t(`contacts.statuses.${r.status}`)}</Tag>
          )}
          {r.ticketId && r.ticketNumber && <OrderLink number={r.ticketNumber} onOpen={() => setOrderId(r.ticketId)} />}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      align: 'right',
      render: (_: unknown, r) => (
        <Space>
          {r.status === 'waiting' && (
            <Button
              type="primary"
              size="small"
              loading={busyId === r.id}
              data-testid="contact-claim"
              onClick={(e) => {
                e.stopPropagation();
                act.mutate({ id: r.id, kind: 'claim' });
              }}
            >
              {t('contacts.claim')}
            </Button>
          )}
          {r.status === 'claimed' && r.claimedById === me.userId && (
            <Button
              size="small"
              loading={busyId === r.id}
              data-testid="contact-release"
              onClick={(e) => {
                e.stopPropagation();
                act.mutate({ id: r.id, kind: 'release' });
              }}
            >
              {t('contacts.release')}
            </Button>
          )}
          <Button
            size="small"
            data-testid="contact-open"
            onClick={(e) => {
              e.stopPropagation();
              setOpenId(r.id);
            }}
          >
            {t('contacts.open_')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="lx-page" data-testid="contacts-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('contacts.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('contacts.hint')}</Typography.Text>
        </div>
        <Space wrap data-testid="contact-counts">
          {(query.data?.counts ?? []).map((c) => (
            <Tag key={c.channel} color={c.overdue > 0 ? 'red' : 'default'}>
              {t('contacts.openCount', { channel: t(`enums.channel.${c.channel}`, { defaultValue: c.channel }), open: c.open })}
              {c.overdue > 0 ? ` · ${t('contacts.overdueCount', { overdue: c.overdue })}` : ''}
            </Tag>
          ))}
        </Space>
        <BoardsPanel />
        <Card
          size="small"
          title={
            <Segmented<QueueFilter>
              value={filter}
              onChange={setFilter}
              data-testid="contact-filter"
              options={(['open', 'mine', 'answered', 'all'] as const).map((s) => ({ value: s, label: t(`contacts.${s}`) }))}
            />
          }
        >
          {query.error ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <Table<Contact>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={query.data?.items ?? []}
              loading={query.isLoading}
              locale={{ emptyText: <EmptyState description={t('contacts.empty')} /> }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              onRow={(r) =>
                ({ 'data-testid': 'contact-row', 'data-id': r.id, onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } }) as never
              }
            />
          )}
        </Card>
      </Space>
      <ContactDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void refresh()} onOpenOrder={setOrderId} />
      <TicketDrawer ticketId={orderId} onClose={() => setOrderId(null)} />
    </div>
  );
}

/** The order a contact became or joined, opened over the queue (its timeline shows the citizen's follow-ups). */
function OrderLink(props: { number: string; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      className="lx-mono"
      data-testid="contact-order"
      title={t('contacts.openOrder', { number: props.number })}
      onClick={(e) => {
        e.stopPropagation();
        props.onOpen();
      }}
    >
      {props.number}
    </Button>
  );
}

type TicketForm = { type: TicketType; urgency: Urgency; title?: string };

type DrawerWrite =
  | { kind: 'claim' | 'release' | 'confirmCitizen'; id: number }
  | { kind: 'reply'; id: number; body: string; key: string }
  | { kind: 'ticket'; id: number; order: TicketForm }
  | { kind: 'attach'; id: number; ticketNumber: string };

function ContactDrawer(props: { id: number | null; onClose: () => void; onChanged: () => void; onOpenOrder: (ticketId: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const duration = useDuration();
  const queryClient = useQueryClient();
  const [replyForm] = Form.useForm<{ body: string }>();
  const [ticketForm] = Form.useForm<TicketForm>();
  const [attachForm] = Form.useForm<{ ticketNumber: string }>();
  const [replyKey, setReplyKey] = useState(() => crypto.randomUUID());
  const detail = useQuery({
    queryKey: keys.contacts.detail(props.id),
    queryFn: () => contactsApi.get(props.id!),
    enabled: props.id !== null,
  });
  const c = detail.data;
  const history = useQuery({
    queryKey: keys.contacts.history(c?.citizenId),
    queryFn: () => contactsApi.history(c!.citizenId!),
    enabled: Boolean(c?.citizenId),
  });

  /** The drawer's writes; each answers with the message to show. */
  const write = useMutation({
    mutationFn: async (w: DrawerWrite): Promise<string> => {
      switch (w.kind) {
        case 'claim':
          await contactsApi.claim(w.id);
          return t('contacts.claimedOk');
        case 'release':
          await contactsApi.release(w.id);
          return t('contacts.releasedOk');
        case 'confirmCitizen':
          await contactsApi.confirmCitizen(w.id);
          return t('contacts.confirmedCitizen');
        case 'reply':
          await contactsApi.reply(w.id, w.body, w.key);
          replyForm.resetFields();
          setReplyKey(crypto.randomUUID());
          return t('contacts.sentOk');
        case 'ticket':
          return t('contacts.createdOk', { number: (await contactsApi.toTicket(w.id, w.order)).number });
        case 'attach':
          return t('contacts.attachOk', { number: (await contactsApi.attach(w.id, w.ticketNumber)).number });
      }
    },
    onSuccess: async (text) => {
      message.success(text);
      await queryClient.invalidateQueries({ queryKey: keys.contacts.all });
      props.onChanged();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const busy = write.isPending ? write.variables.kind : null;
  const me = useMe();
  const isClaimedByOther = c?.status === 'claimed' && c.claimedById !== me.userId;
  // someone else's claim: the server refuses a reply; the drawer offers none of the actions
  const isOpen = c ? ['waiting', 'claimed', 'answered'].includes(c.status) && !isClaimedByOther : false;
  const channelName = c ? t(`enums.channel.${c.channel}`, { defaultValue: c.channel }) : '';

  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      size="large"
      destroyOnHidden
      title={c ? t('contacts.detail', { id: c.id }) : ''}
      data-testid="contact-drawer"
    >
      {detail.error ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        c && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'channel', label: t('contacts.channel'), children: <Tag color="blue">{channelName}</Tag> },
                { key: 'from', label: t('contacts.from'), children: `${c.senderName ?? ''} ${c.address}` },
                { key: 'received', label: t('contacts.receivedAt'), children: formatTime(c.receivedAt) },
                {
                  key: 'sla',
                  label: t('contacts.waited'),
                  children: (
                    <Space data-testid="contact-drawer-sla">
                      <Tag color={SLA_COLOR[c.sla.state]}>{t(`contacts.sla.${c.sla.state}`)}</Tag>
                      {c.sla.remainingSeconds >= 0
                        ? t('contacts.left', { left: duration(c.sla.remainingSeconds) })
                        : t('contacts.late', { late: duration(-c.sla.remainingSeconds) })}
                    </Space>
                  ),
                },
                {
                  key: 'status',
                  label: t('contacts.status'),
                  children: (
                    <Space data-testid="contact-drawer-status">
                      {c.status === 'claimed'
                        ? t(isClaimedByOther ? 'contacts.claimedByOther' : 'contacts.claimedByMe')
                        : t(`contacts.statuses.${c.status}`)}
                      {c.status === 'waiting' && (
                        <Button
                          size="small"
                          type="primary"
                          loading={busy === 'claim'}
                          data-testid="contact-drawer-claim"
                          onClick={() => write.mutate({ kind: 'claim', id: c.id })}
                        >
                          {t('contacts.claim')}
                        </Button>
                      )}
                      {c.status === 'claimed' && !isClaimedByOther && (
                        <Button
                          size="small"
                          loading={busy === 'release'}
                          data-testid="contact-drawer-release"
                          onClick={() => write.mutate({ kind: 'release', id: c.id })}
                        >
                          {t('contacts.release')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
                ...(c.ticketId && c.ticketNumber
                  ? [
                      {
                        key: 'order',
                        label: t('contacts.order'),
                        children: <OrderLink number={c.ticketNumber} onOpen={() => props.onOpenOrder(c.ticketId!)} />,
                      },
                    ]
                  : []),
              ]}
            />
            <Card size="small" title={c.subject ?? undefined}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="contact-content">
                {c.content}
              </Typography.Paragraph>
            </Card>
            {c.meta.importedFrom && (
              <Typography.Text type="secondary" data-testid="contact-board-origin">
                {[
                  c.meta.importedFrom === 'pull'
                    ? t('contacts.boards.pulled')
                    : t('contacts.boards.fromFile', { filename: c.meta.filename, row: c.meta.row }),
                  ...(['likes', 'against', 'reposts', 'comments'] as const)
                    .filter((k) => c.meta[k] !== undefined)
                    .map((k) => t(`contacts.boards.counts.${k}`, { count: c.meta[k] })),
                ].join(' · ')}
              </Typography.Text>
            )}
            {c.meta.rejectedReason && <Alert type="warning" showIcon title={t('contacts.rejected', { reason: c.meta.rejectedReason })} />}
            {c.meta.followUp && (
              <Alert
                type="info"
                showIcon
                data-testid="contact-drawer-follow-up"
                title={t('contacts.followUpOf', { number: c.meta.followUp.number, via: t(`contacts.followUpVia.${c.meta.followUp.via}`) })}
              />
            )}
            {!c.meta.followUp && (c.meta.mentionedNumbers?.length ?? 0) > 0 && (
              <Alert type="warning" showIcon title={t('contacts.mentioned', { numbers: c.meta.mentionedNumbers!.join('、') })} />
            )}
            {c.meta.thread && <Alert type="info" showIcon title={t('contacts.thread', { contact: c.meta.thread.contactId })} />}
            {(c.meta.attachments?.length ?? 0) > 0 && (
              <Card size="small" title={t('contacts.attachments')}>
                <Space wrap>
                  {c.meta.attachments!.map((a) => (
                    <a key={a.id} href={contactsApi.attachmentUrl(c.id, a.id)} data-testid="contact-attachment">
                      {a.filename}
                    </a>
                  ))}
                </Space>
              </Card>
            )}
            {(c.meta.refusedAttachments?.length ?? 0) > 0 && (
              <Typography.Text type="secondary">
                {t('contacts.refused', { files: c.meta.refusedAttachments!.map((a) => a.filename).join('、') })}
              </Typography.Text>
            )}
            {isOpen && (
              <Card
                size="small"
                title={t('contacts.reply')}
                extra={<Typography.Text type="secondary">{t('contacts.replyHint', { channel: channelName })}</Typography.Text>}
              >
                <Form
                  form={replyForm}
                  layout="vertical"
                  data-testid="contact-reply-form"
                  onFinish={(v) => write.mutate({ kind: 'reply', id: c.id, body: v.body, key: replyKey })}
                >
                  <Form.Item name="body" rules={[{ required: true, whitespace: true }]}>
                    <Input.TextArea rows={3} maxLength={c.channel === 'sms' ? 500 : 10_000} showCount />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy === 'reply'} data-testid="contact-send">
                    {t('contacts.send')}
                  </Button>
                </Form>
              </Card>
            )}
            {isOpen && !c.ticketId && (
              <Card size="small" title={t('contacts.toTicket')}>
                <Form
                  form={ticketForm}
                  layout="inline"
                  initialValues={{ type: 'help', urgency: 'normal', title: c.subject ?? undefined }}
                  data-testid="contact-ticket-form"
                  onFinish={(v) =>
                    write.mutate({
                      kind: 'ticket',
                      id: c.id,
                      order: { type: v.type, urgency: v.urgency, title: v.title?.trim() || undefined },
                    })
                  }
                >
                  <Form.Item name="type" label={t('contacts.type')}>
                    <Select style={{ width: 110 }} options={TICKET_TYPES.map((v) => ({ value: v, label: t(`enums.type.${v}`) }))} />
                  </Form.Item>
                  <Form.Item name="urgency" label={t('contacts.urgency')}>
                    <Select style={{ width: 100 }} options={URGENCIES.map((v) => ({ value: v, label: t(`enums.urgency.${v}`) }))} />
                  </Form.Item>
                  <Form.Item name="title" label={t('contacts.ticketTitle')}>
                    <Input maxLength={200} style={{ width: 200 }} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy === 'ticket'} data-testid="contact-create-ticket">
                    {t('contacts.createTicket')}
                  </Button>
                </Form>
              </Card>
            )}
            {isOpen && !c.ticketId && (
              <Card size="small" title={t('contacts.attach')}>
                <Form
                  form={attachForm}
                  layout="inline"
                  data-testid="contact-attach-form"
                  onFinish={(v) => write.mutate({ kind: 'attach', id: c.id, ticketNumber: v.ticketNumber.trim() })}
                >
                  <Form.Item name="ticketNumber" label={t('contacts.ticketNumber')} rules={[{ required: true, whitespace: true }]}>
                    <Input className="lx-mono" style={{ width: 200 }} />
                  </Form.Item>
                  <Button htmlType="submit" loading={busy === 'attach'} data-testid="contact-attach">
                    {t('contacts.attach')}
                  </Button>
                </Form>
              </Card>
            )}
            {c.messages.length > 0 && (
              <Card size="small" title={t('contacts.messages')}>
                <List
                  size="small"
                  dataSource={c.messages}
                  renderItem={(m) => (
                    <List.Item data-testid="contact-message">
                      <Space orientation="vertical" size={0}>
                        <Space>
                          <Tag>{t(`contacts.messageKinds.${m.kind}`, { defaultValue: m.kind })}</Tag>
                          <Tag
                            color={m.status === 'failed' ? 'red' : m.status === 'queued' || m.status === 'skipped' ? 'default' : 'green'}
                            data-testid="contact-message-status"
                          >
                            {t(`contacts.messageStatuses.${m.status}`, { defaultValue: m.status })}
                          </Tag>
                          <Typography.Text type="secondary">{formatTime(m.sentAt ?? m.createdAt)}</Typography.Text>
                        </Space>
                        <Typography.Text>{m.body}</Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            )}
            <Card size="small" title={t('contacts.history')} data-testid="contact-history">
              {!c.citizenId && c.suggestedCitizen ? (
                <Space orientation="vertical" data-testid="contact-suggested-citizen">
                  <Typography.Text>{t('contacts.suggestedCitizen', { phone: c.suggestedCitizen.phone })}</Typography.Text>
                  {!isClaimedByOther && (
                    <Popconfirm
                      title={t('contacts.confirmCitizen')}
                      description={<div style={{ maxWidth: 320 }}>{t('contacts.confirmCitizenHint')}</div>}
                      onConfirm={() => write.mutate({ kind: 'confirmCitizen', id: c.id })}
                    >
                      <Button loading={busy === 'confirmCitizen'} data-testid="contact-confirm-citizen">
                        {t('contacts.confirmCitizen')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ) : !c.citizenId ? (
                <Typography.Text type="secondary">{t('contacts.noCitizen')}</Typography.Text>
              ) : history.data && history.data.items.length === 0 ? (
                <Typography.Text type="secondary">{t('contacts.historyEmpty')}</Typography.Text>
              ) : (
                <Timeline
                  items={(history.data?.items ?? []).map((i) => ({
                    key: `${i.kind}-${i.id}`,
                    children: (
                      <Space orientation="vertical" size={0} data-testid="history-item">
                        <Space>
                          <Tag>{t(`contacts.kinds.${i.kind}`)}</Tag>
                          <Tag color="blue">{t(`enums.channel.${i.channel}`, { defaultValue: i.channel })}</Tag>
                          <Typography.Text type="secondary">{formatTime(i.at)}</Typography.Text>
                        </Space>
                        <Typography.Text>{i.text}</Typography.Text>
                      </Space>
                    ),
                  }))}
                />
              )}
            </Card>
          </Space>
        )
      )}
    </Drawer>
  );
}
