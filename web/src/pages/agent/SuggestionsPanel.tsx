/**
 * 派单建议: smart dispatch (category, unit and place read from the text) plus the dispatch catalogue
 * for the chosen category and region. The agent's final choice is reported back so accuracy can be measured.
 */
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { lookupCatalogue, reportSuggestionDecision as sendSuggestionDecision, suggestDispatch } from '../../api/insight.ts';
import { useDebounced } from '../../hooks/useDebounced.ts';
import { keys } from '../../api/keys.ts';

const MIN_RUNNER_UP_CONFIDENCE = 0.05;
const SUGGEST_DEBOUNCE_MS = 600;

interface UnitChoice {
  unitId: number;
  unitName: string;
  source: 'catalogue' | 'model';
  confidence?: number | null;
}

export function SuggestionsPanel(props: {
  categoryId: number | null;
  regionId: number | null;
  text: string;
  onUseUnit: (unitId: number) => void;
  onUseCategory: (categoryId: number) => void;
  onUseRegion: (regionId: number, address: string | null) => void;
  onSuggestion?: (suggestionId: number | null) => void;
}) {
  const { t, i18n } = useTranslation();
  // asked once the agent pauses, not per keystroke; the server logs one suggestion per request and returns
  // the same one when asked again, so a refetch or a cached result shown again is still that suggestion
  const text = useDebounced(props.text.trim().slice(0, 10_000), SUGGEST_DEBOUNCE_MS);
  const model = useQuery({
    queryKey: keys.suggest.text(text, props.regionId),
    queryFn: () => suggestDispatch({ content: text, regionId: props.regionId ?? undefined }),
    // a cleared form (the order just saved) asks nothing, even while the debounced text still holds the old words
    enabled: text.length >= 6 && props.text.trim().length >= 6,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
  // the final choice is recorded against the suggestion on screen (none while the next one loads)
  const shownId = model.data?.suggestionId ?? null;
  const { onSuggestion } = props;
  useEffect(() => {
    onSuggestion?.(shownId);
  }, [shownId, onSuggestion]);
  const catalogue = useQuery({
    queryKey: keys.catalogue(props.categoryId, props.regionId),
    queryFn: () => lookupCatalogue({ categoryId: props.categoryId, regionId: props.regionId }),
    enabled: !!props.categoryId,
    staleTime: 5 * 60_000,
  });
  const units: UnitChoice[] = [];
  for (const c of catalogue.data?.candidates ?? []) units.push({ unitId: c.unitId, unitName: c.unitName, source: 'catalogue' });
  // a runner-up the model gives almost no chance is noise on an agent's screen
  const isWorthShowing = (confidence: number | null, rank: number) => rank === 0 || (confidence ?? 0) >= MIN_RUNNER_UP_CONFIDENCE;
  for (const [rank, u] of (model.data?.units ?? []).entries()) {
    if (isWorthShowing(u.confidence, rank) && !units.some((x) => x.unitId === u.unitId))
      units.push({ unitId: u.unitId, unitName: u.name, source: 'model', confidence: u.confidence });
  }
  const categories = (model.data?.categories ?? [])
    .filter((c, rank) => isWorthShowing(c.confidence, rank) && c.categoryId !== props.categoryId)
    .slice(0, 3);
  const location = model.data?.location;
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? null : <Tag color="blue">{t('agent.confidence', { value: Math.round(v * 100) })}</Tag>;

  return (
    <Card
      size="small"
      title={
        <Space>
          <BulbOutlined />
          {t('agent.suggestions')}
        </Space>
      }
      data-testid="suggestions-panel"
      data-suggestion-id={shownId ?? undefined}
      loading={model.isLoading && catalogue.isLoading && text.length >= 6}
    >
      {categories.length > 0 && (
        <List
          size="small"
          data-testid="suggested-categories"
          header={<Typography.Text type="secondary">{t('ticket.category')}</Typography.Text>}
          dataSource={categories}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button key="use" size="small" onClick={() => props.onUseCategory(c.categoryId)}>
                  {t('agent.useSuggestion')}
                </Button>,
              ]}
            >
              <Space size={4} wrap>
                <Typography.Text>{c.pathName}</Typography.Text>
                {pct(c.confidence)}
              </Space>
            </List.Item>
          )}
        />
      )}
      {categories.length > 0 && (model.data?.terms.length ?? 0) > 0 && (
        <Space size={4} wrap data-testid="suggestion-terms" style={{ padding: '0 16px 8px' }}>
          <Typography.Text type="secondary">{t('agent.suggestedBecause')}</Typography.Text>
          {model.data!.terms.slice(0, 5).map((term) => (
            <Tag key={term}>{term}</Tag>
          ))}
        </Space>
      )}
      {model.data?.reason && (
        <Typography.Paragraph type="secondary" data-testid="suggestion-reason" style={{ padding: '0 16px', marginBottom: 8 }}>
          {i18n.language.startsWith('en') ? model.data.reason.messageEn : model.data.reason.message}
        </Typography.Paragraph>
      )}
      {location?.regionId && location.regionId !== props.regionId && (
        <List
          size="small"
          header={<Typography.Text type="secondary">{t('ticket.region')}</Typography.Text>}
          dataSource={[location]}
          renderItem={(l) => (
            <List.Item
              actions={[
                <Button key="use" size="small" onClick={() => props.onUseRegion(l.regionId!, l.address)}>
                  {t('agent.useSuggestion')}
                </Button>,
              ]}
            >
              <Typography.Text>{[...l.regionPath, l.address].filter(Boolean).join(' · ')}</Typography.Text>
            </List.Item>
          )}
        />
      )}
      <List
        size="small"
        header={<Typography.Text type="secondary">{t('agent.dispatchTarget')}</Typography.Text>}
        dataSource={units.slice(0, 5)}
        locale={{ emptyText: t('agent.suggestionsEmpty') }}
        renderItem={(u) => (
          <List.Item
            actions={[
              <Button key="use" size="small" onClick={() => props.onUseUnit(u.unitId)} data-testid="use-unit">
                {t('agent.useSuggestion')}
              </Button>,
            ]}
          >
            <Space size={4} wrap>
              <Typography.Text>{u.unitName}</Typography.Text>
              {u.source === 'catalogue' ? <Tag>{t('agent.fromCatalogue')}</Tag> : pct(u.confidence)}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Tells smart dispatch what the agent finally chose (for its accuracy figures); failures are ignored. */
export function reportSuggestionDecision(
  suggestionId: number | null,
  ticket: { id: number; categoryId: number | null; leadUnitId: number | null },
) {
  if (!suggestionId) return;
  void sendSuggestionDecision(suggestionId, { ticketId: ticket.id, categoryId: ticket.categoryId, unitId: ticket.leadUnitId }).catch(
    () => undefined,
  );
}
