/**
 * Distant supervision from official replies: a closed order's reply usually names the department
 * that answered it (住房和城乡建设局, 人社局, 交警大队…), and a department maps to the domain of a
 * first-level category. A reply that names the departments of exactly one of the known categories,
 * and no department outside them (公安、民政、国土…), labels its message weakly. The rules are
 * department names only, written from the category tree and the usual names of Chinese city and
 * county departments, never from labelled messages. Pure.
 */

/** Department names by the first-level category whose domain they handle (the public data's 7 categories). */
export const CATEGORY_DEPARTMENTS: Record<string, RegExp> = {
  城乡建设:
    /住房和城乡建设|住建(?:局|委|厅|部门)|城乡建设局|(?:规划|规建|规划建设)(?:局|分局|委)|城管(?:局|执法)|城市管理(?:局|和|综合)|行政执法局|房产(?:局|管理局|交易)|住房保障(?:局|服务中心)|房屋交易管理|公积金管理中心|市政(?:局|设施)|环卫(?:局|处|所)|园林(?:局|绿化局)/,
  环境保护: /生态环境(?:局|厅|部|分局)|环保(?:局|分局|部门)|环境保护(?:局|厅|部)|环境监察(?:支队|大队)/,
  交通运输: /交通运输(?:局|厅|部)|交通局|运管(?:处|所|局)|道路运输管理|公路(?:局|管理局|分局)|公交(?:公司|集团)|交警|交通警察|出租车管理/,
  教育文体: /教育(?:局|厅|部|体育局|阳光服务中心)|教体局|体育局|文化(?:和?旅游)?(?:广电)?(?:体育)?局|文旅广电|广电局|招生考试(?:院|中心)/,
  劳动和社会保障:
    /人力资源和社会保障|人社(?:局|厅|部门)|社保(?:局|中心|处|经办)|社会保险(?:局|事业局|(?:管理)?服务中心)|医保(?:局|中心)|医疗保障局|医疗保险(?:服务中心|管理中心|局)|劳动(?:保障)?监察(?:大队|支队)|劳动人事争议仲裁|就业(?:服务)?(?:局|中心)|人力资源服务中心/,
  商贸旅游:
    /商务(?:局|厅|委)|市场监督管理|市场监管(?:局|分局|所)|工商(?:局|分局|所)|质量技术监督局|质监局|(?<!文化和?)旅游(?:局|委|发展委)/,
  卫生计生:
    /卫生健康(?:委|局)|卫健(?:委|局)|卫计(?:委|局)|卫生和计划生育|卫生局|计生(?:局|委|办)|人口和计划生育|疾病预防控制|疾控|食品药品监督管理局|食药监|卫生监督(?:所|局)/,
};

/** Departments of the other first-level categories (政法, 民政, 国土资源, 农村农业, 经济管理, 纪检监察…). */
const OTHER_DEPARTMENTS =
  /公安(?:局|分局|厅)(?!交)|派出所|国土(?:资源)?局|自然资源(?:局|和规划局)|民政(?:局|厅)|农业(?:农村)?(?:局|委)|林业局|水利局|畜牧|扶贫(?:办|开发)|财政(?:局|厅)|税务局|发展和改革|发改(?:委|局)|纪委|监察委|司法局|法院|检察院|科技局|工信(?:局|委)|通信管理局/;

/** The category whose departments alone the reply names, or null (none, several, or one outside the categories). */
export function categoryFromReply(reply: string): string | null {
  if (OTHER_DEPARTMENTS.test(reply)) return null;
  let found: string | null = null;
  for (const [category, pattern] of Object.entries(CATEGORY_DEPARTMENTS)) {
    if (!pattern.test(reply)) continue;
    if (found) return null;
    found = category;
  }
  return found;
}
