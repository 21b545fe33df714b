/** 市民端: submit and track a request without an account; built for a phone first. */
import { useSearchParams } from 'react-router-dom';
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { SubmitForm } from './SubmitForm.tsx';
import { TrackView } from './TrackView.tsx';

export default function PortalPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'track' ? 'track' : 'submit';
  const track = (number: string, last4: string) => setParams({ tab: 'track', number, last4 });
  return (
    <main className="lx-portal" data-testid="portal-page">
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', margin: '8px 0 12px' }}>
        <Typography.Title level={3} style={{ margin: 0, color: '#c8102e' }}>{t('portal.title')}</Typography.Title>
        <LanguageSwitch />
      </div>
      <Card>
        <Tabs activeKey={tab} centered size="large" onChange={(key) => setParams(key === 'track' ? { tab: 'track' } : {})} items={[
          { key: 'submit', label: t('portal.submitTab'), children: <SubmitForm onTrack={track} /> },
          { key: 'track', label: t('portal.trackTab'), children: <TrackView number={params.get('number') ?? ''} last4={params.get('last4') ?? ''} onSearch={track} /> },
        ]} />
      </Card>
    </main>
  );
}
