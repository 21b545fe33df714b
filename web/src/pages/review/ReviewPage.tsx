/** 审核 / 回访: replies to check, citizens to call back, unsatisfied results to decide. */
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../common/enums.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { QueueDetail } from '../../components/QueueDetail.tsx';
import { CallbackDecision } from './CallbackDecision.tsx';
import { ReviewDecision } from './ReviewDecision.tsx';
import { UnsatisfiedDecision } from './UnsatisfiedDecision.tsx';

const TABS: { key: 'review' | 'callback' | 'unsatisfied'; status: string; roles: Role[] }[] = [
  { key: 'review', status: 'pending_review', roles: ['dispatcher', 'supervisor', 'callback_agent', 'admin'] },
  { key: 'callback', status: 'pending_callback', roles: ['agent', 'callback_agent', 'supervisor', 'admin'] },
  { key: 'unsatisfied', status: 'callback_unsatisfied', roles: ['dispatcher', 'supervisor', 'callback_agent', 'admin'] },
];

export default function ReviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const tabs = TABS.filter((x) => me.role && x.roles.includes(me.role));
  return (
    <div className="lx-page" data-testid="review-page">
      <Tabs
        destroyOnHidden
        items={tabs.map((x) => ({
          key: x.key,
          label: t(`review.tabs.${x.key}`),
          children: (
            <QueueDetail
              scope={x.key}
              base={{ status: [x.status] }}
              exportName={t(`review.tabs.${x.key}`)}
              renderDecision={(ticket, done) =>
                x.key === 'review' ? (
                  <ReviewDecision ticket={ticket} onDone={done} />
                ) : x.key === 'callback' ? (
                  <CallbackDecision ticket={ticket} onDone={done} />
                ) : (
                  <UnsatisfiedDecision ticket={ticket} onDone={done} />
                )
              }
            />
          ),
        }))}
      />
    </div>
  );
}
