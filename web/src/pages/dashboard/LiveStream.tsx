/** 实时工单: new orders as they arrive over the live stream. */
import { useState } from 'react';
import { Card, List, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getTicket } from '../../api/tickets.ts';
import type { TicketSummary } from '../../api/types.ts';
import { useLiveMessages } from '../../live/LiveContext.tsx';
import dayjs from 'dayjs';

export function LiveStream({ initial }: { initial: TicketSummary[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<TicketSummary[]>([]);
  useLiveMessages((m) => {
    if (!m.ticketId || !/created|\.create$/.test(m.topic)) return;
    void queryClient.fetchQuery({ queryKey: ['tickets', 'detail', m.ticketId], queryFn: () => getTicket(m.ticketId!) })
      .then((x) => setItems((list) => [x, ...list.filter((y) => y.id !== x.id)].slice(0, 20)))
      .catch(() => undefined);
  });
  const rows = [...items, ...initial.filter((x) => !items.some((y) => y.id === x.id))].slice(0, 12);
  return (
    <Card size="small" title={t('dashboard.stream')} data-testid="live-stream">
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: <span style={{ color: '#9fc3f0' }}>{t('dashboard.streamEmpty')}</span> }}
        renderItem={(x) => (
          <List.Item style={{ borderColor: '#1d4e89', padding: '6px 0', display: 'flex', gap: 8, justifyContent: 'flex-start', flexWrap: 'nowrap' }}>
            <span style={{ color: '#9fc3f0', flex: '0 0 auto' }}>{dayjs(x.createdAt).format('HH:mm')}</span>
            {x.urgency === 'urgent' && <Tag color="red" style={{ flex: '0 0 auto', marginInlineEnd: 0 }}>{t('enums.urgency.urgent')}</Tag>}
            <span style={{ color: '#e6f0ff', flex: '1 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={x.title}>{x.title}</span>
            <span style={{ color: '#9fc3f0', flex: '0 0 auto', whiteSpace: 'nowrap' }}>{x.regionName ?? ''}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}
