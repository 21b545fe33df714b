/** 工单查询: every order the user may see, with all filters and Excel export; filters may come in the address (links from the dashboard). */
import { useState } from 'react';
import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { listAllTickets, type TicketFilters as Filters } from '../../api/tickets.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { TicketFilters } from '../../components/TicketFilters.tsx';
import { TicketTable } from '../../components/TicketTable.tsx';
import { ticketExportColumns } from '../../components/ticketExport.ts';
import { TicketDrawer } from '../../components/ticket/TicketDrawer.tsx';
import { useTicketPages } from '../../hooks/useTicketPages.ts';

const SLA_STATES = ['normal', 'at_risk', 'overdue'] as const;

/** The list filters a link may carry: ?status=a,b&from=…&to=…&slaState=… */
function filtersOf(params: URLSearchParams): Filters {
  const slaState = SLA_STATES.find((s) => s === params.get('slaState'));
  return {
    ...(params.get('status') ? { status: params.get('status')!.split(',').filter(Boolean) } : {}),
    ...(params.get('from') ? { from: params.get('from')! } : {}),
    ...(params.get('to') ? { to: params.get('to')! } : {}),
    ...(slaState ? { slaState } : {}),
  };
}

const DASHBOARD_CARDS = ['today', 'month', 'overdue', 'atRisk'];

export default function TicketsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => filtersOf(params));
  // opened from a dashboard card: say which orders these are until the user changes the filters
  const card = DASHBOARD_CARDS.find((k) => k === params.get('card'));
  const changeFilters = (next: Filters) => {
    setFilters(next);
    if (params.size) setParams({}, { replace: true });
  };
  const [openId, setOpenId] = useState<number | null>(null);
  const pages = useTicketPages(filters, 20, { scope: 'search' });
  return (
    <div className="lx-page" data-testid="tickets-page">
      <Card size="small" title={t('tickets.title')}>
        {card && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="tickets-from-dashboard"
            title={t('tickets.fromDashboard', { card: t(`dashboard.${card}`) })}
            description={t(`tickets.fromDashboardHint.${card}`)}
          />
        )}
        <TicketFilters
          value={filters}
          onChange={changeFilters}
          fields={['q', 'status', 'type', 'urgency', 'channel', 'sla', 'category', 'region', 'unit', 'dates']}
          extra={<ExportButton filename={t('tickets.title')} columns={ticketExportColumns(t)} fetchRows={() => listAllTickets(filters)} />}
        />
        <TicketTable
          pages={pages}
          testId="tickets-table"
          onOpen={(x) => setOpenId(x.id)}
          activeId={openId}
          columns={['number', 'title', 'type', 'status', 'category', 'region', 'leadUnit', 'phone', 'createdAt', 'handleDue']}
        />
      </Card>
      <TicketDrawer ticketId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
