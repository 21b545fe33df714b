/**
 * Finding a category the way a caller or an agent says it: the tree's own words, the everyday words for them
 * (噪音 for 噪声), and pinyin initials typed without switching the input method (shshzs for 社会生活噪声).
 */

/** Everyday word → the word the category tree uses. Only pairs where the tree never uses the everyday word. */
export const CATEGORY_SYNONYMS: Record<string, string[]> = {
  噪音: ['噪声'],
  吵: ['噪声'],
  扰民: ['噪声', '扰民'],
  路灯坏: ['路灯不亮'],
  没电: ['停电'],
  断电: ['停电'],
  没水: ['停水'],
  断水: ['停水'],
  暖气: ['供暖', '暖气'],
  油烟: ['餐饮油烟'],
  欠薪: ['拖欠工资', '农民工工资'],
  工资: ['拖欠工资', '农民工工资'],
  违停: ['违章停车'],
  乱停车: ['违章停车'],
  摆摊: ['占道经营', '流动摊贩'],
  小摊: ['流动摊贩'],
  违建: ['违法建设', '私搭乱建'],
  垃圾: ['垃圾'],
  下水道: ['排水管网堵塞', '污水外溢'],
  堵车: ['交通拥堵'],
  红绿灯: ['交通信号灯'],
  的士: ['出租车'],
  打车: ['出租车', '网约车'],
  医保: ['医疗保障', '医保'],
  社保: ['社会保险', '社保'],
  退钱: ['退费'],
  退款: ['退费'],
  电梯坏: ['电梯故障', '电梯运行维护'],
  狗: ['养犬管理'],
  烧烤: ['露天烧烤'],
};

/** The words to look for: what was typed, and the tree's words for it. */
export function searchTerms(input: string): string[] {
  const typed = input.trim();
  if (!typed) return [];
  const terms = new Set([typed]);
  for (const [everyday, official] of Object.entries(CATEGORY_SYNONYMS)) {
    if (!typed.includes(everyday)) continue;
    for (const word of official) {
      terms.add(typed.replace(everyday, word));
      terms.add(word);
    }
  }
  return [...terms];
}

/** True when the typed text is latin letters only, i.e. pinyin initials (or a full-pinyin prefix). */
export const isLatin = (input: string) => /^[a-z]+$/i.test(input.trim());

/**
 * Whether `label` answers `input`. `initials` gives a label's pinyin initials (lower case) when the pinyin
 * dictionary has loaded, else undefined (then pinyin is not matched yet).
 */
export function labelMatches(label: string, input: string, initials?: (label: string) => string | undefined): boolean {
  const typed = input.trim();
  if (!typed) return false;
  if (isLatin(typed)) {
    const code = initials?.(label);
    return !!code && code.includes(typed.toLowerCase());
  }
  return searchTerms(typed).some((term) => label.includes(term));
}

/** A path of labels matches when one of its labels does (or, for initials, their concatenation). */
export function pathMatches(labels: string[], input: string, initials?: (label: string) => string | undefined): boolean {
  if (labels.some((l) => labelMatches(l, input, initials))) return true;
  if (isLatin(input) && initials) {
    const codes = labels.map((l) => initials(l));
    return codes.every(Boolean) && codes.join('').includes(input.trim().toLowerCase());
  }
  return false;
}
