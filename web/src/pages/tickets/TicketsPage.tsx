/** 工单查询: every order the user may see, with all filters and Excel export. */
import { useState } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { listAllTickets, type TicketFilters as Filters } from '../../api/tickets.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { TicketFilters } from '../../components/TicketFilters.tsx';
import { TicketTable } from '../../components/TicketTable.tsx';
import { ticketExportColumns } from '../../components/ticketExport.ts';
import { TicketDrawer } from '../../components/ticket/TicketDrawer.tsx';
import { useTicketPages } from '../../hooks/useTicketPages.ts';

export default function TicketsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [openId, setOpenId] = useState<number | null>(null);
  const pages = useTicketPages(filters, 20, { scope: 'search' });
  return (
    <div className="lx-page" data-testid="tickets-page">
      <Card size="small" title={t('tickets.title')}>
        <TicketFilters value={filters} onChange={setFilters} fields={['q', 'status', 'type', 'urgency', 'channel', 'sla', 'category', 'region', 'unit', 'dates']}
          extra={<ExportButton filename={t('tickets.title')} columns={ticketExportColumns(t)} fetchRows={() => listAllTickets(filters)} />} />
        <TicketTable pages={pages} testId="tickets-table" onOpen={(x) => setOpenId(x.id)} activeId={openId}
          columns={['number', 'title', 'type', 'status', 'category', 'region', 'leadUnit', 'phone', 'createdAt', 'handleDue']} />
      </Card>
      <TicketDrawer ticketId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
