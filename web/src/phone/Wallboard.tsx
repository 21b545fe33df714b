/**
 * 话务大屏: calls waiting and the longest wait (ticking between updates), agents by state, today's answered and
 * abandoned calls, the answer and 15-second answer rates against GB/T 33358's 95 %, and calls per half hour against
 * the staffing plan. Updated live by the `wallboard` event (at most once a second), polled as a fallback.
 */
import { useMemo } from 'react';
import { Alert, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { EChart } from '../components/EChart.tsx';
import { useLiveMessages } from '../live/LiveContext.tsx';
import { formatClock, STATE_COLORS } from './phoneModel.ts';
import { AGENT_STATES, telephonyApi, type Wallboard } from '../api/telephony.ts';
import { useNow } from './useNow.ts';
import { agentsOption, formatShare, halfHourOption, LONG_WAIT_SECONDS, rateLevel, signedIn } from './wallboardModel.ts';
import { keys } from '../api/keys.ts';

const KEY = keys.telephony.wallboard;
const LEVEL_COLOR = { good: '#73d13d', warning: '#ffc53d', bad: '#ff7875', none: '#fff' };

interface Received {
  board: Wallboard;
  at: number;
}

/** The wallboard's data with the time it arrived, kept current by the live stream. */
function useWallboard() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: KEY,
    queryFn: async (): Promise<Received> => ({ board: await telephonyApi.wallboard(), at: Date.now() }),
    refetchInterval: 30_000,
    retry: false,
  });
  useLiveMessages((m) => {
    if (m.topic === 'wallboard' && m.payload)
      queryClient.setQueryData<Received>(KEY, { board: m.payload as unknown as Wallboard, at: Date.now() });
  });
  return query;
}

export function WallboardPanel({ isWall = false }: { isWall?: boolean }) {
  const { t } = useTranslation();
  const query = useWallboard();
  const now = useNow(1000);
  const data = query.data;
  const board = data?.board;
  const options = useMemo(
    () => (board ? { halfHours: halfHourOption(t, board.halfHours), agents: agentsOption(t, board.agents) } : null),
    [board, t],
  );
  if (query.error) return <Alert type="warning" showIcon title={errorMessage(query.error)} data-testid="wallboard-error" />;
  // The longest wait keeps growing between updates while someone is waiting.
  const longest = board ? board.longestWaitSeconds + (board.waiting > 0 ? Math.max(0, Math.floor((now - data.at) / 1000)) : 0) : 0;
  const today = board?.today;
  const tileHeight = isWall ? 44 : 30;
  const tiles: { key: string; title: string; value: string | number; color?: string; testId?: string }[] = [
    {
      key: 'waiting',
      title: t('phone.wall.waiting'),
      value: board?.waiting ?? '—',
      color: board && board.waiting > 0 && longest > LONG_WAIT_SECONDS ? '#ff7875' : '#fff',
      testId: 'wall-waiting',
    },
    {
      key: 'longest',
      title: t('phone.wall.longestWait'),
      value: board ? formatClock(longest) : '—',
      color: longest > LONG_WAIT_SECONDS ? '#ff7875' : '#fff',
      testId: 'wall-longest',
    },
    { key: 'offered', title: t('phone.wall.offered'), value: today?.offered ?? '—', testId: 'wall-offered' },
    { key: 'answered', title: t('phone.wall.answered'), value: today?.answered ?? '—', color: '#73d13d', testId: 'wall-answered' },
    {
      key: 'abandoned',
      title: t('phone.wall.abandoned'),
      value: today?.abandoned ?? '—',
      color: today?.abandoned ? '#ff7875' : '#fff',
      testId: 'wall-abandoned',
    },
    {
      key: 'fallback',
      title: t('phone.wall.fallback'),
      value: today?.fallback ?? '—',
      color: today?.fallback ? '#ffc53d' : '#fff',
      testId: 'wall-fallback',
    },
    {
      key: 'rate',
      title: t('phone.wall.answerRate'),
      value: formatShare(today?.answerRate),
      color: LEVEL_COLOR[rateLevel(today?.answerRate)],
      testId: 'wall-answer-rate',
    },
    {
      key: 'rate15',
      title: t('phone.wall.answerRate15s'),
      value: formatShare(today?.answerRate15s),
      color: LEVEL_COLOR[rateLevel(today?.answerRate15s)],
      testId: 'wall-answer-rate-15s',
    },
    { key: 'wait', title: t('phone.wall.avgWait'), value: today?.avgWaitSeconds == null ? '—' : formatClock(today.avgWaitSeconds) },
    { key: 'handle', title: t('phone.wall.avgHandle'), value: today?.avgHandleSeconds == null ? '—' : formatClock(today.avgHandleSeconds) },
    { key: 'satisfaction', title: t('phone.wall.satisfaction'), value: formatShare(today?.satisfactionRate), testId: 'wall-satisfaction' },
  ];
  return (
    <div data-testid="wallboard" className={isWall ? 'lx-wall' : undefined}>
      <Row gutter={[12, 12]}>
        {tiles.map((tile) => (
          <Col key={tile.key} flex="1 1 130px">
            <Card size="small" loading={query.isLoading}>
              <Statistic
                title={tile.title}
                value={tile.value}
                data-testid={tile.testId}
                styles={{
                  title: { color: '#9fc3f0' },
                  content: { color: tile.color ?? '#fff', fontSize: tileHeight, fontVariantNumeric: 'tabular-nums' },
                }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={8}>
          <Card size="small" title={`${t('phone.wall.agents')} · ${board ? signedIn(board.agents) : '—'}`}>
            {options && (
              <EChart option={options.agents} ariaLabel={t('phone.wall.agents')} height={isWall ? 440 : 220} testId="wall-agents-chart" />
            )}
            <div className="lx-wall-states" data-testid="wall-agents">
              {AGENT_STATES.map((s) => (
                <span key={s} data-state={s} data-count={board?.agents[s] ?? 0}>
                  <i style={{ background: STATE_COLORS[s] }} />
                  {t(`phone.state.${s}`)} <b>{board?.agents[s] ?? '—'}</b>
                </span>
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={board?.queues?.length ? 11 : 16}>
          <Card size="small" title={t('phone.wall.halfHours')}>
            {options &&
              (board?.halfHours.length ? (
                <EChart
                  option={options.halfHours}
                  ariaLabel={t('phone.wall.halfHours')}
                  height={isWall ? 540 : 260}
                  testId="wall-half-hours"
                />
              ) : (
                <div style={{ height: 220, display: 'grid', placeItems: 'center', color: '#9fc3f0' }}>{t('phone.wall.noData')}</div>
              ))}
          </Card>
        </Col>
        {board?.queues?.length ? (
          <Col xs={24} xl={5}>
            <Card size="small" title={t('phone.wall.queues')}>
              <Table
                size="small"
                pagination={false}
                rowKey="queue"
                dataSource={board.queues}
                columns={[
                  { title: t('phone.missed.queue'), dataIndex: 'queue', render: (q: string) => t(`phone.queue.${q}`, { defaultValue: q }) },
                  { title: t('phone.wall.waiting'), dataIndex: 'waiting', align: 'right' },
                  {
                    title: t('phone.wall.longestWait'),
                    dataIndex: 'longestWaitSeconds',
                    align: 'right',
                    render: (s: number) => formatClock(s),
                  },
                ]}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
      <Typography.Text style={{ color: '#9fc3f0', display: 'block', marginTop: 8 }}>
        {t('phone.wall.target')}
        {data ? ` · ${t('phone.wall.updated', { time: new Date(data.at).toLocaleTimeString('zh-CN', { hour12: false }) })}` : ''}
      </Typography.Text>
    </div>
  );
}
