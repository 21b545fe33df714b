import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import {
  XML_DOCUMENTS,
  formatOfUrl,
  open311Status,
  parseOpen311DateTime,
  redactPersonalData,
  toOpen311DateTime,
} from './open311.format.ts';

describe('open311 format', () => {
  describe('toOpen311DateTime', () => {
    it('writes Shanghai time with an explicit +08:00 offset', () => {
      expect(toOpen311DateTime(new Date('2026-03-01T18:30:05.123Z'))).toBe('2026-03-02T02:30:05+08:00');
      expect(toOpen311DateTime(null)).toBeNull();
    });
  });

  describe('parseOpen311DateTime', () => {
    it('reads UTC, offsets, and a "+" that URL decoding turned into a space', () => {
      expect(parseOpen311DateTime('2026-03-02T02:00:00Z')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
      expect(parseOpen311DateTime('2026-03-02T10:00:00+08:00')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
      expect(parseOpen311DateTime('2026-03-02T10:00:00 08:00')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
      expect(parseOpen311DateTime('2026-03-02T10:00:00+0800')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
      expect(parseOpen311DateTime('2026-03-01T21:00:00-05:00')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    });

    it('takes a bare date or time as Shanghai local time', () => {
      expect(parseOpen311DateTime('2026-03-02')?.toISOString()).toBe('2026-03-01T16:00:00.000Z');
      expect(parseOpen311DateTime('2026-03-02T10:00')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    });

    it('rejects what is not a datetime', () => {
      for (const raw of ['yesterday', '2026-13-45T00:00:00Z', '1700000000', '']) expect(parseOpen311DateTime(raw)).toBeNull();
    });
  });

  describe('open311Status', () => {
    it('maps every final status to closed and the rest to open', () => {
      for (const s of ['closed', 'merged', 'invalid', 'transferred']) expect(open311Status(s)).toBe('closed');
      for (const s of ['pending_dispatch', 'handling', 'pending_callback', 'callback_unsatisfied', 'returned'])
        expect(open311Status(s)).toBe('open');
    });
  });

  describe('formatOfUrl', () => {
    it('follows the extension and falls back to XML, the required format', () => {
      expect(formatOfUrl('/open311/v2/requests.json?status=open')).toBe('json');
      expect(formatOfUrl('/open311/v2/requests.xml')).toBe('xml');
      expect(formatOfUrl('/open311/v2/requests.html?x=.json')).toBe('xml');
    });
  });

  describe('redactPersonalData', () => {
    it('masks mobile numbers, landlines and identity card numbers', () => {
      const text = '联系电话13812345678或+86 13912345678，座机021-62345678，身份证31010119900307123X，工单20261122-00042';
      const out = redactPersonalData(text);
      expect(out).toContain('138****5678');
      expect(out).toContain('139****5678');
      expect(out).not.toMatch(/13812345678|13912345678|62345678|19900307/);
      expect(out).toContain('310101***********X');
      expect(out).toContain('20261122-00042');
    });

    it('leaves ordinary text alone', () => {
      expect(redactPersonalData('小区门口路灯不亮已经三天')).toBe('小区门口路灯不亮已经三天');
    });
  });

  describe('XML documents', () => {
    const parser = new XMLParser({ isArray: (name) => ['request', 'error', 'value', 'attribute', 'format', 'endpoint'].includes(name) });

    it('writes the declaration, the spec element names, lists of one, and empty elements for null', () => {
      const xml = XML_DOCUMENTS.serviceRequests([{ service_request_id: '20260302-00001', service_notice: null, account_id: null }]);
      expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      expect(xml).toContain('<account_id/>');
      const doc = parser.parse(xml);
      expect(doc.service_requests.request).toEqual([{ service_request_id: '20260302-00001', service_notice: '', account_id: '' }]);
    });

    it('escapes text', () => {
      const xml = XML_DOCUMENTS.errors([{ code: 400, description: 'a < b & "c"' }]);
      expect(xml).toContain('a &lt; b &amp; &quot;c&quot;');
      expect(parser.parse(xml).errors.error[0]).toEqual({ code: 400, description: 'a < b & "c"' });
    });

    it('nests attribute values and discovery formats', () => {
      const def = parser.parse(
        XML_DOCUMENTS.serviceDefinition({
          service_code: '010101',
          attributes: [
            { code: 'urgency', values: [{ key: 'normal', name: '一般' }] },
            { code: 'address_detail', values: [] },
          ] as any,
        }),
      );
      expect(def.service_definition.attributes.attribute[0].values.value).toEqual([{ key: 'normal', name: '一般' }]);
      expect(def.service_definition.attributes.attribute[1].values).toBe('');
      const discovery = parser.parse(
        XML_DOCUMENTS.discovery({
          changeset: 'c',
          contact: 'x',
          key_service: 'k',
          endpoints: [{ url: 'u', formats: ['text/xml', 'application/json'] }] as any,
        }),
      );
      expect(discovery.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
    });
  });
});
