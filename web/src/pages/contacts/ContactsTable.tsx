/** The written-contact queue as a table: where each came from, what it says, how long it has waited, who holds it. */
import type { MouseEvent } from 'react';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { contactsApi, type Contact } from '../../api/contacts.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { EmptyState } from '../../components/PageState.tsx';
import { formatTime } from '../../lib/format.ts';
import { OrderLink, SLA_COLOR, useDuration } from './contactSla.tsx';

interface Props {
  items: Contact[];
  isLoading: boolean;
  onOpen: (id: number) => void;
  onOpenOrder: (ticketId: number) => void;
  /** After a claim or release from a row, whether it worked or not. */
  onChanged: () => void;
}

export function ContactsTable(props: Props) {
  const { t } = useTranslation();
  const columns = useContactColumns(props);
  return (
    <Table<Contact>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.items}
      loading={props.isLoading}
      locale={{ emptyText: <EmptyState description={t('contacts.empty')} /> }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={(r) =>
        ({ 'data-testid': 'contact-row', 'data-id': r.id, onClick: () => props.onOpen(r.id), style: { cursor: 'pointer' } }) as never
      }
    />
  );
}

/** 领取 / 释放 from the queue's row; `busyId`: the row whose claim or release is on its way. */
function useRowActions(onChanged: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useMutation({
    mutationFn: (input: { id: number; kind: 'claim' | 'release' }) =>
      input.kind === 'claim' ? contactsApi.claim(input.id) : contactsApi.release(input.id),
    onSuccess: (_result, input) => message.success(t(input.kind === 'claim' ? 'contacts.claimedOk' : 'contacts.releasedOk')),
    onError: (err) => message.error(errorMessage(err)),
    onSettled: () => onChanged(),
  });
  return { act: act.mutate, busyId: act.isPending ? act.variables.id : null };
}

function useContactColumns(props: Props): ColumnsType<Contact> {
  const { t } = useTranslation();
  const { act, busyId } = useRowActions(props.onChanged);
  return [
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
    { title: t('contacts.waited'), key: 'sla', render: (_: unknown, r) => <WaitedCell contact={r} /> },
    {
      title: t('contacts.status'),
      key: 'status',
      render: (_: unknown, r) => <StatusCell contact={r} onOpenOrder={props.onOpenOrder} />,
    },
    {
      title: '',
      key: 'actions',
      align: 'right',
      render: (_: unknown, r) => (
        <RowActions contact={r} isBusy={busyId === r.id} onAct={(kind) => act({ id: r.id, kind })} onOpen={() => props.onOpen(r.id)} />
      ),
    },
  ];
}

function WaitedCell({ contact: r }: { contact: Contact }) {
  const { t } = useTranslation();
  const duration = useDuration();
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
}

function StatusCell({ contact: r, onOpenOrder }: { contact: Contact; onOpenOrder: (ticketId: number) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
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
      {r.ticketId && r.ticketNumber && <OrderLink number={r.ticketNumber} onOpen={() => onOpenOrder(r.ticketId!)} />}
    </Space>
  );
}

/** The row's buttons; a click on one does not also open the row. */
function RowActions(props: { contact: Contact; isBusy: boolean; onAct: (kind: 'claim' | 'release') => void; onOpen: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const r = props.contact;
  const only = (run: () => void) => (e: MouseEvent) => {
    e.stopPropagation();
    run();
  };
  return (
    <Space>
      {r.status === 'waiting' && (
        <Button type="primary" size="small" loading={props.isBusy} data-testid="contact-claim" onClick={only(() => props.onAct('claim'))}>
          {t('contacts.claim')}
        </Button>
      )}
      {r.status === 'claimed' && r.claimedById === me.userId && (
        <Button size="small" loading={props.isBusy} data-testid="contact-release" onClick={only(() => props.onAct('release'))}>
          {t('contacts.release')}
        </Button>
      )}
      <Button size="small" data-testid="contact-open" onClick={only(props.onOpen)}>
        {t('contacts.open_')}
      </Button>
    </Space>
  );
}
