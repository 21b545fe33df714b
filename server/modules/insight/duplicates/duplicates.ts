/**
 * Duplicates and repeats (重复件) on intake: given the new order and candidate orders (found by the
 * duplicate index, or by region / citizen / time in the database), say which are about the same
 * problem, why, whether the new order is a repeat contact, and whether merging (并单) is advised.
 * Pure.
 */
import { jaccard, minhash, shingles } from './minhash.ts';
import { findPlaceMentions, type PlaceMention } from '../places/places.ts';

export interface DuplicateSubject {
  id: number | string;
  title: string;
  content: string;
  at: Date;
  citizenKey?: string | number | null;
  regionId?: number | null;
  isOpen?: boolean;
}

export interface DuplicateOptions {
  /** Only candidates this close in time (either way). */
  windowDays: number;
  /** Text similarity (Jaccard of character bigrams) above which texts count as similar. */
  similarText: number;
  /** Text similarity above which texts are near-copies even without a shared place. */
  nearCopy: number;
  limit: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = { windowDays: 30, similarText: 0.25, nearCopy: 0.6, limit: 10 };

export type DuplicateReason = 'same_citizen' | 'same_place' | 'same_region' | 'similar_text' | 'near_copy';

export interface DuplicateCandidateResult {
  id: number | string;
  /** 0–1: how likely the two are about the same problem. */
  score: number;
  similarity: number;
  reasons: DuplicateReason[];
  sharedPlaces: string[];
  /** 重复件: the same citizen again about the same problem. */
  isRepeat: boolean;
  /** 并单 advised: same problem and the candidate is still open. */
  shouldMerge: boolean;
}

const specificPlaces = (mentions: PlaceMention[]) => new Set(mentions.filter((m) => m.kind !== 'district').map((m) => m.name));

export function rankDuplicates(
  subject: DuplicateSubject,
  candidates: DuplicateSubject[],
  overrides: Partial<DuplicateOptions> = {},
): DuplicateCandidateResult[] {
  const options = { ...DEFAULT_DUPLICATE_OPTIONS, ...overrides };
  const text = (s: DuplicateSubject) => `${s.title} ${s.content}`;
  const subjectShingles = shingles(text(subject));
  const subjectPlaces = specificPlaces(findPlaceMentions(text(subject)));
  const windowMs = options.windowDays * 86_400_000;
  const results: DuplicateCandidateResult[] = [];
  for (const c of candidates) {
    if (c.id === subject.id || Math.abs(c.at.getTime() - subject.at.getTime()) > windowMs) continue;
    const similarity = Math.round(jaccard(subjectShingles, shingles(text(c))) * 1000) / 1000;
    const isSameCitizen = subject.citizenKey != null && subject.citizenKey === c.citizenKey;
    // below half the similar-text bar only the same caller counts: skip finding places (segmentation) in the rest
    if (similarity < options.similarText / 2 && !isSameCitizen) continue;
    const sharedPlaces = subjectPlaces.size ? [...specificPlaces(findPlaceMentions(text(c)))].filter((p) => subjectPlaces.has(p)) : [];
    const isSameRegion = subject.regionId != null && subject.regionId === c.regionId;
    const reasons: DuplicateReason[] = [];
    if (isSameCitizen) reasons.push('same_citizen');
    if (sharedPlaces.length) reasons.push('same_place');
    if (isSameRegion) reasons.push('same_region');
    if (similarity >= options.nearCopy) reasons.push('near_copy');
    else if (similarity >= options.similarText) reasons.push('similar_text');
    const isSimilar = similarity >= options.similarText;
    const isSamePlace = sharedPlaces.length > 0 || (isSameRegion && subjectPlaces.size === 0);
    const isSameProblem =
      similarity >= options.nearCopy ||
      (isSimilar && (isSamePlace || isSameCitizen)) ||
      (isSameCitizen && sharedPlaces.length > 0 && similarity >= options.similarText / 2);
    if (!isSameProblem && !isSameCitizen) continue;
    // closeness in time adds a little: a repeat a day later is likelier than one a month later
    const recency = 1 - Math.abs(c.at.getTime() - subject.at.getTime()) / windowMs;
    const score = Math.min(
      1,
      0.55 * Math.min(1, similarity / options.nearCopy) +
        (sharedPlaces.length ? 0.2 : isSameRegion ? 0.08 : 0) +
        (isSameCitizen ? 0.15 : 0) +
        0.1 * recency,
    );
    results.push({
      id: c.id,
      score: Math.round(score * 1000) / 1000,
      similarity,
      reasons,
      sharedPlaces,
      isRepeat: isSameCitizen && isSameProblem,
      shouldMerge: isSameProblem && c.isOpen === true,
    });
  }
  return results.sort((a, b) => b.score - a.score || String(a.id).localeCompare(String(b.id))).slice(0, options.limit);
}

/** Signature for the duplicate index of an order's text. */
export const orderSignature = (s: { title: string; content: string }) => minhash(shingles(`${s.title} ${s.content}`));
