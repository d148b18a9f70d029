/**
 * Graph vocabulary
 *
 * The entity and relation types of the fupin graph, fixed by `shared/eval/FORMAT.md`. Every other
 * package takes its type names from here so that the extractors, the stores and the web view can
 * never drift apart.
 */
import { z } from 'zod';

/** Administrative levels, from province down to village, in order. */
export const REGION_LEVELS = ['Province', 'Prefecture', 'County', 'Township', 'Village'] as const;

/** Every entity type of the graph: the five region levels and the five non-region kinds. */
export const ENTITY_TYPES = [...REGION_LEVELS, 'Program', 'Company', 'Organization', 'Industry', 'Site'] as const;

/** Directed relation types between entities (MENTIONED_IN is kept separately as mentions). */
export const RELATION_TYPES = [
  'LOCATED_IN',
  'ASSISTS',
  'LABOR_COOPERATION',
  'SALES_OUTLET_IN',
  'IMPLEMENTS',
  'INVESTS_IN',
  'PARTNERS_WITH',
  'DEVELOPS',
  'PART_OF',
] as const;

/**
 * Relation types that east-west cooperation views show (东西部协作).
 * @example ASSISTS 萧山区 → 从江县
 */
export const COOPERATION_RELATION_TYPES = ['ASSISTS', 'LABOR_COOPERATION', 'SALES_OUTLET_IN'] as const;

/** Relations whose direction carries no meaning (scored in either direction). */
export const SYMMETRIC_RELATION_TYPES = ['LABOR_COOPERATION', 'PARTNERS_WITH'] as const;

export const RegionLevelSchema = z.enum(REGION_LEVELS);
export const EntityTypeSchema = z.enum(ENTITY_TYPES);
export const RelationTypeSchema = z.enum(RELATION_TYPES);

export type RegionLevel = z.infer<typeof RegionLevelSchema>;
export type EntityType = z.infer<typeof EntityTypeSchema>;
export type RelationType = z.infer<typeof RelationTypeSchema>;

/**
 * Tells whether an entity type is an administrative region.
 * @param type - entity type
 * @example isRegionType('County') // true
 */
export function isRegionType(type: EntityType): type is RegionLevel {
  return (REGION_LEVELS as readonly string[]).includes(type);
}

/** Chinese display names of the entity types, for the CLI and the web view. */
export const ENTITY_TYPE_LABELS_ZH: Record<EntityType, string> = {
  Province: '省级',
  Prefecture: '地级',
  County: '县级',
  Township: '乡镇',
  Village: '村/社区',
  Program: '项目/政策',
  Company: '企业',
  Organization: '机构',
  Industry: '产业',
  Site: '场所/基地',
};

/** Chinese display names of the relation types. */
export const RELATION_TYPE_LABELS_ZH: Record<RelationType, string> = {
  LOCATED_IN: '位于',
  ASSISTS: '帮扶',
  LABOR_COOPERATION: '劳务协作',
  SALES_OUTLET_IN: '设立销售窗口',
  IMPLEMENTS: '实施',
  INVESTS_IN: '投资/引进',
  PARTNERS_WITH: '合作',
  DEVELOPS: '发展产业',
  PART_OF: '属于',
};
