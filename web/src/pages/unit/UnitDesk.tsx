/** 承办单位工作台: the unit's orders by what needs doing, usable on a phone. */
import { useMemo, useState } from 'react';
import { App, Badge, Segmented, Space, Tabs } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { descendantsOf, useUnits } from '../../api/reference.ts';
import { errorMessage } from '../../api/client.ts';
import { getTicket, listAllTickets, type TicketFilters as Filters } from '../../api/tickets.ts';
import type { TicketDetail, TicketSummary } from '../../api/types.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { TicketFilters } from '../../components/TicketFilters.tsx';
import { Pager } from '../../components/TicketTable.tsx';
import { ticketExportColumns } from '../../components/ticketExport.ts';
import { ActionModal } from '../../components/ticket/ActionModal.tsx';
import { TicketDrawer } from '../../components/ticket/TicketDrawer.tsx';
import { useTicketPages } from '../../hooks/useTicketPages.ts';
import { useTransition } from '../../hooks/useTransition.ts';
import { UnitTicketCard } from './UnitTicketCard.tsx';
import { keys } from '../../api/keys.ts';

const OPEN_UNIT = ['pending_sign', 'handling', 'extension_pending'];
export const UNIT_TABS: Record<string, Filters> = {
  toSign: { status: ['pending_sign'], activeOnly: true },
  handling: { status: ['handling', 'extension_pending'], activeOnly: true },
  atRisk: { status: OPEN_UNIT, slaState: 'at_risk', activeOnly: true },
  overdue: { status: OPEN_UNIT, slaState: 'overdue', activeOnly: true },
  rejected: { status: ['handling'], replyRejected: true, activeOnly: true },
};

export default function UnitDesk() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useUnits();
  const [tab, setTab] = useState('toSign');
  const [openId, setOpenId] = useState<number | null>(null);
  const subUnitIds = useMemo(
    () => (me.unitId && units.data ? descendantsOf(units.data, me.unitId).map((u) => u.id) : []),
    [units.data, me.unitId],
  );
  return (
    <div className="lx-page" data-testid="unit-desk">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={Object.keys(UNIT_TABS).map((key) => ({
          key,
          label: <TabLabel tab={key} label={t(`unitDesk.tabs.${key}`)} />,
          children: <UnitList filters={UNIT_TABS[key]} scope={key} onOpen={setOpenId} subUnitIds={subUnitIds} />,
        }))}
      />
      <TicketDrawer ticketId={openId} onClose={() => setOpenId(null)} subUnitIds={subUnitIds} />
    </div>
  );
}

/** Tab title with the count of its orders, so the handler sees where work waits. */
function TabLabel({ tab, label }: { tab: string; label: string }) {
  const pages = useTicketPages(UNIT_TABS[tab], 1, { scope: `unit-count-${tab}` });
  const count = pages.total ?? pages.items.length;
  return (
    <Space size={4}>
      {label}
      {count > 0 && <Badge count={count} overflowCount={999} color={tab === 'overdue' ? 'red' : tab === 'atRisk' ? 'orange' : 'blue'} />}
    </Space>
  );
}

function UnitList(props: { filters: Filters; scope: string; onOpen: (id: number) => void; subUnitIds: number[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  // the most urgent first unless the handler asks for the newest
  const [sort, setSort] = useState<'due' | 'created'>('due');
  const all: Filters = { ...filters, ...props.filters, sort };
  const pages = useTicketPages(all, 20, { scope: `unit-${props.scope}` });
  const items = pages.items;
  const [modal, setModal] = useState<{ ticket: TicketDetail; action: string } | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const sign = useTransition();

  async function act(ticket: TicketSummary, action: string) {
    if (action === 'sign') {
      setBusyId(ticket.id);
      sign.mutate({ ticket, action: 'sign' }, { onSettled: () => setBusyId(null) });
      return;
    }
    setBusyId(ticket.id);
    try {
      const detail = await queryClient.fetchQuery({
        queryKey: keys.tickets.detail(ticket.id),
        queryFn: () => getTicket(ticket.id),
        staleTime: 0,
      });
      setModal({ ticket: detail, action });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div>
      <TicketFilters
        value={filters}
        onChange={setFilters}
        fields={['q', 'category', 'dates']}
        extra={
          <Space wrap>
            <Segmented<'due' | 'created'>
              value={sort}
              onChange={setSort}
              data-testid="unit-sort"
              aria-label={t('unitDesk.sortBy')}
              options={[
                { value: 'due', label: t('unitDesk.sort.due') },
                { value: 'created', label: t('unitDesk.sort.created') },
              ]}
            />
            <ExportButton
              filename={t(`unitDesk.tabs.${props.scope}`)}
              columns={ticketExportColumns(t)}
              fetchRows={() => listAllTickets(all)}
            />
          </Space>
        }
      />
      {pages.query.isLoading ? (
        <LoadingState />
      ) : pages.query.error && !pages.query.data ? (
        <ErrorState error={pages.query.error} onRetry={() => void pages.query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState />
      ) : (
        <div data-testid={`unit-list-${props.scope}`}>
          {items.map((x) => (
            <UnitTicketCard
              key={x.id}
              ticket={x}
              onOpen={() => props.onOpen(x.id)}
              onAction={(a) => void act(x, a)}
              isBusy={busyId === x.id}
            />
          ))}
        </div>
      )}
      <Pager pages={pages} />
      {modal && <ActionModal ticket={modal.ticket} action={modal.action} onClose={() => setModal(null)} subUnitIds={props.subUnitIds} />}
    </div>
  );
}
