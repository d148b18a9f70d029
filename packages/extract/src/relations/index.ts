/**
 * Relation extractor registry
 *
 * The relation extractors the pipeline runs after entities are resolved. Each reads the document's
 * mentions (with canonical names) and returns relations stated in one sentence. Add one by appending it.
 */
import type { RelationExtractor } from '../types.js';
import { cooperationExtractor } from './cooperation.js';
import { developsExtractor } from './develops.js';
import { implementsExtractor } from './implements.js';
import { investsExtractor } from './invests.js';
import { partOfExtractor } from './part-of.js';
import { partnersExtractor } from './partners.js';
import { locatedInExtractor } from './located-in.js';

/**
 * Relation extractors in the order the pipeline runs them.
 * @example RELATION_EXTRACTORS.map((e) => e.name) // ['located-in', 'cooperation', …]
 */
export const RELATION_EXTRACTORS: readonly RelationExtractor[] = [
  locatedInExtractor,
  cooperationExtractor,
  implementsExtractor,
  investsExtractor,
  developsExtractor,
  partOfExtractor,
  partnersExtractor,
];
