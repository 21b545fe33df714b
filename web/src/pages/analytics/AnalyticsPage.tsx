/** 数据分析: indicators, monthly unit assessment, reports and the staffing planner, one tab each (/analytics/<tab>). */
import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AssessmentTab } from './AssessmentTab.tsx';
import { IndicatorsTab } from './IndicatorsTab.tsx';
import { ReportsTab } from './ReportsTab.tsx';
import { StaffingTab } from './StaffingTab.tsx';

const TABS = ['indicators', 'assessment', 'reports', 'staffing'] as const;

export default function AnalyticsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const segment = location.pathname.split('/')[2];
  const tab = (TABS as readonly string[]).includes(segment) ? segment : 'indicators';
  const body = { indicators: <IndicatorsTab />, assessment: <AssessmentTab />, reports: <ReportsTab />, staffing: <StaffingTab /> };
  return (
    <div className="lx-page" data-testid="analytics-page">
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/analytics/${key}`)}
        destroyOnHidden
        items={TABS.map((key) => ({ key, label: t(`analytics.tabs.${key}`), children: body[key] }))}
      />
    </div>
  );
}
