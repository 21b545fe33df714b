/** Indicator names and definitions in the reader's language, from the one list the API serves. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicators, type IndicatorDefinition } from '../../api/analytics.ts';

export interface Definition {
  id: string;
  kind: IndicatorDefinition['kind'];
  name: string;
  formula: string;
  direction: IndicatorDefinition['direction'];
  isAssessable: boolean;
}

export function useDefinitions() {
  const { i18n } = useTranslation();
  const query = useIndicators();
  const isEnglish = i18n.language.startsWith('en');
  const list = useMemo<Definition[]>(
    () =>
      (query.data ?? []).map((d) => ({
        id: d.id,
        kind: d.kind,
        direction: d.direction,
        isAssessable: d.isAssessable,
        name: isEnglish ? d.nameEn : d.nameZh,
        formula: isEnglish ? d.formulaEn : d.formulaZh,
      })),
    [query.data, isEnglish],
  );
  const byId = useMemo(() => new Map(list.map((d) => [d.id, d])), [list]);
  return { query, list, byId };
}
