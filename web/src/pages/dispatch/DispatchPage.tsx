/** 派单: the dispatch queue with bulk dispatch, and the extension and dispute decisions waiting for the center. */
import { useCallback, useState } from 'react';
import { Card, Col, Row, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketFilters as Filters } from '../../api/tickets.ts';
import { listAllTickets } from '../../api/tickets.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { TicketFilters } from '../../components/TicketFilters.tsx';
import { TicketTable } from '../../components/TicketTable.tsx';
import { ticketExportColumns } from '../../components/ticketExport.ts';
import { TicketDrawer } from '../../components/ticket/TicketDrawer.tsx';
import { orderAfter, usePickFirst } from '../../hooks/usePickFirst.ts';
import { useTicketPages } from '../../hooks/useTicketPages.ts';
import { DispatchPanel } from './DispatchPanel.tsx';

const QUEUE = ['pending_dispatch', 'returned'];

export default function DispatchPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('queue');
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <div className="lx-page" data-testid="dispatch-page">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'queue', label: t('dispatch.queue'), children: <Queue onOpen={setOpenId} /> },
          {
            key: 'extensions',
            label: t('dispatch.extensions'),
            children: <DecisionList status="extension_pending" onOpen={setOpenId} openId={openId} />,
          },
          {
            key: 'objections',
            label: t('dispatch.objections'),
            children: <DecisionList status="objected" onOpen={setOpenId} openId={openId} />,
          },
        ]}
      />
      <TicketDrawer ticketId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

function Queue({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  // false once the user has unpicked every order: the desk then leaves the selection empty instead of picking again
  const [shouldPickFirst, setShouldPickFirst] = useState(true);
  // newest first for now: sort 'waiting' (紧急 first, then the longest waiting) is ready in the API, but the browser
  // tests that look for a new order on the queue's first page must find it by number first
  const all: Filters = { ...filters, status: filters.status?.length ? filters.status : QUEUE };
  const pages = useTicketPages(all, 20, { scope: 'dispatch' });
  // in the order they were picked: the panel shows the first one's suggestions and deadlines
  const selected = selectedIds.flatMap((id) => pages.items.filter((x) => x.id === id));
  // as the review and callback desks do: the panel opens on the first order of the queue, and again when the picked
  // ones are no longer listed (a new filter, or another dispatcher took them)
  usePickFirst(
    pages,
    shouldPickFirst && selected.length === 0,
    useCallback((id: number) => setSelectedIds([id]), []),
  );
  const select = (ids: number[]) => {
    setSelectedIds(ids);
    setShouldPickFirst(ids.length > 0);
  };
  const changeFilters = (next: Filters) => {
    setFilters(next);
    setShouldPickFirst(true);
  };
  return (
    // the queue takes 17 of 24 columns and shows no status column (a returned order says so by its title), so that it
    // fits 1366 px in Chinese and 1440 px in English without scrolling sideways (e2e/daily-desks.e2e.test.ts, 9 · layout)
    <Row gutter={12}>
      <Col xs={24} xl={17}>
        <Card size="small">
          <TicketFilters
            value={filters}
            onChange={changeFilters}
            fields={['q', 'type', 'urgency', 'category', 'region', 'dates']}
            extra={<ExportButton filename={t('dispatch.queue')} columns={ticketExportColumns(t)} fetchRows={() => listAllTickets(all)} />}
          />
          {selectedIds.length > 0 && (
            <Typography.Text type="secondary">{t('common.selected', { count: selectedIds.length })}</Typography.Text>
          )}
          <TicketTable
            pages={pages}
            testId="dispatch-queue"
            onOpen={(x) => onOpen(x.id)}
            selectedIds={selectedIds}
            onSelect={select}
            columns={['number', 'title', 'type', 'category', 'region', 'createdAt']}
          />
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        {/* the dispatched orders leave the queue: the panel goes on to the order below them */}
        <DispatchPanel
          selected={selected}
          onDone={() => {
            const next = orderAfter(pages.items, selectedIds);
            setSelectedIds(next ? [next.id] : []);
          }}
        />
      </Col>
    </Row>
  );
}

function DecisionList({ status, onOpen, openId }: { status: string; onOpen: (id: number) => void; openId: number | null }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const all: Filters = { ...filters, status: [status] };
  const pages = useTicketPages(all, 20, { scope: `dispatch-${status}` });
  return (
    <Card size="small">
      <TicketFilters
        value={filters}
        onChange={setFilters}
        fields={['q', 'unit', 'category', 'dates']}
        extra={
          <ExportButton filename={t(`enums.status.${status}`)} columns={ticketExportColumns(t)} fetchRows={() => listAllTickets(all)} />
        }
      />
      <TicketTable
        pages={pages}
        testId={`list-${status}`}
        onOpen={(x) => onOpen(x.id)}
        activeId={openId}
        columns={['number', 'title', 'status', 'leadUnit', 'category', 'handleDue', 'createdAt']}
      />
    </Card>
  );
}
