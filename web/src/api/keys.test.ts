import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keys } from './keys.ts';

const webSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('query keys', () => {
  it('come from the one factory: no screen writes a key as a literal array', () => {
    const literal = /(queryKey:\s*|QueryData(<[^>]*>)?\(\s*|useCursorList(<[^>]*>)?\(\s*)\[\s*['"`]/;
    const offenders = sources(webSrc)
      .filter((file) => !file.endsWith(path.join('api', 'keys.ts')))
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => (literal.test(line) ? `${path.relative(webSrc, file)}:${i + 1}` : null))
          .filter((hit): hit is string => hit !== null),
      );
    expect(offenders, 'name the query in web/src/api/keys.ts and use it').toEqual([]);
  });

  it('nest, so the short key a write invalidates covers the longer ones', () => {
    const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((part, i) => key[i] === part);
    expect(startsWith(keys.tickets.detail(7), keys.tickets.all)).toBe(true);
    expect(startsWith(keys.tickets.list('default', '{}', 20, 0), keys.tickets.all)).toBe(true);
    expect(startsWith(keys.admin.apiKeys(true), keys.admin.apiKeys())).toBe(true);
    expect(startsWith(keys.analytics.assessment('2026-11', 'latest'), keys.analytics.assessment('2026-11'))).toBe(true);
    expect(startsWith(keys.catalogue(3, null), keys.catalogue())).toBe(true);
    expect(keys.admin.apiKeys()).toEqual(['admin', 'api-keys']);
  });
});
