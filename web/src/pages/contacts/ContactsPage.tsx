/**
 * 书面诉求: contacts from every written channel in one queue, nearest response deadline first, with the time each has
 * waited against its channel's standard. An agent claims one, answers it in its own channel, turns it into an order or
 * attaches it to one, and sees the citizen's contacts from every channel (calls included) beside it.
 */
import { useState } from 'react';
import { Card, Segmented, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/PageState.tsx';
import { contactsApi, type QueueFilter } from '../../api/contacts.ts';
import { keys } from '../../api/keys.ts';
import { TicketDrawer } from '../../components/ticket/TicketDrawer.tsx';
import { BoardsPanel } from './BoardsPanel.tsx';
import { ContactDrawer } from './ContactDrawer.tsx';
import { ContactsTable } from './ContactsTable.tsx';

export default function ContactsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<QueueFilter>('open');
  const [openId, setOpenId] = useState<number | null>(null);
  const [orderId, setOrderId] = useState<number | null>(null);
  const query = useQuery({ queryKey: keys.contacts.list(filter), queryFn: () => contactsApi.list(filter), refetchInterval: 15_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.contacts.all });

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
            <ContactsTable
              items={query.data?.items ?? []}
              isLoading={query.isLoading}
              onOpen={setOpenId}
              onOpenOrder={setOrderId}
              onChanged={() => void refresh()}
            />
          )}
        </Card>
      </Space>
      <ContactDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void refresh()} onOpenOrder={setOrderId} />
      <TicketDrawer ticketId={orderId} onClose={() => setOrderId(null)} />
    </div>
  );
}
