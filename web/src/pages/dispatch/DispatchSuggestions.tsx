/**
 * 派单建议 on the dispatch desk: the units the dispatch catalogue names for the order's category and region, and
 * what smart dispatch reads from its text, each with why it is suggested. Also tells the panel which units the
 * catalogue names, so dispatching elsewhere can ask for a reason.
 */
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { lookupCatalogue, suggestDispatch } from '../../api/insight.ts';
import { descendantsOf, useUnits } from '../../api/reference.ts';
import type { TicketSummary } from '../../api/types.ts';
import { keys } from '../../api/keys.ts';

/** The units the catalogue names for an order (with their sub-units); null while unknown or when it names none. */
export function useCatalogueUnits(ticket: TicketSummary | undefined) {
  const units = useUnits();
  const catalogue = useQuery({
    queryKey: keys.catalogue(ticket?.categoryId, ticket?.regionId),
    queryFn: () => lookupCatalogue({ categoryId: ticket!.categoryId, regionId: ticket!.regionId }),
    enabled: !!ticket?.categoryId,
    staleTime: 5 * 60_000,
  });
  const candidates = catalogue.data?.candidates ?? [];
  const allowed =
    candidates.length && units.data
      ? new Set(candidates.flatMap((c) => [c.unitId, ...descendantsOf(units.data!, c.unitId).map((u) => u.id)]))
      : null;
  return { candidates, allowed };
}

export function DispatchSuggestions(props: { ticket: TicketSummary; onUseUnit: (unitId: number) => void }) {
  const { t, i18n } = useTranslation();
  const { ticket } = props;
  const { candidates } = useCatalogueUnits(ticket);
  const model = useQuery({
    queryKey: keys.suggest.ticket(ticket.id),
    queryFn: () => suggestDispatch({ content: ticket.title.slice(0, 10_000), regionId: ticket.regionId ?? undefined, ticketId: ticket.id }),
    staleTime: 60_000,
    retry: false,
  });
  const rows: { unitId: number; name: string; why: React.ReactNode }[] = candidates.map((c) => ({
    unitId: c.unitId,
    name: c.unitName,
    why: (
      // wraps in a narrow panel rather than pushing the 选用 button out of it
      <Tag color="green" style={{ whiteSpace: 'normal' }}>
        {t('desks.byCatalogue', { category: shortPath(ticket.categoryName), region: c.regionName ?? t('desks.allRegions') })}
      </Tag>
    ),
  }));
  for (const [rank, u] of (model.data?.units ?? []).entries()) {
    if (rows.some((r) => r.unitId === u.unitId) || (rank > 0 && (u.confidence ?? 0) < 0.05)) continue;
    rows.push({
      unitId: u.unitId,
      name: u.name,
      why: (
        <Space size={2} wrap>
          <Tag color="blue">{t('agent.confidence', { value: Math.round((u.confidence ?? 0) * 100) })}</Tag>
          {(model.data?.terms ?? []).slice(0, 3).map((term) => (
            <Tag key={term}>{term}</Tag>
          ))}
        </Space>
      ),
    });
  }
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Space>
          <BulbOutlined />
          {t('agent.suggestions')} · <span className="lx-mono">{ticket.number}</span>
        </Space>
      }
      style={{ marginBottom: 12 }}
      data-testid="dispatch-suggestions"
    >
      <List
        size="small"
        dataSource={rows.slice(0, 5)}
        locale={{
          emptyText: model.data?.reason
            ? i18n.language.startsWith('en')
              ? model.data.reason.messageEn
              : model.data.reason.message
            : t('agent.suggestionsEmpty'),
        }}
        renderItem={(r) => (
          <List.Item
            data-unit-id={r.unitId}
            actions={[
              <Button key="use" size="small" onClick={() => props.onUseUnit(r.unitId)} data-testid="use-unit">
                {t('agent.useSuggestion')}
              </Button>,
            ]}
          >
            <Space orientation="vertical" size={0}>
              <Typography.Text>{r.name}</Typography.Text>
              {r.why}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function shortPath(pathName: string | null) {
  return (pathName ?? '')
    .split(/\s*\/\s*/)
    .slice(-2)
    .join(' / ');
}
