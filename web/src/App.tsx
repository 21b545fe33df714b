import { lazy, Suspense, useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import jaJP from 'antd/locale/ja_JP';
import koKR from 'antd/locale/ko_KR';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client.ts';
import { AuthProvider } from './auth/AuthContext.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { HomeRedirect } from './layout/HomeRedirect.tsx';
import { RoleGate } from './layout/RoleGate.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';
import { NotFound, PageSpinner } from './components/PageState.tsx';

const AgentDesk = lazy(() => import('./pages/agent/AgentDesk.tsx'));
const DispatchPage = lazy(() => import('./pages/dispatch/DispatchPage.tsx'));
const UnitDesk = lazy(() => import('./pages/unit/UnitDesk.tsx'));
const ReviewPage = lazy(() => import('./pages/review/ReviewPage.tsx'));
const SupervisionPage = lazy(() => import('./pages/supervision/SupervisionPage.tsx'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx'));
const TicketsPage = lazy(() => import('./pages/tickets/TicketsPage.tsx'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage.tsx'));
const PortalPage = lazy(() => import('./pages/portal/PortalPage.tsx'));
const AnalyticsPage = lazy(() => import('./pages/analytics/AnalyticsPage.tsx'));
const MyUnitAssessmentPage = lazy(() => import('./pages/analytics/MyUnitAssessmentPage.tsx'));
const QualityPage = lazy(() => import('./pages/quality/QualityPage.tsx'));
const MissedCallsPage = lazy(() => import('./phone/MissedCallsPage.tsx'));
const ContactsPage = lazy(() => import('./pages/contacts/ContactsPage.tsx'));
const WallboardPage = lazy(() => import('./phone/WallboardPage.tsx'));
const WallView = lazy(() => import('./phone/WallboardPage.tsx').then((m) => ({ default: m.WallView })));

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const { i18n } = useTranslation();
  const queryClient = useMemo(makeQueryClient, []);
  const isChinese = i18n.language.startsWith('zh');
  // Korean and Japanese are portal languages: Ant Design's own words follow them; dates stay in the English form.
  const antLocale = isChinese ? zhCN : i18n.language === 'ko' ? koKR : i18n.language === 'ja' ? jaJP : enUS;
  dayjs.locale(isChinese ? 'zh-cn' : 'en');

  return (
    <ConfigProvider locale={antLocale} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <Suspense fallback={<PageSpinner />}>
                <Routes>
                  <Route path="/portal/*" element={<PortalPage />} />
                  <Route path="/login" element={<LoginPage />} />
                  <Route
                    path="/wall"
                    element={
                      <RequireAuth>
                        <RoleGate page="wallboard">
                          <WallView />
                        </RoleGate>
                      </RequireAuth>
                    }
                  />
                  <Route
                    element={
                      <RequireAuth>
                        <AppLayout />
                      </RequireAuth>
                    }
                  >
                    <Route index element={<HomeRedirect />} />
                    <Route
                      path="agent"
                      element={
                        <RoleGate page="agent">
                          <AgentDesk />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="dispatch"
                      element={
                        <RoleGate page="dispatch">
                          <DispatchPage />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="unit"
                      element={
                        <RoleGate page="unit">
                          <UnitDesk />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="review"
                      element={
                        <RoleGate page="review">
                          <ReviewPage />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="supervision"
                      element={
                        <RoleGate page="supervision">
                          <SupervisionPage />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="dashboard"
                      element={
                        <RoleGate page="dashboard">
                          <DashboardPage />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="tickets"
                      element={
                        <RoleGate page="tickets">
                          <TicketsPage />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="admin/*"
                      element={
                        <RoleGate page="admin">
                          <AdminPage />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="analytics/my-unit"
                      element={
                        <RoleGate page="myAssessment">
                          <MyUnitAssessmentPage />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="analytics/*"
                      element={
                        <RoleGate page="analytics">
                          <AnalyticsPage />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="quality"
                      element={
                        <RoleGate page="quality">
                          <QualityPage />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="missed-calls"
                      element={
                        <RoleGate page="missedCalls">
                          <MissedCallsPage />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="contacts"
                      element={
                        <RoleGate page="contacts">
                          <ContactsPage />
                        </RoleGate>
                      }
                    />
                    <Route
                      path="wallboard"
                      element={
                        <RoleGate page="wallboard">
                          <WallboardPage />
                        </RoleGate>
                      }
                    />
                    <Route path="*" element={<NotFound />} />
                  </Route>
                  <Route path="*" element={<Navigate to="/" replace />} />
                </Routes>
              </Suspense>
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
