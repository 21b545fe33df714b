/** 答复质量: the reply's score (relevance, completeness, form) before the center accepts it, with why a part scored low. */
import { Alert, Card, Col, Progress, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { getReplyQuality, type ReplyQuality } from '../../api/insight.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { keys } from '../../api/keys.ts';

/** A part below this share is explained to the reviewer. */
const LOW_PART = 0.6;
const color = (share: number) => (share >= 0.8 ? '#52c41a' : share >= LOW_PART ? '#faad14' : '#f5222d');

export function ReplyQualityCard({ ticketId, replyId }: { ticketId: number; replyId: number | undefined }) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language.startsWith('en');
  const query = useQuery({
    queryKey: keys.insight.replyQuality(ticketId, replyId),
    queryFn: () => getReplyQuality(ticketId),
    enabled: replyId !== undefined,
    retry: false,
  });
  if (replyId === undefined) return null;
  if (query.isLoading)
    return (
      <Card size="small" title={t('insight.replyQuality')} style={{ marginBottom: 12 }}>
        <LoadingState rows={2} />
      </Card>
    );
  if (query.error) {
    if (query.error instanceof ApiError && query.error.status === 404) return null;
    return (
      <Card size="small" title={t('insight.replyQuality')} style={{ marginBottom: 12 }}>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Card>
    );
  }
  const q = query.data as ReplyQuality;
  const say = (x: { message: string; messageEn: string }) => (isEnglish ? x.messageEn : x.message);
  const checks: { key: keyof ReplyQuality['checks']; label: string }[] = [
    { key: 'hasAction', label: t('insight.check.hasAction') },
    { key: 'hasTime', label: t('insight.check.hasTime') },
    { key: 'hasActor', label: t('insight.check.hasActor') },
    { key: 'hasNextStep', label: t('insight.check.hasNextStep') },
    { key: 'mentionsPlace', label: t('insight.check.mentionsPlace') },
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="reply-quality"
      data-score={q.score}
      data-acceptable={q.isAcceptable}
      title={
        <span>
          {t('insight.replyQuality')}{' '}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {t('insight.replyQualityHint')}
          </Typography.Text>
        </span>
      }
    >
      <Row gutter={16} align="middle">
        <Col flex="0 0 110px" style={{ textAlign: 'center' }}>
          <Progress
            type="circle"
            size={84}
            percent={q.score}
            strokeColor={color(q.score / 100)}
            format={(p) => (
              <span data-testid="reply-quality-score" style={{ fontSize: 22 }}>
                {p}
              </span>
            )}
          />
          <div style={{ marginTop: 4 }}>
            {q.isAcceptable ? <Tag color="green">{t('insight.acceptable')}</Tag> : <Tag color="red">{t('insight.lookTwice')}</Tag>}
          </div>
        </Col>
        <Col flex="1 1 240px">
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            {q.subScores.map((s) => (
              <div key={s.key} data-testid={`reply-quality-${s.key}`}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <span>
                    {t(`insight.part.${s.key}`)}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      ({Math.round(s.weight * 100)}%)
                    </Typography.Text>
                  </span>
                  <span>{Math.round(s.score * 100)}</span>
                </div>
                <Progress percent={Math.round(s.score * 100)} showInfo={false} size="small" strokeColor={color(s.score)} />
                <Typography.Text type={s.score < LOW_PART ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {say(s)}
                </Typography.Text>
              </div>
            ))}
          </Space>
        </Col>
      </Row>
      <div style={{ marginTop: 8 }}>
        <Space wrap size={[12, 4]}>
          {checks
            .filter((c) => q.checks[c.key] !== null)
            .map((c) => (
              <span key={c.key} style={{ whiteSpace: 'nowrap' }}>
                {q.checks[c.key] ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleFilled style={{ color: '#f5222d' }} />}{' '}
                {c.label}
              </span>
            ))}
        </Space>
      </div>
      {q.problems.length > 0 && (
        <Alert
          type={q.isAcceptable ? 'info' : 'warning'}
          showIcon
          style={{ marginTop: 8 }}
          title={q.isAcceptable ? t('insight.couldImprove') : t('insight.checkBeforeAccepting', { threshold: q.threshold })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="reply-quality-problems">
              {q.problems.map((p) => (
                <li key={p.code}>{say(p)}</li>
              ))}
            </ul>
          }
        />
      )}
      {q.matchedTerms.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Tooltip title={t('insight.matchedTermsHelp')}>
            <Typography.Text type="secondary">{t('insight.matchedTerms')}：</Typography.Text>
          </Tooltip>
          {q.matchedTerms.map((w) => (
            <Tag key={w} bordered={false} color="blue">
              {w}
            </Tag>
          ))}
        </div>
      )}
    </Card>
  );
}
