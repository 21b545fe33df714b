/** One written contact over the queue: its facts, what it says, the agent's answers, the messages sent and the citizen's history. */
import { useState } from 'react';
import { Button, Descriptions, Drawer, Form, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contactsApi, type ContactDetail } from '../../api/contacts.ts';
import { keys } from '../../api/keys.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { formatTime } from '../../lib/format.ts';
import { OrderLink, SLA_COLOR, useDuration } from './contactSla.tsx';
import { AttachCard, CitizenHistory, ContactContent, ReplyCard, SentMessages, ToTicketCard } from './ContactSections.tsx';
import { useContactWrites, type ContactWrite, type TicketForm } from './useContactWrites.ts';

export function ContactDrawer(props: {
  id: number | null;
  onClose: () => void;
  onChanged: () => void;
  onOpenOrder: (ticketId: number) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
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
  const { write, busy } = useContactWrites({
    onChanged: props.onChanged,
    onReplySent: () => {
      replyForm.resetFields();
      setReplyKey(crypto.randomUUID());
    },
  });
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
            <ContactFacts
              contact={c}
              channelName={channelName}
              isClaimedByOther={isClaimedByOther}
              busy={busy}
              write={write}
              onOpenOrder={props.onOpenOrder}
            />
            <ContactContent contact={c} />
            {isOpen && <ReplyCard contact={c} channelName={channelName} form={replyForm} replyKey={replyKey} busy={busy} write={write} />}
            {isOpen && !c.ticketId && <ToTicketCard contact={c} form={ticketForm} busy={busy} write={write} />}
            {isOpen && !c.ticketId && <AttachCard contact={c} form={attachForm} busy={busy} write={write} />}
            {c.messages.length > 0 && <SentMessages messages={c.messages} />}
            <CitizenHistory contact={c} history={history.data} canConfirm={!isClaimedByOther} busy={busy} write={write} />
          </Space>
        )
      )}
    </Drawer>
  );
}

interface FactsProps {
  contact: ContactDetail;
  channelName: string;
  isClaimedByOther: boolean;
  busy: ContactWrite['kind'] | null;
  write: (w: ContactWrite) => void;
  onOpenOrder: (ticketId: number) => void;
}

/** Channel, sender, when it came, its clock, who holds it (with claim and release), and its order. */
function ContactFacts({ contact: c, channelName, isClaimedByOther, busy, write, onOpenOrder }: FactsProps) {
  const { t } = useTranslation();
  const duration = useDuration();
  const status = (
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
          onClick={() => write({ kind: 'claim', id: c.id })}
        >
          {t('contacts.claim')}
        </Button>
      )}
      {c.status === 'claimed' && !isClaimedByOther && (
        <Button
          size="small"
          loading={busy === 'release'}
          data-testid="contact-drawer-release"
          onClick={() => write({ kind: 'release', id: c.id })}
        >
          {t('contacts.release')}
        </Button>
      )}
    </Space>
  );
  const sla = (
    <Space data-testid="contact-drawer-sla">
      <Tag color={SLA_COLOR[c.sla.state]}>{t(`contacts.sla.${c.sla.state}`)}</Tag>
      {c.sla.remainingSeconds >= 0
        ? t('contacts.left', { left: duration(c.sla.remainingSeconds) })
        : t('contacts.late', { late: duration(-c.sla.remainingSeconds) })}
    </Space>
  );
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'channel', label: t('contacts.channel'), children: <Tag color="blue">{channelName}</Tag> },
        { key: 'from', label: t('contacts.from'), children: `${c.senderName ?? ''} ${c.address}` },
        { key: 'received', label: t('contacts.receivedAt'), children: formatTime(c.receivedAt) },
        { key: 'sla', label: t('contacts.waited'), children: sla },
        { key: 'status', label: t('contacts.status'), children: status },
        ...(c.ticketId && c.ticketNumber
          ? [
              {
                key: 'order',
                label: t('contacts.order'),
                children: <OrderLink number={c.ticketNumber} onOpen={() => onOpenOrder(c.ticketId!)} />,
              },
            ]
          : []),
      ]}
    />
  );
}
