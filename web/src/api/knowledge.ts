/** Knowledge base calls (知识库) the desks read. */
import { api } from './client.ts';
import type { KnowledgeItem, KnowledgeSummary, Page } from './types.ts';

/** `q`: words typed by the agent; `about`: the complaint's own text, to find items sharing its telling words. */
export function searchKnowledge(query: { q: string; limit: number } | { about: string; limit: number }, signal?: AbortSignal) {
  return api.get<Page<KnowledgeSummary>>('/api/v1/knowledge', query, signal);
}

export const getKnowledgeItem = (id: number) => api.get<KnowledgeItem>(`/api/v1/knowledge/${id}`);
