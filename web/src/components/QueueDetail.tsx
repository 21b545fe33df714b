/** A work queue on the left and the picked order's record and decision on the right. */
import { useState } from 'react';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { listAllTickets, type TicketFilters as Filters } from '../api/tickets.ts';
import type { TicketDetail } from '../api/types.ts';
import { orderAfter, usePickFirst } from '../hooks/usePickFirst.ts';
import { useTicketPages } from '../hooks/useTicketPages.ts';
import { ExportButton } from './ExportButton.tsx';
import { EmptyState, QueryState } from './PageState.tsx';
import { TicketFilters, type FilterField } from './TicketFilters.tsx';
import { TicketTable, type TicketColumn } from './TicketTable.tsx';
import { ticketExportColumns } from './ticketExport.ts';
import { useTicketDetail } from './ticket/TicketDrawer.tsx';
import { TicketInfo } from './ticket/TicketInfo.tsx';

/** The queue has half the screen beside its detail: its titles keep 140 px before the table scrolls (督办 › 工单 fits 1366). */
const QUEUE_TITLE_MIN_WIDTH = 140;

export function QueueDetail(props: {
  scope: string;
  base: Filters;
  exportName: string;
  fields?: FilterField[];
  columns?: TicketColumn[];
  /** `done`: call it when the action took the order out of this queue; an order that stays stays in the pane. */
  renderDecision: (ticket: TicketDetail, done: () => void) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const all = { ...filters, ...props.base };
  const pages = useTicketPages(all, 20, { scope: props.scope });
  const [pickedId, setPickedId] = useState<number | null>(null);
  const detail = useTicketDetail(pickedId);
  // The pane opens on the first order of the list as it now is: a new search or filter drops the order picked before.
  usePickFirst(pages, !pickedId, setPickedId);
  const changeFilters = (next: Filters) => {
    setFilters(next);
    setPickedId(null);
  };
  // the order acted on has left this queue: the pane goes on to the order below it (above it when it was the last)
  const done = () => setPickedId(orderAfter(pages.items, pickedId ? [pickedId] : [])?.id ?? null);
  return (
    <Row gutter={12}>
      <Col xs={24} xl={12}>
        <Card size="small">
          <TicketFilters
            value={filters}
            onChange={changeFilters}
            fields={props.fields ?? ['q', 'unit', 'category', 'dates']}
            extra={<ExportButton filename={props.exportName} columns={ticketExportColumns(t)} fetchRows={() => listAllTickets(all)} />}
          />
          <TicketTable
            pages={pages}
            testId={`queue-${props.scope}`}
            onOpen={(x) => setPickedId(x.id)}
            activeId={pickedId}
            columns={props.columns ?? ['number', 'title', 'leadUnit', 'category', 'createdAt']}
            titleMinWidth={QUEUE_TITLE_MIN_WIDTH}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          data-testid={`decision-${props.scope}`}
          title={
            detail.data && pickedId ? (
              <span data-testid="decision-current">{t('desks.current', { number: detail.data.number, title: detail.data.title })}</span>
            ) : undefined
          }
        >
          {!pickedId ? (
            <EmptyState />
          ) : (
            <QueryState query={detail}>
              {(ticket) => (
                <div data-number={ticket.number} data-status={ticket.status}>
                  {props.renderDecision(ticket, done)}
                  <div style={{ marginTop: 16 }}>
                    <TicketInfo ticket={ticket} />
                  </div>
                </div>
              )}
            </QueryState>
          )}
        </Card>
      </Col>
    </Row>
  );
}
