/** Possible duplicates of what the agent is typing, from the server's similarity search. */
import { useEffect, useState } from 'react';
import { Card, List, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { similarForText } from '../../api/tickets.ts';
import { StatusTag } from '../../components/Tags.tsx';
import { formatDate } from '../../lib/format.ts';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function SimilarPanel(props: { text: string; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const text = useDebounced(props.text.trim(), 700);
  const query = useQuery({
    queryKey: ['tickets', 'similar-text', text],
    queryFn: () => similarForText(text.slice(0, 2000)),
    enabled: text.length >= 6,
    staleTime: 30_000,
  });
  return (
    <Card size="small" title={<Space><CopyOutlined />{t('agent.similar')}</Space>} data-testid="similar-panel">
      <List
        size="small"
        loading={query.isFetching}
        dataSource={query.data ?? []}
        locale={{ emptyText: text.length >= 6 ? (query.error ? String((query.error as Error).message) : t('agent.similarEmpty')) : t('agent.similarHint') }}
        renderItem={(x) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => props.onOpen(x.id)}>
            <Space size={6} wrap>
              <a className="lx-mono" href="#" onClick={(e) => e.preventDefault()}>{x.number}</a>
              <Typography.Text ellipsis style={{ maxWidth: 180 }}>{x.title}</Typography.Text>
              <StatusTag status={x.status} />
              <Typography.Text type="secondary">{formatDate(x.createdAt)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
