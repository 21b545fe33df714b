import { findHotspots, type HotspotOrder } from '../server/modules/insight/hotspots.ts';
const day = (d: number, h = 10) => new Date(Date.UTC(2026, 2, d, h - 8));
let seq = 0;
const order = (title: string, body: string, at: Date, citizen: string, extra: Partial<HotspotOrder> = {}): HotspotOrder => ({ id: ++seq, title, body, at, citizen, ...extra });
const topics = ['停车收费', '企业安全隐患', '非法用工', '消防隐患', '博物馆开放', '助学金', '银行服务', '燃气安全检查', '公证服务', '危险废物', '广播电视', '农资质量'];
const template = topics.map((topic, k) => order(`关于${topic}的咨询`, `您好！咨询${topic}相关规定，需要准备哪些材料，请给予答复。谢谢！`, day(3 + k), `t${k}`, { category: `c${k}` }));
const others = Array.from({ length: 9 }, (_, k) => order(`其他${k}`, `其他事情${k}`, day(2), `o${k}`, { category: `o${k}` }));
for (const h of findHotspots([...others, ...template], { from: day(1, 0), to: day(31, 0) })) console.log(h.ids, h.title, h.terms, h.components);
