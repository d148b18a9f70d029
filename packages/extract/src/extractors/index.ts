/**
 * Entity extractor registry
 *
 * The entity extractors the pipeline runs, in order. Regions come first: later extractors read the
 * region mentions (and `ctx.primaryRegion`) from the context. Add an extractor by appending it here.
 */
import type { EntityExtractor } from '../types.js';
import { companyExtractor } from './companies.js';
import { industryExtractor } from './industries.js';
import { organizationExtractor } from './organizations.js';
import { programExtractor } from './programs.js';
import { regionExtractor } from './regions.js';
import { siteExtractor } from './sites.js';

/**
 * Entity extractors in the order the pipeline runs them.
 * @example ENTITY_EXTRACTORS.map((e) => e.name) // ['regions', …]
 */
export const ENTITY_EXTRACTORS: readonly EntityExtractor[] = [
  regionExtractor,
  programExtractor,
  companyExtractor,
  organizationExtractor,
  siteExtractor,
  industryExtractor,
];
