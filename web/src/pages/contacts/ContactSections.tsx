/** The contact drawer's sections below its facts: what the contact says, the agent's answers, messages sent, the citizen's history. */
import { Alert, Button, Card, Form, Input, List, Popconfirm, Select, Space, Tag, Timeline, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { TICKET_TYPES, URGENCIES } from '../../../../common/enums.ts';
import { contactsApi, type ChannelMessage, type ContactDetail, type ContactHistory } from '../../api/contacts.ts';
import { formatTime } from '../../lib/format.ts';
import type { ContactWrite, TicketForm } from './useContactWrites.ts';

interface WriteProps {
  contact: ContactDetail;
  busy: ContactWrite['kind'] | null;
  write: (w: ContactWrite) => void;
}

/** The message, where a board's message came from, why it joined or names an order, and its files. */
export function ContactContent({ contact: c }: { contact: ContactDetail }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
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
    </Space>
  );
}

/** 答复: a reply in the contact's own channel; the key makes sending it twice (a double click, a retry) send it once. */
export function ReplyCard(props: WriteProps & { channelName: string; form: FormInstance<{ body: string }>; replyKey: string }) {
  const { t } = useTranslation();
  const c = props.contact;
  return (
    <Card
      size="small"
      title={t('contacts.reply')}
      extra={<Typography.Text type="secondary">{t('contacts.replyHint', { channel: props.channelName })}</Typography.Text>}
    >
      <Form
        form={props.form}
        layout="vertical"
        data-testid="contact-reply-form"
        onFinish={(v) => props.write({ kind: 'reply', id: c.id, body: v.body, key: props.replyKey })}
      >
        <Form.Item name="body" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={c.channel === 'sms' ? 500 : 10_000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={props.busy === 'reply'} data-testid="contact-send">
          {t('contacts.send')}
        </Button>
      </Form>
    </Card>
  );
}

/** 转工单: the contact becomes an order of this type and urgency. */
export function ToTicketCard(props: WriteProps & { form: FormInstance<TicketForm> }) {
  const { t } = useTranslation();
  const c = props.contact;
  return (
    <Card size="small" title={t('contacts.toTicket')}>
      <Form
        form={props.form}
        layout="inline"
        initialValues={{ type: 'help', urgency: 'normal', title: c.subject ?? undefined }}
        data-testid="contact-ticket-form"
        onFinish={(v) =>
          props.write({ kind: 'ticket', id: c.id, order: { type: v.type, urgency: v.urgency, title: v.title?.trim() || undefined } })
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
        <Button type="primary" htmlType="submit" loading={props.busy === 'ticket'} data-testid="contact-create-ticket">
          {t('contacts.createTicket')}
        </Button>
      </Form>
    </Card>
  );
}

/** 并入工单: the contact joins an existing order, named by its number. */
export function AttachCard(props: WriteProps & { form: FormInstance<{ ticketNumber: string }> }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('contacts.attach')}>
      <Form
        form={props.form}
        layout="inline"
        data-testid="contact-attach-form"
        onFinish={(v) => props.write({ kind: 'attach', id: props.contact.id, ticketNumber: v.ticketNumber.trim() })}
      >
        <Form.Item name="ticketNumber" label={t('contacts.ticketNumber')} rules={[{ required: true, whitespace: true }]}>
          <Input className="lx-mono" style={{ width: 200 }} />
        </Form.Item>
        <Button htmlType="submit" loading={props.busy === 'attach'} data-testid="contact-attach">
          {t('contacts.attach')}
        </Button>
      </Form>
    </Card>
  );
}

/** What was sent to the citizen about this contact, with each message's delivery status. */
export function SentMessages({ messages }: { messages: ChannelMessage[] }) {
  const { t } = useTranslation();
  const statusColor = (status: string) => (status === 'failed' ? 'red' : status === 'queued' || status === 'skipped' ? 'default' : 'green');
  return (
    <Card size="small" title={t('contacts.messages')}>
      <List
        size="small"
        dataSource={messages}
        renderItem={(m) => (
          <List.Item data-testid="contact-message">
            <Space orientation="vertical" size={0}>
              <Space>
                <Tag>{t(`contacts.messageKinds.${m.kind}`, { defaultValue: m.kind })}</Tag>
                <Tag color={statusColor(m.status)} data-testid="contact-message-status">
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
  );
}

/**
 * The citizen's contacts from every channel; before the sender is known, the number written in the message as a
 * suggestion the agent may confirm (确认为该市民) unless someone else holds the contact.
 */
export function CitizenHistory(props: WriteProps & { history: ContactHistory | undefined; canConfirm: boolean }) {
  const { t } = useTranslation();
  const c = props.contact;
  const items = props.history?.items;
  return (
    <Card size="small" title={t('contacts.history')} data-testid="contact-history">
      {!c.citizenId && c.suggestedCitizen ? (
        <Space orientation="vertical" data-testid="contact-suggested-citizen">
          <Typography.Text>{t('contacts.suggestedCitizen', { phone: c.suggestedCitizen.phone })}</Typography.Text>
          {props.canConfirm && (
            <Popconfirm
              title={t('contacts.confirmCitizen')}
              description={<div style={{ maxWidth: 320 }}>{t('contacts.confirmCitizenHint')}</div>}
              onConfirm={() => props.write({ kind: 'confirmCitizen', id: c.id })}
            >
              <Button loading={props.busy === 'confirmCitizen'} data-testid="contact-confirm-citizen">
                {t('contacts.confirmCitizen')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ) : !c.citizenId ? (
        <Typography.Text type="secondary">{t('contacts.noCitizen')}</Typography.Text>
      ) : items && items.length === 0 ? (
        <Typography.Text type="secondary">{t('contacts.historyEmpty')}</Typography.Text>
      ) : (
        <Timeline
          items={(items ?? []).map((i) => ({
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
  );
}
