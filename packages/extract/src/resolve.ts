/**
 * Resolver
 *
 * Turns mentions into entities. Within a document: the same division code is one entity; the same
 * canonical name and type is one entity (and joins the coded entity of that name, if there is exactly
 * one); a short form joins an entity only when exactly one entity of that type carries it as an alias.
 * Regions also bring their administrative ancestors as entities (a county named alone still sits in its
 * prefecture and province). Across documents, `mergeBatches` unions by the stable ids of graph-schema,
 * so shards merged in any order give the same graph.
 */
import { entityId, isRegionType, type Entity, type GraphBatch, type Relation } from '@fupin/graph-schema';
import { shortForms } from '@fupin/gazetteer';
import { divisionAncestors, divisionByCode } from './division-memo.js';
import { canonicalDivisionName, LEVEL_DEPTH } from './region-names.js';
import type { EntityMention, EntityRef, GazetteerPort } from './types.js';

/**
 * The entities of one document and the entity each mention names.
 * @example resolveMentions(mentions).idOf({ type: 'County', name: '从江县' }) // 'region:522633000000'
 */
export interface DocumentEntities {
  /** Entities in order of first mention (implied ancestors after the entity that brought them). */
  entities: Entity[];
  /** Entity id of each input mention, index for index. */
  mentionIds: string[];
  /** Ids of entities no mention names (ancestors added from codes). */
  implied: Set<string>;
  /** The entity a reference names (by code, by type and name, or by an unambiguous alias), if any. */
  idOf(ref: EntityRef): string | undefined;
  /** The entity with an id. */
  byId(id: string): Entity | undefined;
  /** The entity a reference names, created (as implied, without mentions) when the document has none. */
  add(ref: EntityRef): Entity;
}

/** A map keyed by entity type and name (or alias). */
class TypeNameMap<V> {
  private readonly byType = new Map<string, Map<string, V>>();

  get(type: string, name: string): V | undefined {
    return this.byType.get(type)?.get(name);
  }

  set(type: string, name: string, value: V): void {
    let names = this.byType.get(type);
    if (!names) this.byType.set(type, (names = new Map()));
    names.set(name, value);
  }
}

/** Pads a division code to 12 digits. */
const code12 = (code: string): string => (code.length >= 12 ? code : code.padEnd(12, '0'));

/**
 * Resolves a document's mentions into entities.
 * @param mentions - entity mentions of one document, any extractor
 * @param gazetteer - when given, coded regions bring their ancestors (county → prefecture → province)
 * @example resolveMentions([从江县@3, 從江@40 (alias), 加榜乡@10]).entities // 从江县 (aliases 從江), 加榜乡, + 黔东南苗族侗族自治州, 贵州省
 */
export function resolveMentions(
  mentions: readonly EntityMention[],
  gazetteer?: GazetteerPort,
  primary?: EntityRef,
): DocumentEntities {
  mentions = withCountyNames(mentions, primary);
  const entities = new Map<string, Entity>();
  // (keyed by type, then name: no `${type}:${name}` string built and hashed per lookup)
  const byCode = new Map<string, Entity>(); // code → the entity of id region:code
  const byKey = new TypeNameMap<string>(); // type, name → id
  const aliasIndex = new TypeNameMap<Set<string>>(); // type, alias → ids
  const implied = new Set<string>();

  const addAlias = (e: Entity, alias: string): void => {
    if (alias && alias !== e.name && !e.aliases.includes(alias)) e.aliases.push(alias);
    let ids = aliasIndex.get(e.type, alias);
    if (!ids) aliasIndex.set(e.type, alias, (ids = new Set()));
    ids.add(e.id);
  };
  const create = (ref: EntityRef & { parent?: string; parentCode?: string }): Entity => {
    const code = ref.code ? code12(ref.code) : undefined;
    // A place the code list lacks is told from its namesakes elsewhere by its parent (新民村 of one
    // township is not 新民村 of another), so documents about different counties do not merge them.
    const within = ref.parentCode ? code12(ref.parentCode) : ref.parent;
    const id =
      !code && isRegionType(ref.type) && within
        ? `${entityId(ref.type, ref.name)}@${within}`
        : entityId(ref.type, ref.name, code);
    const e: Entity = { id, type: ref.type, name: ref.name, aliases: [] };
    if (code) e.code = code;
    if (ref.parentCode) e.parentCode = code12(ref.parentCode);
    if (ref.parent) e.parent = ref.parent;
    entities.set(e.id, e);
    if (code) byCode.set(code, e);
    if (byKey.get(e.type, e.name) === undefined) byKey.set(e.type, e.name, e.id);
    addAlias(e, e.name);
    return e;
  };

  // Coded mentions first, so uncoded names can join them.
  const mentionIds: string[] = new Array<string>(mentions.length);
  const order: number[] = [];
  for (let i = 0; i < mentions.length; i++) if (mentions[i]!.code) order.push(i);
  for (let i = 0; i < mentions.length; i++) if (!mentions[i]!.code) order.push(i);
  for (const i of order) {
    const m = mentions[i]!;
    let e: Entity | undefined;
    if (m.code) e = byCode.get(code12(m.code));
    else {
      const id = byKey.get(m.type, m.name);
      if (id) e = entities.get(id);
      else {
        const ids = aliasIndex.get(m.type, m.name);
        if (ids && ids.size === 1) e = entities.get([...ids][0]!);
      }
    }
    e ??= create(m);
    if (!e.parent && m.parent) e.parent = m.parent;
    if (!e.parentCode && m.parentCode) e.parentCode = code12(m.parentCode);
    addAlias(e, m.surface);
    for (const a of m.aliases ?? []) addAlias(e, a);
    mentionIds[i] = e.id;
  }

  // A company's short name (某地公司, 某某集团) joins the one longer company of the document it abbreviates.
  for (const e of [...entities.values()]) {
    const short = e.type === 'Company' && !e.code ? /^(.{2,6}?)(公司|集团)$/.exec(e.name) : null;
    if (!short || /有限|股份/.test(e.name)) continue;
    const [, head, suffix] = short;
    const longer = [...entities.values()].filter(
      (x) =>
        x !== e &&
        x.type === 'Company' &&
        x.name.length > e.name.length &&
        x.name.startsWith(head!) &&
        x.name.includes(suffix!),
    );
    if (longer.length !== 1) continue;
    const target = longer[0]!;
    for (const a of [e.name, ...e.aliases]) addAlias(target, a);
    if (!target.parent && e.parent) target.parent = e.parent;
    entities.delete(e.id);
    byKey.set(e.type, e.name, target.id);
    for (let i = 0; i < mentionIds.length; i++) if (mentionIds[i] === e.id) mentionIds[i] = target.id;
  }

  // Entities in text order of first mention, each followed by the ancestors it brings.
  const firstAt = new Map<string, number>();
  mentions.forEach((m, i) => {
    const id = mentionIds[i]!;
    if (!firstAt.has(id) || m.start < firstAt.get(id)!) firstAt.set(id, m.start);
  });
  const ordered = [...entities.values()].sort((a, b) => (firstAt.get(a.id) ?? 0) - (firstAt.get(b.id) ?? 0));
  const out: Entity[] = [];
  for (const e of ordered) {
    out.push(e);
    if (!gazetteer || !e.code || !isRegionType(e.type) || LEVEL_DEPTH[e.type] > LEVEL_DEPTH.Township) continue;
    const self = divisionByCode(gazetteer, e.code) ?? divisionByCode(gazetteer, e.code.replace(/0+$/, ''));
    if (!self) continue;
    for (const a of divisionAncestors(gazetteer, self)) {
      const code = code12(a.code);
      if (byCode.has(code)) continue;
      const parent = divisionAncestors(gazetteer, a)[0];
      const anc = create({
        type: a.level,
        name: canonicalDivisionName(a.name),
        code,
        ...(parent ? { parent: canonicalDivisionName(parent.name), parentCode: parent.code } : {}),
      });
      implied.add(anc.id);
      out.push(anc);
    }
  }

  return {
    entities: out,
    mentionIds,
    implied,
    byId: (id) => entities.get(id),
    add(ref: EntityRef): Entity {
      const known = this.idOf(ref);
      if (known) return entities.get(known)!;
      const e = create(ref);
      implied.add(e.id);
      out.push(e);
      return e;
    },
    idOf(ref: EntityRef): string | undefined {
      if (ref.code) {
        const coded = byCode.get(code12(ref.code));
        if (coded) return coded.id;
      }
      const id = byKey.get(ref.type, ref.name);
      if (id) return id;
      const ids = aliasIndex.get(ref.type, ref.name);
      return ids && ids.size === 1 ? [...ids][0] : undefined;
    },
  };
}

/**
 * Names a body or site by its county where the report calls it by the level alone (县人民医院 in a
 * report about 从江县 is 从江县人民医院), keeping the relative name as an alias; a county's own short
 * form is used when it has one ending in 县 (威宁县人民医院, not the full autonomous-county name).
 */
function withCountyNames(mentions: readonly EntityMention[], primary: EntityRef | undefined): readonly EntityMention[] {
  if (primary?.type !== 'County' || !primary.name.endsWith('县')) return mentions;
  const short = /自治县$/.test(primary.name) ? shortCountyName(primary.name) : primary.name;
  if (!short) return mentions;
  return mentions.map((m) => {
    if ((m.type !== 'Organization' && m.type !== 'Site') || !/^县[^委政区城域内级]/.test(m.name)) return m;
    return { ...m, name: short + m.name.slice(1), aliases: [...(m.aliases ?? []), m.name] };
  });
}

/** 威宁彝族回族苗族自治县 → 威宁县 (ethnic qualifiers and 自治 dropped), by the gazetteer's rules. */
function shortCountyName(name: string): string | undefined {
  return shortForms(name, 'County').find((f) => f.kind === 'short' && f.alias.endsWith('县'))?.alias;
}

/**
 * Merges graph batches (documents, entities, relations, mentions) by their stable ids: aliases and
 * evidence are unioned without duplicates, the first non-empty parent wins, numbers already present stay.
 * @param batches - batches from any number of documents, in any order
 * @example mergeBatches([batchOf('从江.txt'), batchOf('台江.txt')]).entities // one 贵州省 entity for both
 */
export function mergeBatches(batches: readonly GraphBatch[]): GraphBatch {
  const documents = new Map<string, GraphBatch['documents'][number]>();
  const entities = new Map<string, Entity>();
  const relations = new Map<string, Relation>();
  const mentions = new Map<string, GraphBatch['mentions'][number]>();
  for (const b of batches) {
    for (const d of b.documents) if (!documents.has(d.id)) documents.set(d.id, d);
    for (const e of b.entities) {
      const have = entities.get(e.id);
      if (!have) {
        entities.set(e.id, { ...e, aliases: [...e.aliases] });
        continue;
      }
      for (const a of e.aliases) if (a !== have.name && !have.aliases.includes(a)) have.aliases.push(a);
      if (!have.parent && e.parent) have.parent = e.parent;
      if (!have.parentCode && e.parentCode) have.parentCode = e.parentCode;
    }
    for (const r of b.relations) {
      const have = relations.get(r.id);
      if (!have) {
        relations.set(r.id, { ...r, evidence: [...r.evidence], properties: { ...r.properties } });
        continue;
      }
      const seen = new Set(have.evidence.map((ev) => `${ev.documentId}|${ev.start}|${ev.end}`));
      for (const ev of r.evidence) {
        const k = `${ev.documentId}|${ev.start}|${ev.end}`;
        if (!seen.has(k)) {
          seen.add(k);
          have.evidence.push(ev);
        }
      }
      for (const [k, v] of Object.entries(r.properties)) if (!(k in have.properties)) have.properties[k] = v;
    }
    for (const m of b.mentions) mentions.set(`${m.entityId}|${m.documentId}|${m.start}|${m.end}`, m);
  }
  return {
    documents: [...documents.values()],
    entities: [...entities.values()],
    relations: [...relations.values()],
    mentions: [...mentions.values()],
  };
}
