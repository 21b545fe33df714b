import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { homePath } from '../../layout/workbenches.ts';

export function LoginPage() {
  const { t } = useTranslation();
  const { me, signIn } = useAuth();
  const [params] = useSearchParams();
  // once the user is known this page renders <Navigate> to the workbench
  const signing = useMutation({
    mutationFn: (values: { username: string; password: string }) => signIn(values.username.trim(), values.password),
  });
  const error = signing.error;
  const next = params.get('next');
  if (me) return <Navigate to={next && next.startsWith('/') ? next : homePath(me.role)} replace />;

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #c8102e 0%, #7a0a1c 100%)',
        padding: 16,
      }}
    >
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitch />
        </div>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 8 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.heading')}
        </Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form layout="vertical" requiredMark={false} onFinish={(values: { username: string; password: string }) => signing.mutate(values)}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('errors.required', { field: t('login.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('errors.required', { field: t('login.password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signing.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/portal">{t('login.portalLink')}</Link>
        </div>
      </Card>
    </main>
  );
}
