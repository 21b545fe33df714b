/** 知识库 side panel: search as you type, read an item, answer the caller with it in one click. */
import { forwardRef, useEffect, useState } from 'react';
import { Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import type { InputRef } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getKnowledgeItem, searchKnowledge } from '../../api/knowledge.ts';
import type { KnowledgeItem } from '../../api/types.ts';
import { ErrorState } from '../../components/PageState.tsx';
import { formatDate } from '../../lib/format.ts';
import { LIMITS } from '../../../../common/limits.ts';
import { keys } from '../../api/keys.ts';

export const KnowledgePanel = forwardRef<InputRef, { suggestedQuery: string; onAnswer: (item: KnowledgeItem) => void }>(
  function KnowledgePanel(props, ref) {
    const { t } = useTranslation();
    const [q, setQ] = useState('');
    // Typed words are searched as such; otherwise the complaint's own text finds items sharing its telling words.
    const [about, setAbout] = useState('');
    useEffect(() => {
      const timer = setTimeout(() => setAbout(props.suggestedQuery.trim().slice(0, LIMITS.knowledgeAboutMax)), 400);
      return () => clearTimeout(timer);
    }, [props.suggestedQuery]);
    const query = q || about;
    const results = useQuery({
      queryKey: keys.knowledge.panel(q ? 'search' : 'about', query),
      queryFn: ({ signal }) => searchKnowledge(q ? { q, limit: 8 } : { about, limit: 5 }, signal),
      enabled: query.trim().length >= 2,
      staleTime: 60_000,
    });
    const [loadingId, setLoadingId] = useState<number | null>(null);

    async function answerWith(id: number) {
      setLoadingId(id);
      try {
        props.onAnswer(await getKnowledgeItem(id));
      } finally {
        setLoadingId(null);
      }
    }

    return (
      <Card
        size="small"
        title={
          <Space>
            <BookOutlined />
            {t('agent.knowledge')}
          </Space>
        }
        data-testid="knowledge-panel"
      >
        <Input.Search
          ref={ref}
          id="knowledge-search"
          aria-label={t('agent.knowledgeSearch')}
          placeholder={t('agent.knowledgeSearch')}
          allowClear
          onSearch={(v) => setQ(v.trim())}
          onChange={(e) => {
            if (!e.target.value) setQ('');
          }}
        />
        {results.error ? (
          <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <List
            size="small"
            className="lx-knowledge-results"
            style={{ maxHeight: 360, overflowY: 'auto' }}
            loading={results.isFetching}
            dataSource={results.data?.items ?? []}
            locale={{ emptyText: query.trim().length >= 2 ? t('agent.knowledgeEmpty') : t('agent.knowledgeSearch') }}
            renderItem={(item) => (
              <List.Item data-testid="knowledge-item" style={{ display: 'block' }}>
                <Typography.Text strong>{item.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.categoryPathName ?? ''}
                    {item.unitName ? ` · ${item.unitName}` : ''}
                  </Typography.Text>
                </div>
                <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: t('common.detail') }} style={{ marginBottom: 4 }}>
                  {item.excerpt}
                </Typography.Paragraph>
                <Space>
                  {!item.isValid && <Tag color="red">{t('common.inactive')}</Tag>}
                  {item.validTo && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('agent.validTo', { date: formatDate(item.validTo) })}
                    </Typography.Text>
                  )}
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    loading={loadingId === item.id}
                    onClick={() => answerWith(item.id)}
                    data-testid="knowledge-answer"
                  >
                    {t('agent.useAnswer')}
                  </Button>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    );
  },
);
