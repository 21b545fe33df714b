/**
 * Possible duplicates: of what the agent is typing, or — once an order is saved and still awaiting
 * dispatch — of that order, with a button to merge it into the earlier one (并单).
 */
import { useEffect, useState } from 'react';
import { Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { similarForText } from '../../api/tickets.ts';
import type { SimilarTicket, TicketDetail } from '../../api/types.ts';
import { StatusTag } from '../../components/Tags.tsx';
import { useTransition } from '../../hooks/useTransition.ts';
import { formatDate } from '../../lib/format.ts';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function SimilarPanel(props: { text: string; saved: TicketDetail | null; onOpen: (id: number) => void; onMerged: (d: TicketDetail) => void }) {
  const { t } = useTranslation();
  const text = useDebounced(props.text.trim(), 700);
  const mergeable = !text && props.saved?.status === 'pending_dispatch' ? props.saved : null;
  const query = useQuery({
    queryKey: ['tickets', 'similar', mergeable ? `id:${mergeable.id}` : `text:${text}`],
    queryFn: () => (mergeable ? api.get<SimilarTicket[]>(`/api/v1/tickets/${mergeable.id}/similar`) : similarForText(text.slice(0, 2000))),
    enabled: !!mergeable || text.length >= 6,
    staleTime: 30_000,
  });
  const merge = useTransition({ onDone: (d) => props.onMerged(d) });
  const items = (query.data ?? []).filter((x) => x.id !== mergeable?.id);
  return (
    <Card size="small" title={<Space><CopyOutlined />{t('agent.similar')}</Space>} data-testid="similar-panel">
      <List
        size="small"
        loading={query.isFetching}
        dataSource={items}
        locale={{ emptyText: mergeable || text.length >= 6 ? t('agent.similarEmpty') : t('agent.similarHint') }}
        renderItem={(x) => (
          <List.Item actions={mergeable ? [
            <Popconfirm key="merge" title={t('agent.mergeConfirm', { number: mergeable.number, main: x.number })}
              onConfirm={() => merge.mutate({ ticket: mergeable, action: 'merge', body: { mainTicketId: x.id } })}>
              <Button size="small" loading={merge.isPending} data-testid="merge-into">{t('agent.mergeInto')}</Button>
            </Popconfirm>,
          ] : undefined}>
            <Space size={6} wrap style={{ cursor: 'pointer' }} onClick={() => props.onOpen(x.id)}>
              <a className="lx-mono" href="#" onClick={(e) => e.preventDefault()}>{x.number}</a>
              <Typography.Text ellipsis style={{ maxWidth: 180 }}>{x.title}</Typography.Text>
              <StatusTag status={x.status} />
              <Typography.Text type="secondary">{formatDate(x.createdAt)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
