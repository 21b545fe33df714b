/** 系统管理: one tab per editor, each addressable (/admin/users …). */
import { lazy, Suspense } from 'react';
import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CalendarAdmin } from './CalendarAdmin.tsx';
import { CatalogueAdmin } from './CatalogueAdmin.tsx';
import { CategoriesAdmin } from './CategoriesAdmin.tsx';
import { KnowledgeAdmin } from './KnowledgeAdmin.tsx';
import { ReplyTemplatesAdmin } from './ReplyTemplatesAdmin.tsx';
import { SlaAdmin } from './SlaAdmin.tsx';
import { UnitsAdmin } from './UnitsAdmin.tsx';
import { UsersAdmin } from './UsersAdmin.tsx';

import { LoadingState } from '../../components/PageState.tsx';

// 智能派单 editors load on their own (the accuracy chart brings ECharts).
const AutoDispatchAdmin = lazy(() => import('./AutoDispatchAdmin.tsx').then((m) => ({ default: m.AutoDispatchAdmin })));
const ModelsAdmin = lazy(() => import('./ModelsAdmin.tsx').then((m) => ({ default: m.ModelsAdmin })));
const ApiKeysAdmin = lazy(() => import('./ApiKeysAdmin.tsx').then((m) => ({ default: m.ApiKeysAdmin })));
const lazyTab = (Editor: React.ComponentType) => () => (
  <Suspense fallback={<LoadingState />}>
    <Editor />
  </Suspense>
);

const TABS = {
  units: UnitsAdmin,
  users: UsersAdmin,
  categories: CategoriesAdmin,
  catalogue: CatalogueAdmin,
  sla: SlaAdmin,
  calendar: CalendarAdmin,
  knowledge: KnowledgeAdmin,
  templates: ReplyTemplatesAdmin,
  autodispatch: lazyTab(AutoDispatchAdmin),
  models: lazyTab(ModelsAdmin),
  integrations: lazyTab(ApiKeysAdmin),
} as const;
type TabKey = keyof typeof TABS;

export default function AdminPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const current = (location.pathname.split('/')[2] ?? 'units') as TabKey;
  const active: TabKey = current in TABS ? current : 'units';
  return (
    <div className="lx-page" data-testid="admin-page">
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/admin/${key}`)}
        destroyOnHidden
        items={(Object.keys(TABS) as TabKey[]).map((key) => {
          const Editor = TABS[key];
          return { key, label: t(`admin.${key}`), children: <Editor /> };
        })}
      />
    </div>
  );
}
