/** 附近的诉求: open reports near the picked place or of the chosen kind, so a citizen sees theirs may be known already. */
import { List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format.ts';
import { distanceWords, type Point } from './place.ts';
import { nearbyReports } from '../../api/portal.ts';
import { keys } from '../../api/keys.ts';

export function NearbyReports(props: { point: Point | null; categoryId?: number }) {
  const { t, i18n } = useTranslation();
  const isChinese = i18n.language.startsWith('zh');
  const query = { lng: props.point?.lng, lat: props.point?.lat, categoryId: props.categoryId };
  const nearby = useQuery({
    queryKey: keys.portal.nearby(query),
    queryFn: () => nearbyReports(query),
    enabled: !!props.point || props.categoryId !== undefined,
    staleTime: 30_000,
  });
  if (!nearby.data) return null;
  return (
    <div data-testid="portal-nearby" style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('portal.nearbyTitle')}
      </Typography.Title>
      {nearby.data.items.length === 0 ? (
        <Typography.Text type="secondary" data-testid="portal-nearby-none">
          {t('portal.nearbyNone')}
        </Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
            {t('portal.nearbyHint')}
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={nearby.data.items}
            renderItem={(item) => {
              const distance = item.distanceMetres === null ? null : distanceWords(item.distanceMetres);
              return (
                <List.Item data-testid="portal-nearby-item" data-number={item.number}>
                  <div style={{ minWidth: 0, width: '100%' }}>
                    <div style={{ display: 'flex', gap: 8, justifyContent: 'space-between', alignItems: 'baseline' }}>
                      <Typography.Text ellipsis style={{ minWidth: 0 }}>
                        {item.title}
                      </Typography.Text>
                      <Tag color="blue" style={{ marginInlineEnd: 0, flexShrink: 0 }}>
                        {isChinese ? item.statusLabel.zh : item.statusLabel.en}
                      </Tag>
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <span className="lx-mono">{item.number}</span>
                      {distance ? <> · {t(distance.key, { count: distance.count })}</> : null}
                      {item.isSameCategory ? <> · {t('portal.sameCategory')}</> : null}
                      {' · '}
                      {formatTime(item.createdAt)}
                    </Typography.Text>
                  </div>
                </List.Item>
              );
            }}
          />
        </>
      )}
    </div>
  );
}
