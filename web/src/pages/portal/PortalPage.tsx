/** 市民端: submit and track a request without an account; built for a phone first. */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import type { TrackProof } from '../../api/portal.ts';
import { SubmitForm } from './SubmitForm.tsx';
import { TrackView } from './TrackView.tsx';

/**
 * The number and phone digits open an order: kept for this browser tab only (sessionStorage), never in the address,
 * where they would land in history, shared links and server logs. A notice's link may carry the number alone.
 */
const PROOF_KEY = 'lx_portal_track';

function savedProof(): TrackProof | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(PROOF_KEY) ?? 'null');
    return saved && typeof saved.number === 'string' && typeof saved.phoneLast4 === 'string' ? saved : null;
  } catch {
    return null;
  }
}

export default function PortalPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [proof, setProof] = useState<TrackProof | null>(savedProof);
  const tab = params.get('tab') === 'track' ? 'track' : 'submit';
  useEffect(() => {
    // An old link with the digits in it: drop them from the address at once.
    if (params.has('last4')) {
      const kept = new URLSearchParams(params);
      kept.delete('last4');
      setParams(kept, { replace: true });
    }
  }, [params, setParams]);
  const track = (next: TrackProof) => {
    try {
      sessionStorage.setItem(PROOF_KEY, JSON.stringify(next));
    } catch {
      // storage unavailable: the proof lives in memory for this page only
    }
    setProof(next);
    setParams({ tab: 'track' });
  };
  return (
    <main className="lx-portal" data-testid="portal-page">
      <div
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap', margin: '8px 0 12px' }}
      >
        <Typography.Title level={3} style={{ margin: 0, color: '#c8102e' }}>
          {t('portal.title')}
        </Typography.Title>
        <LanguageSwitch languages={['zh', 'en', 'ko', 'ja']} />
      </div>
      <Card>
        <Tabs
          activeKey={tab}
          centered
          size="large"
          onChange={(key) => setParams(key === 'track' ? { tab: 'track' } : {})}
          items={[
            { key: 'submit', label: t('portal.submitTab'), children: <SubmitForm onTrack={track} /> },
            {
              key: 'track',
              label: t('portal.trackTab'),
              children: (
                <TrackView
                  key={proof ? `${proof.number}:${proof.phoneLast4}` : 'none'}
                  proof={proof}
                  prefillNumber={params.get('number') ?? ''}
                  onSearch={track}
                />
              ),
            },
          ]}
        />
      </Card>
    </main>
  );
}
