/** 派单建议: units from the dispatch catalogue for the chosen category and region, plus smart dispatch when available. */
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { DispatchCandidate } from '../../api/types.ts';

interface Suggestion { unitId: number; unitName: string; source: 'catalogue' | 'model'; confidence?: number; note?: string | null }

async function fetchSuggestions(categoryId: number | null, regionId: number | null, text: string): Promise<Suggestion[]> {
  const out: Suggestion[] = [];
  const [catalogue, model] = await Promise.all([
    categoryId ? api.get<{ candidates: DispatchCandidate[] }>('/api/v1/dispatch-catalogue/lookup', { categoryId, regionId }).catch(() => null) : null,
    text.length >= 6 ? api.post<any>('/api/v1/insight/suggest', { text, categoryId, regionId }).catch(() => null) : null,
  ]);
  for (const c of catalogue?.candidates ?? []) out.push({ unitId: c.unitId, unitName: c.unitName, source: 'catalogue', note: c.regionName ?? c.note });
  const units: any[] = model?.units ?? model?.dispatch ?? model?.suggestions ?? [];
  for (const u of units) {
    if (typeof u?.unitId === 'number' && !out.some((o) => o.unitId === u.unitId)) {
      out.push({ unitId: u.unitId, unitName: u.unitName ?? String(u.unitId), source: 'model', confidence: u.confidence ?? u.probability ?? u.score });
    }
  }
  return out.slice(0, 6);
}

export function SuggestionsPanel(props: { categoryId: number | null; regionId: number | null; text: string; onUse: (unitId: number) => void }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['suggestions', props.categoryId, props.regionId, props.text.slice(0, 200)],
    queryFn: () => fetchSuggestions(props.categoryId, props.regionId, props.text.slice(0, 2000)),
    enabled: !!props.categoryId || props.text.length >= 6,
    staleTime: 60_000,
  });
  return (
    <Card size="small" title={<Space><BulbOutlined />{t('agent.suggestions')}</Space>} data-testid="suggestions-panel">
      <List
        size="small"
        loading={query.isFetching}
        dataSource={query.data ?? []}
        locale={{ emptyText: t('agent.suggestionsEmpty') }}
        renderItem={(s) => (
          <List.Item actions={[<Button key="use" size="small" onClick={() => props.onUse(s.unitId)}>{t('agent.useSuggestion')}</Button>]}>
            <Space size={4} wrap>
              <Typography.Text>{s.unitName}</Typography.Text>
              {s.source === 'catalogue' ? <Tag>{t('agent.fromCatalogue')}</Tag> : null}
              {s.confidence !== undefined ? <Tag color="blue">{t('agent.confidence', { value: Math.round(s.confidence * 100) })}</Tag> : null}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
