/** The wallboard on the leader dashboard, under a heading that opens the full-screen wall view; nothing when telephony is off. */
import { Button, Card } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { telephonyApi } from '../api/telephony.ts';
import { WallboardPanel } from './Wallboard.tsx';
import './phone.css';
import { keys } from '../api/keys.ts';

export function DashboardWallboard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The same query key as the panel: one request, and the panel shows what this one fetched.
  const probe = useQuery({
    queryKey: keys.telephony.wallboard,
    queryFn: async () => ({ board: await telephonyApi.wallboard(), at: Date.now() }),
    retry: false,
    refetchInterval: 30_000,
  });
  if (probe.isError || probe.isLoading) return null;
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={t('phone.wall.title')}
      data-testid="dashboard-wallboard"
      extra={
        // one control, one tab stop (a button inside a link was two, and neither named as it reads)
        <Button size="small" icon={<FullscreenOutlined />} aria-label={t('phone.wall.openWall')} onClick={() => navigate('/wall')}>
          {t('phone.wall.openWall')}
        </Button>
      }
    >
      <WallboardPanel />
    </Card>
  );
}
