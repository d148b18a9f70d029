/**
 * Request schemas
 *
 * zod schemas for every query string and body the API accepts. Query strings arrive as strings, so
 * lists are comma-separated (`types=County,Township`) and numbers are coerced; anything else is a 400
 * naming the parameter. Limits here keep one request from asking the store for the whole world.
 */
import { EntityTypeSchema, RelationTypeSchema } from '@fupin/graph-schema';
import { z } from 'zod';

/** Largest `limit` a subgraph request may ask for (nodes). */
export const MAX_SUBGRAPH_LIMIT = 100_000;

/** Longest entity or document id accepted in a path. */
const IdSchema = z.string().min(1).max(300);

// `a,b,c` → ['a','b','c'] validated item by item; empty string → undefined.
function csv<O extends string>(item: z.ZodType<O, string>) {
  return z
    .string()
    .max(1000)
    .optional()
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(z.array(item).optional());
}

/** `/api/search?q=&types=&limit=` */
export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  types: csv(EntityTypeSchema),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** `/api/neighbours/:id?depth=&rel=` */
export const NeighboursQuerySchema = z.object({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  rel: csv(RelationTypeSchema),
});

/** `/api/path?from=&to=` */
export const PathQuerySchema = z.object({ from: IdSchema, to: IdSchema });

/** `/api/subgraph?types=&rel=&cooperation=1&year=&limit=` */
export const SubgraphQuerySchema = z.object({
  types: csv(EntityTypeSchema),
  rel: csv(RelationTypeSchema),
  cooperation: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SUBGRAPH_LIMIT).default(5_000),
});

/** Path parameter of `/api/entity/:id`, `/api/neighbours/:id`, `/api/partners/:id`, `/api/document/:id`. */
export const IdParamSchema = z.object({ id: IdSchema });

/** `POST /api/ask` body. */
export const AskBodySchema = z.object({ question: z.string().trim().min(1).max(500) });

/** `POST /api/cypher` body; the store enforces read-only and the timeout. */
export const CypherBodySchema = z.object({
  query: z.string().trim().min(1).max(10_000),
  params: z.record(z.string(), z.unknown()).default({}),
});
