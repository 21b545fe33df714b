/**
 * 话务大屏 as a page: inside the app (menu 话务大屏) and as a full-screen wall view (/wall) for the big screen in the
 * hall, without the menu, with a clock and a full-screen switch.
 */
import { Button, Space } from 'antd';
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LiveProvider } from '../live/LiveContext.tsx';
import { WallboardPanel } from './Wallboard.tsx';
import { useNow } from './useNow.ts';
import './phone.css';

export default function WallboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="lx-dashboard" data-testid="wallboard-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <h1 style={{ color: '#fff', fontSize: 22, margin: 0, letterSpacing: 2 }}>{t('phone.wall.title')}</h1>
        <Button
          icon={<FullscreenOutlined />}
          data-testid="open-wall"
          aria-label={t('phone.wall.openWall')}
          onClick={() => navigate('/wall')}
        >
          {t('phone.wall.openWall')}
        </Button>
      </Space>
      <WallboardPanel />
    </div>
  );
}

/** /wall: the whole screen, live; its own live stream since it sits outside the app layout. */
export function WallView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useNow(1000);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <LiveProvider>
      <div className="lx-dashboard lx-wall-view" data-testid="wall-view">
        <div className="lx-wall-head">
          <Button
            type="text"
            icon={<FullscreenExitOutlined />}
            style={{ color: '#9fc3f0' }}
            aria-label={t('phone.wall.exit')}
            onClick={() => navigate('/wallboard')}
          >
            {t('phone.wall.exit')}
          </Button>
          <h1>
            {t('app.name')} · {t('phone.wall.title')}
          </h1>
          <Space>
            <span className="lx-wall-clock lx-mono">
              {new Date(now).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })}
            </span>
            <Button
              type="text"
              icon={<FullscreenOutlined />}
              onClick={toggle}
              style={{ color: '#9fc3f0' }}
              aria-label={t('phone.wall.openWall')}
            />
          </Space>
        </div>
        <WallboardPanel isWall />
      </div>
    </LiveProvider>
  );
}
