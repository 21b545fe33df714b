/**
 * The Chinese font embedded in PDF reports, found at run time. Debian packages: fonts-noto-cjk
 * (Noto Sans CJK, what .ci/run installs) or fonts-wqy-microhei. LIANXIN_CJK_FONT may point at
 * another TTF/OTF/TTC file (with `#PostScriptName` for a collection).
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../lib/errors.ts';

export interface CjkFont {
  path: string;
  /** PostScript name of the face inside a .ttc collection; undefined for single-face files. */
  family?: string;
}

const CANDIDATES: CjkFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
  { path: '/usr/share/fonts/truetype/arphic/uming.ttc', family: 'AR PL UMing CN' },
];

let found: CjkFont | null = null;

/** The font to embed; the answer for the process environment is remembered. */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont {
  if (env === process.env && found) return found;
  const font = locate(env);
  if (env === process.env) found = font;
  return font;
}

function locate(env: NodeJS.ProcessEnv): CjkFont {
  const configured = env.LIANXIN_CJK_FONT;
  if (configured) {
    const [path, family] = configured.split('#');
    if (!existsSync(path)) throw missingFont([path]);
    return { path, family: family || undefined };
  }
  const hit = CANDIDATES.find((c) => existsSync(c.path));
  if (!hit) throw missingFont(CANDIDATES.map((c) => c.path));
  return hit;
}

function missingFont(searched: string[]) {
  return new AppError('INTERNAL', {
    message: '未找到中文字体，无法生成 PDF：请安装 fonts-noto-cjk 或 fonts-wqy-microhei（apt-get install fonts-noto-cjk），或设置 LIANXIN_CJK_FONT',
    messageEn: 'No Chinese font found to render the PDF: install fonts-noto-cjk or fonts-wqy-microhei (apt-get install fonts-noto-cjk), or set LIANXIN_CJK_FONT',
    details: { searched },
  });
}
