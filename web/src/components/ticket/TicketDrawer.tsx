/** A ticket's full record and its available actions, opened from any list. */
import { Divider, Drawer, Grid } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getTicket } from '../../api/tickets.ts';
import type { TicketDetail } from '../../api/types.ts';
import { QueryState } from '../PageState.tsx';
import { TicketActions } from './TicketActions.tsx';
import { TicketInfo } from './TicketInfo.tsx';
import { TicketRecords } from './TicketRecords.tsx';
import { keys } from '../../api/keys.ts';

export function useTicketDetail(id: number | null) {
  return useQuery({ queryKey: keys.tickets.detail(id), queryFn: () => getTicket(id!), enabled: !!id });
}

export function TicketDrawer(props: {
  ticketId: number | null;
  onClose: () => void;
  subUnitIds?: number[];
  onDone?: (d: TicketDetail, action: string) => void;
  extra?: (d: TicketDetail) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const query = useTicketDetail(props.ticketId);
  return (
    <Drawer
      open={!!props.ticketId}
      onClose={props.onClose}
      size={screens.md ? 760 : '100%'}
      title={
        query.data ? (
          <span className="lx-mono">
            {query.data.number} · {query.data.title}
          </span>
        ) : (
          t('common.loading')
        )
      }
      destroyOnHidden
    >
      <QueryState query={query}>
        {(ticket) => (
          <div data-testid="ticket-detail" data-number={ticket.number} data-status={ticket.status}>
            <TicketInfo ticket={ticket} isCompact={!screens.md} />
            {props.extra?.(ticket)}
            <Divider titlePlacement="start" plain>
              {t('common.actions')}
            </Divider>
            <TicketActions ticket={ticket} subUnitIds={props.subUnitIds} onDone={props.onDone} />
            <Divider />
            <TicketRecords ticket={ticket} />
          </div>
        )}
      </QueryState>
    </Drawer>
  );
}
