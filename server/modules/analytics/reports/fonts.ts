/**
 * The Chinese font embedded in PDF reports. By default Source Han Sans SC (思源黑体, SIL OFL), shipped
 * by the npm package node-source-han-sans-sc, so a plain server with no system fonts still renders
 * reports. LIANXIN_CJK_FONT may name another TTF/OTF/TTC file instead (with `#PostScriptName` for a
 * face inside a collection), e.g. a system font such as /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { AppError } from '../../../lib/errors.ts';

export interface CjkFont {
  path: string;
  /** PostScript name of the face inside a .ttc collection; undefined for single-face files. */
  family?: string;
}

const SHIPPED_FONT = 'node-source-han-sans-sc/SourceHanSansSC-Regular.otf';

/** The font to embed: the configured file when one is set, otherwise the shipped one. */
export function findCjkFont(configured?: string): CjkFont {
  if (configured) {
    const [path, family] = configured.split('#');
    if (!existsSync(path)) throw missingFont(path);
    return { path, family: family || undefined };
  }
  let path: string;
  try {
    path = createRequire(import.meta.url).resolve(SHIPPED_FONT);
  } catch {
    throw missingFont(SHIPPED_FONT);
  }
  return { path };
}

const loaded = new Map<string, Promise<Buffer>>();

/** The font file's bytes, read once per process (the shipped OTF is 17 MB). */
export function loadFontFile(font: CjkFont): Promise<Buffer> {
  let bytes = loaded.get(font.path);
  if (!bytes) {
    bytes = readFile(font.path);
    loaded.set(font.path, bytes);
    bytes.catch(() => loaded.delete(font.path));
  }
  return bytes;
}

function missingFont(searched: string) {
  return new AppError('INTERNAL', {
    message: `未找到中文字体 ${searched}，无法生成 PDF：请运行 npm install（随附思源黑体），或将 LIANXIN_CJK_FONT 设为一个存在的 TTF/OTF/TTC 文件`,
    messageEn: `Chinese font ${searched} not found, cannot render the PDF: run npm install (it ships Source Han Sans SC), or set LIANXIN_CJK_FONT to an existing TTF/OTF/TTC file`,
    details: { searched },
  });
}
