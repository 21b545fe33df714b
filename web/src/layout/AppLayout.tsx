import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Badge, Button, Drawer, Grid, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  MailOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  LogoutOutlined,
  MenuOutlined,
  PhoneOutlined,
  SendOutlined,
  SettingOutlined,
  BarChartOutlined,
  TrophyOutlined,
  SafetyCertificateOutlined,
  FundProjectionScreenOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../auth/AuthContext.tsx';
import { LiveProvider, useLive } from '../live/LiveContext.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PageSpinner } from '../components/PageState.tsx';
import { AlertBell } from './AlertBell.tsx';
import { workbenchesFor, type WorkbenchKey } from './workbenches.ts';
import { useUnitName } from '../api/reference.ts';
import { PhoneProvider, TELEPHONY_PAGES, usePhone } from '../phone/PhoneContext.tsx';
import { PhoneDock } from '../phone/PhoneDock.tsx';

const ICONS: Record<WorkbenchKey, React.ReactNode> = {
  agent: <PhoneOutlined />,
  dispatch: <SendOutlined />,
  unit: <BankOutlined />,
  review: <AuditOutlined />,
  supervision: <AlertOutlined />,
  dashboard: <DashboardOutlined />,
  tickets: <FileSearchOutlined />,
  admin: <SettingOutlined />,
  analytics: <BarChartOutlined />,
  myAssessment: <TrophyOutlined />,
  quality: <SafetyCertificateOutlined />,
  missedCalls: <PhoneOutlined rotate={135} />,
  wallboard: <FundProjectionScreenOutlined />,
  contacts: <MailOutlined />,
};

export function AppLayout() {
  return (
    <LiveProvider>
      <PhoneProvider>
        <Shell />
        <PhoneDock />
      </PhoneProvider>
    </LiveProvider>
  );
}

function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [isMenuOpen, setMenuOpen] = useState(false);
  const phone = usePhone();
  const items = workbenchesFor(me.role)
    .filter((w) => !(TELEPHONY_PAGES.includes(w.key) && phone?.isKnownOff))
    .map((w) => ({ key: w.path, icon: ICONS[w.key], label: <Link to={w.path}>{t(`menu.${w.key}`)}</Link> }));
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key;
  const menu = (
    <Menu mode="inline" theme="dark" items={items} selectedKeys={selected ? [selected] : []} onClick={() => setMenuOpen(false)} />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="lx-skip" href="#main">
        {t('app.skipToContent')}
      </a>
      {!isPhone && (
        <Layout.Sider width={200} theme="dark" aria-label="menu">
          <div style={{ color: '#fff', fontWeight: 600, fontSize: 16, padding: '16px 20px' }}>{t('app.name')}</div>
          {menu}
        </Layout.Sider>
      )}
      {isPhone && (
        <Drawer
          open={isMenuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          size={220}
          styles={{ body: { padding: 0, background: '#001529' } }}
          title={t('app.name')}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header isPhone={isPhone} onMenu={() => setMenuOpen(true)} />
        {/* positioned, so the spinner of a page whose code is loading sits in its middle, beside the menu and header */}
        <Layout.Content id="main" tabIndex={-1} style={{ minWidth: 0, position: 'relative' }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Header({ isPhone, onMenu }: { isPhone: boolean; onMenu: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useAuth();
  const { isConnected } = useLive();
  const navigate = useNavigate();
  const unitName = useUnitName(me.unitId);
  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: isPhone ? '0 8px' : '0 16px',
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        borderBottom: '1px solid #eee',
      }}
    >
      {isPhone && <Button type="text" icon={<MenuOutlined />} aria-label="menu" onClick={onMenu} />}
      {isPhone && <Typography.Text strong>{t('app.name')}</Typography.Text>}
      <div style={{ flex: 1 }} />
      <Space size={isPhone ? 4 : 12} wrap={false}>
        <Tooltip title={isConnected ? t('app.liveOn') : t('app.liveOff')}>
          <Badge
            status={isConnected ? 'success' : 'default'}
            aria-label={isConnected ? t('app.liveOn') : t('app.liveOff')}
            data-testid="live-status"
            data-connected={isConnected}
          />
        </Tooltip>
        {!isPhone && (
          <Typography.Text data-testid="current-user">
            {me.displayName} · {me.role ? t(`roles.${me.role}`) : ''}
            {unitName ? ` · ${unitName}` : ''}
          </Typography.Text>
        )}
        <AlertBell role={me.role} />
        <LanguageSwitch />
        <Tooltip title={t('app.signOut')}>
          <Button
            type="text"
            icon={<LogoutOutlined />}
            aria-label={t('app.signOut')}
            onClick={async () => {
              await signOut();
              navigate('/login');
            }}
          />
        </Tooltip>
      </Space>
    </Layout.Header>
  );
}
