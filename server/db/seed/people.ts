/** Demo users (one or more for every role), the demo API key and the citizens who call (pure). */
import type { Role } from '../../../common/enums.ts';
import { sha256 } from '../../lib/crypto.ts';
import { GIVEN_NAMES, SURNAMES } from './city.data.ts';
import type { City, UnitRow } from './city.ts';
import { hashSeed, Rng } from './prng.ts';

export const DEMO_PASSWORD = 'lianxin123';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  phone: string | null;
}

export interface DemoLogin {
  role: Role;
  username: string;
  password: string;
  displayName: string;
  unitName?: string;
}

export interface Staff {
  users: UserRow[];
  logins: DemoLogin[];
  agents: UserRow[];
  dispatchers: UserRow[];
  supervisors: UserRow[];
  callbackAgents: UserRow[];
  leader: UserRow;
  admin: UserRow;
  /** The handler acting for each unit in the simulated history, by unit id. */
  handlerOf: Map<number, UserRow>;
}

/** The demo logins printed at start: the same for every seed, so they can be shown before seeding too. */
const NAMED: { username: string; role: Role; displayName: string; unit: (city: City) => UnitRow }[] = [
  { username: 'agent', role: 'agent', displayName: '李晓红', unit: (c) => c.center },
  { username: 'dispatcher', role: 'dispatcher', displayName: '王建国', unit: (c) => c.center },
  { username: 'handler', role: 'handler', displayName: '赵振华', unit: (c) => c.departments.zjj },
  { username: 'unit_admin', role: 'unit_admin', displayName: '孙立新', unit: (c) => c.districts[0].government },
  { username: 'supervisor', role: 'supervisor', displayName: '周德明', unit: (c) => c.center },
  { username: 'callback_agent', role: 'callback_agent', displayName: '吴海燕', unit: (c) => c.center },
  { username: 'leader', role: 'leader', displayName: '郑国庆', unit: (c) => c.center },
  { username: 'admin', role: 'admin', displayName: '系统管理员', unit: (c) => c.center },
  { username: 'handler_cgj', role: 'handler', displayName: '钱卫东', unit: (c) => c.departments.cgj },
  { username: 'handler_water', role: 'handler', displayName: '冯春花', unit: (c) => c.utilities.water },
  { username: 'handler_rsj', role: 'handler', displayName: '陈思远', unit: (c) => c.departments.rsj },
  { username: 'handler_street', role: 'handler', displayName: '褚秀英', unit: (c) => c.districts[0].streets[0].unit },
  { username: 'handler_zf', role: 'handler', displayName: '卫志强', unit: (c) => c.districts[0].offices.zf },
];
const EXTRA_CENTER: [string, Role, string][] = [
  ['agent2', 'agent', '刘静'],
  ['agent3', 'agent', '张敏'],
  ['agent4', 'agent', '杨丽'],
  ['agent5', 'agent', '黄娟'],
  ['agent6', 'agent', '何艳'],
  ['dispatcher2', 'dispatcher', '高磊'],
  ['dispatcher3', 'dispatcher', '林涛'],
  ['supervisor2', 'supervisor', '罗勇'],
  ['callback_agent2', 'callback_agent', '梁芳'],
  ['callback_agent3', 'callback_agent', '宋娜'],
];

export function buildStaff(city: City, nextId: () => number, namespace = ''): Staff {
  const name = (u: string) => (namespace ? `${namespace}-${u}` : u);
  const rng = new Rng(7_112_345);
  const users: UserRow[] = [];
  const logins: DemoLogin[] = [];
  const add = (username: string, role: Role, displayName: string, unitId: number | null) => {
    const row: UserRow = {
      id: nextId(),
      username: name(username),
      displayName,
      role,
      unitId,
      phone: `1390538${String(users.length).padStart(4, '0')}`,
    };
    users.push(row);
    return row;
  };
  for (const n of NAMED) {
    const unit = n.unit(city);
    const row = add(n.username, n.role, n.displayName, unit.id);
    logins.push({ role: n.role, username: row.username, password: DEMO_PASSWORD, displayName: n.displayName, unitName: unit.name });
  }
  for (const [username, role, displayName] of EXTRA_CENTER) add(username, role, displayName, city.center.id);

  const handlerOf = new Map<number, UserRow>();
  for (const u of users) if (u.role === 'handler' && u.unitId !== null) handlerOf.set(u.unitId, u);
  for (const unit of city.units) {
    if (unit.kind === 'center' || handlerOf.has(unit.id)) continue;
    const person = rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
    const rawCode = namespace ? unit.code.slice(namespace.length + 1) : unit.code;
    handlerOf.set(unit.id, add(`h.${rawCode}`, 'handler', person, unit.id));
  }
  for (const district of city.districts.slice(1)) {
    add(`ua.${district.spec.code}`, 'unit_admin', `${district.spec.name}管理员`, district.government.id);
  }
  const byRole = (role: Role) => users.filter((u) => u.role === role && u.unitId === city.center.id);
  return {
    users,
    logins,
    handlerOf,
    agents: byRole('agent'),
    dispatchers: byRole('dispatcher'),
    supervisors: byRole('supervisor'),
    callbackAgents: byRole('callback_agent'),
    leader: byRole('leader')[0],
    admin: byRole('admin')[0],
  };
}

/** The integration key printed at start; derived from the seed so it is stable across restarts. */
export function demoApiKey(seed: number, namespace = ''): string {
  return `lx_demo_${sha256(`lianxin-demo-api-key:${namespace}:${seed}`).slice(0, 32)}`;
}

export interface CitizenRow {
  id: number;
  phone: string;
  name: string | null;
  isConfidential: boolean;
  createdAt: number;
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

/**
 * Callers: most call once, a few hundred call again and again (重复来电). Phones are distinct;
 * with a namespace (tests sharing one database) they are drawn from a block of their own.
 */
export class CitizenPool {
  readonly rows: CitizenRow[] = [];
  private readonly phones = new Set<string>();
  private readonly frequent: CitizenRow[] = [];
  /** With a namespace: phones 19BBBBBBNNN, a block of a thousand numbers per namespace, numbered in order. */
  private readonly block: number | null;

  constructor(
    private readonly rng: Rng,
    namespace = '',
  ) {
    this.block = namespace ? hashSeed(namespace) % 1_000_000 : null;
  }

  /** A caller for an order at time `at`: a returning one with probability `repeatRate`. */
  next(at: number, repeatRate: number): CitizenRow {
    const { rng } = this;
    if (this.rows.length > 50 && rng.chance(repeatRate)) {
      // a fifth of returning callers are the same few frequent callers
      if (this.frequent.length > 0 && rng.chance(0.2)) return rng.pick(this.frequent);
      return this.rows[Math.floor(this.rows.length * Math.sqrt(rng.next()))];
    }
    const row: CitizenRow = {
      id: this.rows.length + 1,
      phone: this.newPhone(),
      name: this.newName(),
      isConfidential: false,
      createdAt: at,
    };
    this.rows.push(row);
    if (this.frequent.length < 300 && rng.chance(0.01)) this.frequent.push(row);
    return row;
  }

  private newPhone(): string {
    for (;;) {
      let phone: string;
      if (this.block !== null) {
        const n = this.phones.size;
        phone = `19${String((this.block + Math.floor(n / 1000)) % 1_000_000).padStart(6, '0')}${String(n % 1000).padStart(3, '0')}`;
      } else if (this.rng.chance(0.05)) phone = `0538${this.rng.int(2000000, 8999999)}`;
      else phone = this.rng.pick(MOBILE_PREFIXES) + String(this.rng.int(0, 99999999)).padStart(8, '0');
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  private newName(): string | null {
    const r = this.rng.next();
    const surname = this.rng.pick(SURNAMES);
    if (r < 0.3) return null;
    if (r < 0.75) return surname + (this.rng.chance(0.5) ? '先生' : '女士');
    return surname + this.rng.pick(GIVEN_NAMES);
  }
}
