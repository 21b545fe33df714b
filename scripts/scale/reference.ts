/**
 * Reference data for the scale loader: a city of 16 districts × 10 streets, 12 × 4 × 4 categories,
 * and the units that handle them (departments, district governments, street offices, utilities).
 * Created once (codes start with SCALE-) and reused on later runs.
 */
import { like } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import { categories, regions, units } from '../../server/db/schema.ts';

const L1 = [
  '城乡建设',
  '交通运输',
  '生态环境',
  '市场监管',
  '劳动保障',
  '卫生健康',
  '教育',
  '公共安全',
  '城市管理',
  '水电气热',
  '农业农村',
  '政务服务',
];
const L2 = ['规划管理', '日常监管', '服务质量', '投诉处理'];
const L3 = ['噪声扰民', '违规收费', '设施损坏', '办事效率'];
const DISTRICTS = [
  '东城',
  '西城',
  '南湖',
  '北山',
  '高新',
  '经开',
  '临江',
  '滨海',
  '青山',
  '绿水',
  '长安',
  '永宁',
  '新华',
  '和平',
  '红星',
  '光明',
];
const DEPARTMENTS = [
  '住建局',
  '交通局',
  '生态环境局',
  '市场监管局',
  '人社局',
  '卫健委',
  '教育局',
  '公安局',
  '城管局',
  '水务集团',
  '农业农村局',
  '政务服务局',
];
const UTILITIES = ['供电公司', '燃气集团', '热力公司', '自来水公司', '公交集团', '通信公司'];

export interface ScaleReference {
  districtIds: number[];
  /** streetIds[d] = the streets of district d. */
  streetIds: number[][];
  /** Leaf categories with the index of their first-level category. */
  leaves: { id: number; l1: number; name: string }[];
  departmentIds: number[];
  districtUnitIds: number[];
  streetUnitIds: number[][];
  utilityIds: number[];
}

export async function ensureReference(db: Db): Promise<ScaleReference> {
  if ((await db.select({ id: regions.id }).from(regions).where(like(regions.code, 'SCALE-%')).limit(1)).length === 0) await create(db);
  const regionRows = await db.select().from(regions).where(like(regions.code, 'SCALE-%'));
  const unitRows = await db.select().from(units).where(like(units.code, 'SCALE-%'));
  const categoryRows = await db.select().from(categories).where(like(categories.code, 'SCALE-%'));
  const byCode = <T extends { code: string; id: number }>(rows: T[]) => new Map(rows.map((r) => [r.code, r.id]));
  const r = byCode(regionRows);
  const u = byCode(unitRows);
  return {
    districtIds: DISTRICTS.map((_, d) => r.get(`SCALE-D${d}`)!),
    streetIds: DISTRICTS.map((_, d) => Array.from({ length: 10 }, (_, s) => r.get(`SCALE-D${d}-S${s}`)!)),
    leaves: categoryRows.filter((c) => c.level === 3).map((c) => ({ id: c.id, l1: Number(c.code.split('-')[1].slice(1)), name: c.name })),
    departmentIds: DEPARTMENTS.map((_, i) => u.get(`SCALE-DEP${i}`)!),
    districtUnitIds: DISTRICTS.map((_, d) => u.get(`SCALE-GOV${d}`)!),
    streetUnitIds: DISTRICTS.map((_, d) => Array.from({ length: 10 }, (_, s) => u.get(`SCALE-GOV${d}-S${s}`)!)),
    utilityIds: UTILITIES.map((_, i) => u.get(`SCALE-UTL${i}`)!),
  };
}

async function create(db: Db) {
  await db.transaction(async (tx) => {
    const [city] = await tx.insert(regions).values({ code: 'SCALE-CITY', name: '示范市', level: 'city' }).returning();
    const [center] = await tx
      .insert(units)
      .values({ code: 'SCALE-CENTER', name: '示范市12345热线中心', kind: 'center', peerGroup: 'center' })
      .returning();
    for (const [i, name] of DEPARTMENTS.entries()) {
      await tx
        .insert(units)
        .values({ code: `SCALE-DEP${i}`, name: `示范市${name}`, kind: 'department', peerGroup: 'department', parentId: center.id });
    }
    for (const [i, name] of UTILITIES.entries()) {
      await tx
        .insert(units)
        .values({ code: `SCALE-UTL${i}`, name: `示范市${name}`, kind: 'utility', peerGroup: 'utility', parentId: center.id });
    }
    for (const [d, name] of DISTRICTS.entries()) {
      const [district] = await tx
        .insert(regions)
        .values({ code: `SCALE-D${d}`, name: `${name}区`, level: 'district', parentId: city.id })
        .returning();
      const [gov] = await tx
        .insert(units)
        .values({ code: `SCALE-GOV${d}`, name: `${name}区人民政府`, kind: 'district', peerGroup: 'district', regionId: district.id })
        .returning();
      for (let s = 0; s < 10; s++) {
        const [street] = await tx
          .insert(regions)
          .values({ code: `SCALE-D${d}-S${s}`, name: `${name}区第${s + 1}街道`, level: 'street', parentId: district.id })
          .returning();
        await tx.insert(units).values({
          code: `SCALE-GOV${d}-S${s}`,
          name: `${name}区第${s + 1}街道办事处`,
          kind: 'street',
          peerGroup: 'street',
          parentId: gov.id,
          regionId: street.id,
        });
      }
    }
    for (const [a, l1] of L1.entries()) {
      const [c1] = await tx
        .insert(categories)
        .values({ code: `SCALE-C${a}`, name: l1, level: 1, pathName: l1 })
        .returning();
      for (const [b, l2] of L2.entries()) {
        const [c2] = await tx
          .insert(categories)
          .values({ code: `SCALE-C${a}-${b}`, name: l2, level: 2, parentId: c1.id, pathName: `${l1} / ${l2}` })
          .returning();
        for (const [c, l3] of L3.entries()) {
          await tx
            .insert(categories)
            .values({ code: `SCALE-C${a}-${b}-${c}`, name: l3, level: 3, parentId: c2.id, pathName: `${l1} / ${l2} / ${l3}` });
        }
      }
    }
  });
}
