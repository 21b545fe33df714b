/** 实时工单: new orders as they arrive over the live stream; each event names its order (number, title, category, region). */
import { useState } from 'react';
import { Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TicketSummary } from '../../api/types.ts';
import { useLiveMessages, type LiveMessage } from '../../live/LiveContext.tsx';
import { TicketDrawer } from '../../components/ticket/TicketDrawer.tsx';

interface StreamItem {
  id: number;
  number: string;
  /** Null for a confidential report (举报人保密): its title stays out of the stream. */
  title: string | null;
  categoryName: string | null;
  regionName: string | null;
  urgency: string;
  at: string;
}

const leaf = (path: string | null) => (path ? path.split(' / ').at(-1)! : null);

function fromEvent(m: LiveMessage): StreamItem | null {
  const p = m.payload as
    { number?: string; title?: string | null; categoryName?: string | null; regionName?: string | null; urgency?: string } | undefined;
  if (!m.ticketId || !p?.number) return null;
  return {
    id: m.ticketId,
    number: p.number,
    title: p.title ?? null,
    categoryName: p.categoryName ?? null,
    regionName: p.regionName ?? null,
    urgency: p.urgency ?? 'normal',
    at: m.at,
  };
}

const fromSummary = (x: TicketSummary): StreamItem => ({
  id: x.id,
  number: x.number,
  title: x.isConfidential ? null : x.title,
  categoryName: leaf(x.categoryName),
  regionName: x.regionName,
  urgency: x.urgency,
  at: x.createdAt,
});

export function LiveStream({ initial }: { initial: TicketSummary[] }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<StreamItem[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  useLiveMessages((m) => {
    if (!/created|\.create$/.test(m.topic)) return;
    const item = fromEvent(m);
    if (item) setItems((list) => [item, ...list.filter((y) => y.id !== item.id)].slice(0, 20));
  });
  const rows = [...items, ...initial.map(fromSummary).filter((x) => !items.some((y) => y.id === x.id))].slice(0, 12);
  const muted = '#9fc3f0';
  return (
    <Card size="small" title={t('dashboard.stream')} data-testid="live-stream">
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: <span style={{ color: muted }}>{t('dashboard.streamEmpty')}</span> }}
        renderItem={(x) => (
          <List.Item
            data-testid="stream-item"
            data-number={x.number}
            onClick={() => setOpenId(x.id)}
            style={{ borderColor: '#1d4e89', padding: '6px 0', display: 'block', cursor: 'pointer' }}
          >
            <div style={{ display: 'flex', gap: 8, alignItems: 'center', minWidth: 0 }}>
              <span style={{ color: muted, flex: '0 0 auto' }}>{dayjs(x.at).format('HH:mm')}</span>
              {x.urgency === 'urgent' && (
                <Tag color="red" style={{ flex: '0 0 auto', marginInlineEnd: 0 }}>
                  {t('enums.urgency.urgent')}
                </Tag>
              )}
              <span
                style={{
                  color: '#e6f0ff',
                  flex: '1 1 auto',
                  minWidth: 0,
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  whiteSpace: 'nowrap',
                }}
                title={x.title ?? undefined}
              >
                {x.title ?? <i style={{ color: muted }}>{t('live.confidential')}</i>}
              </span>
            </div>
            <div style={{ display: 'flex', gap: 8, fontSize: 12, color: muted, paddingInlineStart: 44, minWidth: 0 }}>
              <span className="lx-mono" style={{ flex: '0 0 auto' }}>
                {x.number}
              </span>
              <span style={{ flex: '1 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {[x.categoryName, x.regionName].filter(Boolean).join(' · ')}
              </span>
            </div>
          </List.Item>
        )}
      />
      <TicketDrawer ticketId={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
