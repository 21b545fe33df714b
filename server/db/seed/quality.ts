/** The demo city's quality inspection form (质检评分表), also used by the browser tests. */
import type { Executor } from '../client.ts';
import { bulkInsert, iso } from './bulk.ts';

export const DEMO_QUALITY_FORM = {
  name: '12345热线质检评分表',
  description: '服务规范、倾听确认、答复准确、工单记录四方面计分，另设致命项（违反即 0 分）',
  items: [
    { key: 'greeting', label: '开头语与礼貌用语', maxPoints: 15, isFatal: false },
    { key: 'listening', label: '倾听与诉求确认', maxPoints: 20, isFatal: false },
    { key: 'accuracy', label: '答复准确、政策引用正确', maxPoints: 35, isFatal: false },
    { key: 'record', label: '工单记录完整规范', maxPoints: 30, isFatal: false },
    { key: 'leak', label: '泄露举报人信息', maxPoints: 0, isFatal: true },
    { key: 'quarrel', label: '与市民争吵、态度恶劣', maxPoints: 0, isFatal: true },
  ],
  isActive: true,
};

export async function storeDemoQualityForm(db: Executor, name: string, createdById: number, createdAt: number): Promise<void> {
  await bulkInsert(
    db,
    'quality_forms',
    [
      ['name', 'text'],
      ['description', 'text'],
      ['items', 'jsonb'],
      ['is_active', 'boolean'],
      ['created_by_id', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    [[name, DEMO_QUALITY_FORM.description, DEMO_QUALITY_FORM.items, true, createdById, iso(createdAt), iso(createdAt)]],
  );
}
