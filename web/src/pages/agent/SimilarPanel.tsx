/**
 * Possible duplicates: of what the agent is typing, or — once an order is saved and still awaiting
 * dispatch — of that order, with a button to merge it into the earlier one (并单).
 */
import { Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { findDuplicates } from '../../api/tickets.ts';
import type { TicketDetail } from '../../api/types.ts';
import { StatusTag } from '../../components/Tags.tsx';
import { useDebounced } from '../../hooks/useDebounced.ts';
import { useTransition } from '../../hooks/useTransition.ts';
import { formatDate } from '../../lib/format.ts';
import { keys } from '../../api/keys.ts';

export function SimilarPanel(props: {
  text: string;
  regionId?: number | null;
  saved: TicketDetail | null;
  onOpen: (id: number) => void;
  onMerged: (d: TicketDetail) => void;
}) {
  const { t } = useTranslation();
  const text = useDebounced(props.text.trim().slice(0, 10_000), 700);
  const mergeable = !text && props.saved?.status === 'pending_dispatch' ? props.saved : null;
  const regionId = mergeable ? mergeable.regionId : props.regionId;
  // one engine for duplicates (insight/duplicates/duplicates.ts): candidates by full-text search, same caller and district,
  // ranked by text similarity and shared places
  const query = useQuery({
    queryKey: keys.tickets.similar(mergeable ? `id:${mergeable.id}` : `text:${text}`, regionId ?? null),
    queryFn: () =>
      findDuplicates(
        mergeable
          ? { ticketId: mergeable.id, title: mergeable.title, content: mergeable.content, regionId: regionId ?? undefined }
          : { content: text, regionId: regionId ?? undefined },
      ),
    enabled: !!mergeable || text.length >= 6,
    staleTime: 30_000,
  });
  const merge = useTransition({ onDone: (d) => props.onMerged(d) });
  const items = (query.data?.items ?? []).filter((x) => x.ticketId !== mergeable?.id);
  return (
    <Card
      size="small"
      title={
        <Space>
          <CopyOutlined />
          {t('agent.similar')}
        </Space>
      }
      data-testid="similar-panel"
    >
      <List
        size="small"
        loading={query.isFetching}
        dataSource={items}
        locale={{ emptyText: mergeable || text.length >= 6 ? t('agent.similarEmpty') : t('agent.similarHint') }}
        renderItem={(x) => (
          <List.Item
            actions={
              mergeable
                ? [
                    <Popconfirm
                      key="merge"
                      title={t('agent.mergeConfirm', { number: mergeable.number, main: x.number })}
                      onConfirm={() => merge.mutate({ ticket: mergeable, action: 'merge', body: { mainTicketId: x.ticketId } })}
                    >
                      <Button size="small" loading={merge.isPending} data-testid="merge-into">
                        {t('agent.mergeInto')}
                      </Button>
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <Space
              size={6}
              wrap
              style={{ cursor: 'pointer' }}
              onClick={() => props.onOpen(x.ticketId)}
              data-testid="similar-item"
              data-number={x.number}
            >
              <a className="lx-mono" href="#" onClick={(e) => e.preventDefault()}>
                {x.number}
              </a>
              <Typography.Text ellipsis style={{ maxWidth: 180 }}>
                {x.title}
              </Typography.Text>
              <StatusTag status={x.status} />
              <Typography.Text type="secondary">{formatDate(x.createdAt)}</Typography.Text>
              {x.isRepeat && <Tag color="orange">{t('agent.similarRepeat')}</Tag>}
              {x.reasons
                .filter((r) => r !== 'same_region')
                .map((r) => (
                  <Tag key={r} data-reason={r}>
                    {r === 'same_place' && x.sharedPlaces.length ? x.sharedPlaces.slice(0, 2).join('、') : t(`agent.similarReason.${r}`)}
                  </Tag>
                ))}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
