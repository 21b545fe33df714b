/**
 * A small demo city for browser tests and screenshots: the demo districts, a few units with a
 * sub-unit, one user per role, a category tree with its dispatch catalogue, a knowledge item and
 * (optionally) orders in every stage, all created through the factories and the real API.
 */
import type { App } from '../../server/app.ts';
import { eq, inArray } from 'drizzle-orm';
import { dispatchCatalogue, tickets, users as usersTable } from '../../server/db/schema.ts';
import { DISTRICTS } from '../../server/db/seed/city.data.ts';
import { DEMO_QUALITY_FORM } from '../../server/db/seed/quality.ts';
import { buildCategory, buildRegion, buildUnit, buildUser, signIn, TEST_PASSWORD, type Session } from '../../test/factories/orgs.ts';

export const E2E_PASSWORD = TEST_PASSWORD;

export interface SmallCity {
  password: string;
  users: Record<
    'agent' | 'dispatcher' | 'supervisor' | 'callback' | 'leader' | 'admin' | 'handlerCgj' | 'handlerSz' | 'handlerSthj' | 'unitAdminZs',
    string
  >;
  units: Record<'center' | 'cgj' | 'sz' | 'sthj' | 'gjj' | 'zsGov' | 'rmlStreet' | 'water', { id: number; name: string }>;
  categories: Record<'streetLight' | 'manhole' | 'noise' | 'fundWithdraw', { id: number; pathName: string }>;
  regions: { city: number; districts: Record<string, number>; street: number };
  knowledge: { id: number; title: string }[];
  tickets: Record<string, { id: number; number: string }>;
}

type Api = <T = any>(method: string, url: string, body?: unknown) => Promise<T>;

export function apiAs(app: App, session: Session): Api {
  return async (method, url, body) => {
    const res = await app.inject({ method: method as never, url, headers: session.headers, payload: body as never });
    if (res.statusCode >= 400) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : undefined) as never;
  };
}

export async function seedSmallCity(app: App, options: { withTickets: boolean }): Promise<SmallCity> {
  const db = app.services.db;
  const cityRegion = await buildRegion(db, { code: '370900', name: '连城市', level: 'city' });
  const districts: Record<string, number> = {};
  for (const d of DISTRICTS) {
    districts[d.name] = (
      await buildRegion(db, { code: d.code, name: d.name, level: 'district', parentId: cityRegion.id, geo: { lng: d.lng, lat: d.lat } })
    ).id;
  }
  const street = await buildRegion(db, { code: '370902001', name: '人民路街道', level: 'street', parentId: districts['中山区'] });

  const unit = (name: string, kind: string, extra: Record<string, unknown> = {}) => buildUnit(db, { name, kind, ...extra });
  const center = await unit('12345热线中心', 'center');
  const cgj = await unit('市城市管理局', 'department');
  const sz = await unit('市政设施管理处', 'department', { parentId: cgj.id });
  const sthj = await unit('市生态环境局', 'department');
  const gjj = await unit('市住房公积金管理中心', 'department');
  const zsGov = await unit('中山区人民政府', 'district', { regionId: districts['中山区'], peerGroup: 'district' });
  const rmlStreet = await unit('人民路街道办事处', 'street', { parentId: zsGov.id, regionId: street.id, peerGroup: 'street' });
  const water = await unit('市水务集团', 'utility', { peerGroup: 'utility' });

  const user = async (username: string, role: Parameters<typeof buildUser>[1], displayName: string, unitId: number) =>
    (await buildUser(db, role, { username, displayName, unitId })).username;
  const users: SmallCity['users'] = {
    agent: await user('agent', 'agent', '李晓红', center.id),
    dispatcher: await user('dispatcher', 'dispatcher', '王建国', center.id),
    supervisor: await user('supervisor', 'supervisor', '周德明', center.id),
    callback: await user('callback', 'callback_agent', '吴海燕', center.id),
    leader: await user('leader', 'leader', '郑国庆', center.id),
    admin: await user('admin', 'admin', '系统管理员', center.id),
    handlerCgj: await user('handler_cgj', 'handler', '钱卫东', cgj.id),
    handlerSz: await user('handler_sz', 'handler', '孙建设', sz.id),
    handlerSthj: await user('handler_sthj', 'handler', '冯春花', sthj.id),
    unitAdminZs: await user('unitadmin_zs', 'unit_admin', '孙立新', zsGov.id),
  };

  const category = async (name: string, level: number, parent?: { id: number; pathName: string }) =>
    buildCategory(db, { name, level, parentId: parent?.id ?? null, pathName: parent ? `${parent.pathName} / ${name}` : name });
  const cityMgmt = await category('城市管理', 1);
  const facilities = await category('市政设施', 2, cityMgmt);
  const streetLight = await category('路灯不亮', 3, facilities);
  const manhole = await category('井盖缺失破损', 3, facilities);
  const env = await category('生态环境', 1);
  const noiseGroup = await category('噪声污染', 2, env);
  const noise = await category('社会生活噪声', 3, noiseGroup);
  const housing = await category('城乡建设', 1);
  const fund = await category('住房公积金', 2, housing);
  const fundWithdraw = await category('公积金提取', 3, fund);
  await db.insert(dispatchCatalogue).values([
    { categoryId: facilities.id, unitId: cgj.id },
    { categoryId: noise.id, unitId: sthj.id },
    { categoryId: fundWithdraw.id, unitId: gjj.id },
  ]);

  const admin = apiAs(app, await signIn(app, users.admin));
  const knowledge = [
    await admin('POST', '/api/v1/knowledge', {
      title: '住房公积金提取条件及办理方式',
      categoryId: fundWithdraw.id,
      unitId: gjj.id,
      keywords: ['公积金', '提取', '租房'],
      content:
        '职工租赁自住住房、购买自住住房、离休退休等情形可申请提取住房公积金。租房提取每年可办理一次，无房职工凭本人身份证即可在“连城公积金”APP线上办理，额度为每月1500元。资料齐全的，3个工作日内到账。',
    }),
    await admin('POST', '/api/v1/knowledge', {
      title: '路灯报修受理范围',
      categoryId: streetLight.id,
      unitId: cgj.id,
      keywords: ['路灯', '报修'],
      content: '城市道路路灯不亮、闪烁、灯杆倾斜，由市城市管理局市政设施管理处负责维修，一般在2个工作日内修复。小区内部路灯由物业负责。',
    }),
  ].map((k) => ({ id: k.id as number, title: k.title as string }));

  const city: SmallCity = {
    password: E2E_PASSWORD,
    users,
    units: Object.fromEntries(
      Object.entries({ center, cgj, sz, sthj, gjj, zsGov, rmlStreet, water }).map(([k, u]) => [k, { id: u.id, name: u.name }]),
    ) as SmallCity['units'],
    categories: {
      streetLight: { id: streetLight.id, pathName: streetLight.pathName },
      manhole: { id: manhole.id, pathName: manhole.pathName },
      noise: { id: noise.id, pathName: noise.pathName },
      fundWithdraw: { id: fundWithdraw.id, pathName: fundWithdraw.pathName },
    },
    regions: { city: cityRegion.id, districts, street: street.id },
    knowledge,
    tickets: {},
  };
  if (options.withTickets) {
    city.tickets = await seedTickets(app, city);
    // What the deadline sweep would have marked by now, so supervision has work to show.
    await app.services.db
      .update(tickets)
      .set({ slaState: 'overdue' })
      .where(inArray(tickets.id, [city.tickets.toSign.id]));
    await app.services.db
      .update(tickets)
      .set({ slaState: 'at_risk' })
      .where(inArray(tickets.id, [city.tickets.handling.id]));
    // Dashboards read rollups that a job normally keeps current; bring them up to date once.
    await admin('POST', '/api/v1/analytics/rollups/refresh').catch(() => undefined);
    await seedCallsAndQuality(app, city);
  }
  return city;
}

/** A handful of orders at every stage, so each workbench has something to show. */
async function seedTickets(app: App, city: SmallCity) {
  const agent = apiAs(app, await signIn(app, city.users.agent));
  const handler = apiAs(app, await signIn(app, city.users.handlerCgj));
  const dispatcher = apiAs(app, await signIn(app, city.users.dispatcher));
  const d = city.regions.districts;
  const make = (content: string, extra: Record<string, unknown>) =>
    agent('POST', '/api/v1/tickets', {
      channel: 'phone',
      type: 'complaint',
      urgency: 'normal',
      content,
      citizen: { phone: `1390000${String(Math.floor(Math.random() * 9000) + 1000)}`, name: '市民' },
      ...extra,
    });
  const out: Record<string, { id: number; number: string }> = {};
  const keep = (key: string, t: any) => {
    out[key] = { id: t.id, number: t.number };
    return t;
  };
  keep(
    'waiting1',
    await make('金湖大道与白鹭路交叉口东侧三盏路灯连续一周不亮，夜间行人很危险。', {
      categoryId: city.categories.streetLight.id,
      regionId: d['金湖区'],
      address: '金湖大道与白鹭路交叉口',
    }),
  );
  keep(
    'waiting2',
    await make('楼下烧烤店每天营业到凌晨两点，噪音很大，影响休息。', {
      categoryId: city.categories.noise.id,
      regionId: d['临江区'],
      urgency: 'urgent',
      address: '滨江路88号',
    }),
  );
  keep(
    'toSign',
    await make('解放路中段井盖缺失，已有电动车摔倒，请尽快处理。', {
      categoryId: city.categories.manhole.id,
      regionId: d['中山区'],
      address: '解放路126号门前',
      dispatch: { leadUnitId: city.units.cgj.id },
    }),
  );
  const handling = keep(
    'handling',
    await make('人民路街道和平小区门口路灯不亮已经半个月。', {
      categoryId: city.categories.streetLight.id,
      regionId: d['中山区'],
      dispatch: { leadUnitId: city.units.cgj.id },
    }),
  );
  await handler('POST', `/api/v1/tickets/${handling.id}/sign`, { version: handling.version });
  let review = keep(
    'review',
    await make('北岭区龙山路路灯闪烁，晚上忽明忽暗。', {
      categoryId: city.categories.streetLight.id,
      regionId: d['北岭区'],
      dispatch: { leadUnitId: city.units.cgj.id },
    }),
  );
  review = await handler('POST', `/api/v1/tickets/${review.id}/sign`, { version: review.version });
  await handler('POST', `/api/v1/tickets/${review.id}/reply`, {
    version: review.version,
    content: '经现场核查，龙山路路灯线路老化，已于今日更换线路，路灯恢复正常照明。',
  });
  let callback = keep(
    'callback',
    await make('青川县城关镇汽车站旁井盖破损。', {
      categoryId: city.categories.manhole.id,
      regionId: d['青川县'],
      dispatch: { leadUnitId: city.units.cgj.id },
    }),
  );
  callback = await handler('POST', `/api/v1/tickets/${callback.id}/sign`, { version: callback.version });
  callback = await handler('POST', `/api/v1/tickets/${callback.id}/reply`, {
    version: callback.version,
    content: '已安排维修人员更换井盖，现场已恢复安全。',
  });
  await dispatcher('POST', `/api/v1/tickets/${callback.id}/review`, { version: callback.version, decision: 'accept' });
  return out;
}

/** The phone system's record of the calls behind the seeded phone orders (plus one abandoned call) and a quality form. */
async function seedCallsAndQuality(app: App, city: SmallCity) {
  const admin = apiAs(app, await signIn(app, city.users.admin));
  const [{ id: agentId }] = await app.services.db
    .select({ id: usersTable.id })
    .from(usersTable)
    .where(eq(usersTable.username, city.users.agent));
  const now = Date.now();
  const calls = Object.values(city.tickets).map((t, i) => {
    const offered = now - 600_000 - i * 30_000;
    return {
      externalId: `e2e-${t.id}`,
      offeredAt: new Date(offered).toISOString(),
      answeredAt: new Date(offered + (4 + i * 3) * 1000).toISOString(),
      endedAt: new Date(offered + 240_000).toISOString(),
      wrapUpSeconds: 45,
      agentUserId: agentId,
      ticketId: t.id,
      phone: '13900001234',
    };
  });
  calls.push({
    externalId: 'e2e-abandoned',
    offeredAt: new Date(now - 500_000).toISOString(),
    answeredAt: null as never,
    endedAt: new Date(now - 440_000).toISOString(),
    wrapUpSeconds: 0,
    agentUserId: null as never,
    ticketId: null as never,
    phone: '13900005678',
  });
  await admin('POST', '/api/v1/calls/import', { source: 'e2e-cti', calls });
  await admin('POST', '/api/v1/quality/forms', DEMO_QUALITY_FORM);
}
