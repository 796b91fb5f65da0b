import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FrameworkLevel } from '../../db/schema/index';
import { AppError, type FieldError } from '../../platform/errors';
import type { TImportNote, TImportNoteCode } from '../../../shared/api/competence';
import { CASE_PACKAGE_SCHEMA, caseDateTimeFormat, parseCaseDateTime } from './case-schema';
import { CODE_LENGTH, uuidV5, type CasePackage, type ImportedIndicator, type ImportedItem, type ImportedTree } from './exchange';
import type { FrameworkKind } from './frameworks';

/*
 * Reading a CASE 1.0 package (docs/competence.md, "CASE import"). The schema check accepts what the
 * CASE schema accepts and the deviations real files commonly have; what had to be assumed to read
 * such a file is returned as notes the import summary shows. The tree must map onto Retning's:
 * items under the document are areas, their children competences, and every level below a
 * competence is kept as its indicators, down to CASE_MAX_LEVELS levels. A framework of one level
 * becomes the competences of one area named after the document.
 */

/** How many levels below the document a framework may have (area, competence and indicators). */
export const CASE_MAX_LEVELS = 10;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const LANGUAGE_LENGTH = 10;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addFormat('case-date-time', caseDateTimeFormat);
const validatePackage = ajv.compile(CASE_PACKAGE_SCHEMA);

/** "$.CFItems[3].identifier" from ajv's instancePath and the missing property. */
export function jsonPath(e: ErrorObject, root = '$'): string {
  const parts = e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`));
  const extra = e.keyword === 'required' ? `.${String((e.params as { missingProperty: string }).missingProperty)}` : e.keyword === 'additionalProperties' ? `.${String((e.params as { additionalProperty: string }).additionalProperty)}` : '';
  return `${root}${parts.join('')}${extra}`;
}

const caseKey = (e: ErrorObject) =>
  e.keyword === 'required' ? 'competence.validation.case_required' : e.keyword === 'additionalProperties' ? 'competence.validation.case_unknown_key' : e.keyword === 'format' || e.keyword === 'pattern' ? 'competence.validation.case_format' : 'competence.validation.case_invalid';

const refuse = (fields: FieldError[]) => new AppError(422, 'case_invalid', { fields: fields.slice(0, 50) });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields Retning reads or writes again on export; any other field of a foreign package is listed as ignored. */
const DOCUMENT_FIELDS = ['identifier', 'uri', 'creator', 'title', 'lastChangeDateTime', 'language', 'version', 'description', 'notes', 'adoptionStatus'];
const ITEM_FIELDS = ['identifier', 'uri', 'fullStatement', 'abbreviatedStatement', 'humanCodingScheme', 'CFItemType', 'language', 'lastChangeDateTime'];
/** Retning's own export puts the English texts here; in a foreign package they mean something else. */
const OWN_ITEM_FIELDS = ['alternativeLabel', 'notes'];
const ASSOCIATION_FIELDS = ['identifier', 'uri', 'associationType', 'originNodeURI', 'destinationNodeURI', 'sequenceNumber', 'lastChangeDateTime'];

/** What had to be assumed, each counted, in the order it was met. */
class Notes {
  private readonly found = new Map<TImportNoteCode, { count: number; values: Set<string> }>();
  add(code: TImportNoteCode, count = 1, values: string[] = []) {
    if (count <= 0) return;
    const note = this.found.get(code) ?? { count: 0, values: new Set<string>() };
    note.count += count;
    for (const v of values) note.values.add(v);
    this.found.set(code, note);
  }
  list(): TImportNote[] {
    return [...this.found].map(([code, n]) => ({ code, count: n.count, values: [...n.values].sort() }));
  }
}

type Item = NonNullable<CasePackage['CFItems']>[number];
type DocumentMeta = { titleEn?: string; descriptionEn?: string; citation?: string | null; kind?: FrameworkKind };

/** Retning's own export carries the English texts and the kind as JSON in CFDocument.notes. */
function documentMeta(notes: unknown): { meta: DocumentMeta; own: boolean } {
  if (typeof notes !== 'string') return { meta: {}, own: false };
  try {
    const parsed: unknown = JSON.parse(notes);
    if (isObject(parsed) && ('titleEn' in parsed || 'kind' in parsed)) return { meta: parsed as DocumentMeta, own: true };
  } catch {
    // plain notes: a foreign package's citation or remark
  }
  return { meta: { citation: notes }, own: false };
}

/** Every lastChangeDateTime the schema checked: the document, items, associations and rubrics. */
function dateTimes(pkg: CasePackage): string[] {
  const rubricParts = (pkg.CFRubrics ?? []).flatMap((r) => [r, ...(r.CFRubricCriteria ?? []).flatMap((c) => [c, ...(c.CFRubricCriterionLevels ?? [])])]);
  return [pkg.CFDocument, ...(pkg.CFItems ?? []), ...(pkg.CFAssociations ?? []), ...rubricParts].map((o) => String(o.lastChangeDateTime));
}

/** Lower-cases every identifier the tree uses (PostgreSQL stores UUIDs so); returns how many distinct ones had capitals. */
function lowerCaseIdentifiers(pkg: CasePackage): number {
  const changed = new Set<string>();
  const lower = (id: string) => {
    if (id !== id.toLowerCase()) changed.add(id.toLowerCase());
    return id.toLowerCase();
  };
  pkg.CFDocument.identifier = lower(pkg.CFDocument.identifier);
  for (const it of pkg.CFItems ?? []) it.identifier = lower(it.identifier);
  for (const a of pkg.CFAssociations ?? []) {
    a.originNodeURI.identifier = lower(a.originNodeURI.identifier);
    a.destinationNodeURI.identifier = lower(a.destinationNodeURI.identifier);
  }
  return changed.size;
}

/** The levels 0–6 of the package's first rubric criterion, or null when it has none that are exactly 0–6. */
function rubricLevels(pkg: CasePackage, notes: Notes): FrameworkLevel[] | null {
  const levels = pkg.CFRubrics?.[0]?.CFRubricCriteria?.[0]?.CFRubricCriterionLevels;
  if (!levels) {
    notes.add('default_levels');
    return null;
  }
  const read = levels.map((l) => {
    const [titleEn, ...rest] = (l.feedback ?? '').split('\n');
    const da = { title: l.quality ?? String(l.score), description: l.description ?? '' };
    return { level: l.score ?? -1, title: { da: da.title, en: titleEn || da.title }, description: { da: da.description, en: rest.join('\n') || da.description } };
  });
  if (
    read
      .map((l) => l.level)
      .sort((a, b) => a - b)
      .join() !== '0,1,2,3,4,5,6'
  ) {
    notes.add('rubric_ignored');
    return null;
  }
  return read;
}

/** The one area of a one-level framework: the document's title and text, an identifier derived from the document's. */
function documentArea(doc: CasePackage['CFDocument']): ImportedItem {
  const title = doc.title.trim() || doc.identifier;
  const description = typeof doc.description === 'string' && doc.description.trim() ? doc.description.trim() : title;
  return { caseIdentifier: uuidV5(`${doc.identifier}/area`), code: '1', title: { da: title, en: title }, description: { da: description, en: description }, lastChangeAt: parseCaseDateTime(doc.lastChangeDateTime)?.at ?? null };
}

/**
 * Checks a CASE package against the schema and the tree rules, every fault naming its JSON path,
 * and reads it as a tree of areas, competences and indicators with the notes on what was assumed.
 */
export function fromCase(input: unknown): { tree: ImportedTree; notes: TImportNote[] } {
  const notes = new Notes();
  // some tools hand out the package wrapped as the CASE API answers it
  const wrapped = isObject(input) && Object.keys(input).length === 1 && isObject(input.CFPackage);
  const root = wrapped ? '$.CFPackage' : '$';
  const body = wrapped ? input.CFPackage : input;
  if (wrapped) notes.add('package_unwrapped');
  if (!validatePackage(body)) throw refuse((validatePackage.errors ?? []).map((e) => ({ field: jsonPath(e, root), key: caseKey(e) })));
  const pkg = structuredClone(body) as CasePackage;
  const doc = pkg.CFDocument;
  const items = pkg.CFItems ?? [];
  const path = (i: number) => `${root}.CFItems[${i}]`;
  notes.add('dates_without_offset', dateTimes(pkg).filter((d) => parseCaseDateTime(d)?.offset === false).length);
  notes.add('identifiers_lower_cased', lowerCaseIdentifiers(pkg));
  const { meta, own } = documentMeta(doc.notes);

  const errs: FieldError[] = [];
  const index = new Map<string, number>();
  items.forEach((it, i) => {
    if (index.has(it.identifier) || it.identifier === doc.identifier) errs.push({ field: `${path(i)}.identifier`, key: 'competence.validation.case_duplicate' });
    else index.set(it.identifier, i);
  });
  if (!items.length) throw refuse([{ field: `${root}.CFItems`, key: 'competence.validation.case_no_items' }]);

  const parentOf = new Map<string, { parent: string; seq: number; at: number }>();
  const ignoredTypes: string[] = [];
  let repeated = 0;
  let textNumbers = 0;
  (pkg.CFAssociations ?? []).forEach((a, i) => {
    if (a.associationType !== 'isChildOf') {
      ignoredTypes.push(a.associationType);
      return;
    }
    const o = a.originNodeURI.identifier;
    const d = a.destinationNodeURI.identifier;
    const at = `${root}.CFAssociations[${i}]`;
    const known = parentOf.get(o);
    if (!index.has(o)) errs.push({ field: `${at}.originNodeURI.identifier`, key: 'competence.validation.case_unknown_node' });
    else if (d !== doc.identifier && !index.has(d)) errs.push({ field: `${at}.destinationNodeURI.identifier`, key: 'competence.validation.case_unknown_node' });
    else if (known?.parent === d) repeated++;
    else if (known) errs.push({ field: `${at}.originNodeURI.identifier`, key: 'competence.validation.case_two_parents' });
    else parentOf.set(o, { parent: d, seq: a.sequenceNumber === undefined || a.sequenceNumber === null ? Number.MAX_SAFE_INTEGER : Number(a.sequenceNumber), at: i });
    if (typeof a.sequenceNumber === 'string') textNumbers++;
  });
  notes.add('sequence_numbers_as_text', textNumbers);
  notes.add('associations_ignored', ignoredTypes.length, ignoredTypes);
  notes.add('duplicate_associations', repeated);

  // depth below the document: 1 = area, 2 = competence, 3 and more = indicators
  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    const chain: string[] = [];
    const seen = new Set<string>();
    let at = id;
    while (at !== doc.identifier && !depth.has(at)) {
      const next = parentOf.get(at)?.parent;
      if (next === undefined || seen.has(at)) return -1;
      chain.push(at);
      seen.add(at);
      at = next;
    }
    const base = at === doc.identifier ? 0 : (depth.get(at) ?? -1);
    chain.reverse().forEach((c, k) => depth.set(c, base + k + 1));
    return depth.get(id) ?? base;
  };
  items.forEach((it, i) => {
    const d = parentOf.has(it.identifier) ? depthOf(it.identifier) : null;
    if (d === null) errs.push({ field: path(i), key: 'competence.validation.case_no_parent' });
    else if (d < 0) errs.push({ field: path(i), key: 'competence.validation.case_loop' });
    else if (d > CASE_MAX_LEVELS) errs.push({ field: path(i), key: 'competence.validation.case_deeper_than', vars: { max: CASE_MAX_LEVELS } });
  });
  if (errs.length) throw refuse(errs);

  const children = new Map<string, Item[]>();
  for (const it of items) {
    const parent = parentOf.get(it.identifier)?.parent ?? '';
    const siblings = children.get(parent);
    if (siblings) siblings.push(it);
    else children.set(parent, [it]);
  }
  const order = (a: Item, b: Item) => {
    const [x, y] = [parentOf.get(a.identifier), parentOf.get(b.identifier)];
    return (x?.seq ?? 0) - (y?.seq ?? 0) || (x?.at ?? 0) - (y?.at ?? 0);
  };
  const under = (id: string) => [...(children.get(id) ?? [])].sort(order);
  const top = under(doc.identifier);
  // one level only: the items are the competences of one area, the document itself
  const flat = !top.some((a) => under(a.identifier).length);
  if (flat) notes.add('one_level', top.length);
  const empty = flat ? [] : top.filter((a) => !under(a.identifier).length);
  if (empty.length) throw refuse(empty.map((a) => ({ field: path(index.get(a.identifier) ?? 0), key: 'competence.validation.case_area_empty' })));

  // without the document's language, the items' one language (if they agree) is the framework's
  const itemLanguages = [...new Set(items.map((it) => it.language).filter((l): l is string => typeof l === 'string' && l !== ''))];
  const fromItems = typeof doc.language !== 'string' && itemLanguages.length === 1 ? itemLanguages[0] : undefined;
  let language = typeof doc.language === 'string' ? doc.language : (fromItems ?? 'da');
  if (fromItems) notes.add('language_from_items', 1, [fromItems]);
  else if (typeof doc.language !== 'string') notes.add('language_missing');
  if (!LANGUAGE_TAG.test(language) || language.length > LANGUAGE_LENGTH) {
    notes.add('language_unusable', 1, [language]);
    language = 'da';
  }
  if (!own) notes.add('texts_one_language', 1, [language]);
  const ignored = new Set<string>();
  const unknown = (prefix: string, o: Record<string, unknown>, known: string[]) => Object.keys(o).forEach((k) => known.includes(k) || ignored.add(`${prefix}.${k}`));
  unknown('CFDocument', doc, DOCUMENT_FIELDS);
  for (const it of items) unknown('CFItems', it, own ? [...ITEM_FIELDS, ...OWN_ITEM_FIELDS] : ITEM_FIELDS);
  for (const a of pkg.CFAssociations ?? []) unknown('CFAssociations', a, ASSOCIATION_FIELDS);
  if (pkg.CFDefinitions) ignored.add('CFDefinitions');

  const node = (it: Item, fallbackCode: string): ImportedItem => {
    let code = String(it.humanCodingScheme ?? '').trim();
    if (!code) {
      notes.add('codes_generated');
      code = fallbackCode;
    } else if (code.length > CODE_LENGTH) {
      notes.add('codes_shortened');
      code = code.slice(0, CODE_LENGTH);
    }
    const abbreviated = typeof it.abbreviatedStatement === 'string' ? it.abbreviatedStatement.trim() : '';
    const full = it.fullStatement.trim();
    if (!abbreviated && !full) notes.add('statements_missing');
    const titleDa = abbreviated || full || code;
    const descriptionDa = full || titleDa;
    const english = (v: unknown, fallback: string) => (own && typeof v === 'string' && v ? v : fallback);
    return {
      caseIdentifier: it.identifier,
      code,
      title: { da: titleDa, en: english(it.alternativeLabel, titleDa) },
      description: { da: descriptionDa, en: english(it.notes, descriptionDa) },
      lastChangeAt: parseCaseDateTime(String(it.lastChangeDateTime))?.at ?? null,
    };
  };
  const indicator = (it: Item, code: string): ImportedIndicator => {
    const n = node(it, code);
    return { ...n, items: under(it.identifier).map((c, k) => indicator(c, `${n.code}.${k + 1}`)) };
  };
  const tree = flat
    ? [{ ...documentArea(doc), competences: top.map((c, k) => indicator(c, `1.${k + 1}`)) }]
    : top.map((a, i) => {
        const area = node(a, String(i + 1));
        return { ...area, competences: under(a.identifier).map((c, k) => indicator(c, `${area.code}.${k + 1}`)) };
      });
  if (!own) notes.add('indicators', items.length - (flat ? 0 : tree.length) - tree.reduce((s, a) => s + a.competences.length, 0));
  const levels = rubricLevels(pkg, notes);
  if (pkg.CFRubrics && !levels) ignored.add('CFRubrics');
  notes.add('fields_ignored', ignored.size, [...ignored]);

  const titleDa = doc.title.trim() || doc.identifier;
  if (!doc.title.trim()) notes.add('document_title_missing');
  const descriptionDa = String(doc.description ?? '');
  return {
    tree: {
      caseIdentifier: doc.identifier,
      title: { da: titleDa, en: meta.titleEn ?? titleDa },
      description: { da: descriptionDa, en: meta.descriptionEn ?? descriptionDa },
      creator: doc.creator,
      citation: meta.citation ?? null,
      language,
      lastChangeAt: parseCaseDateTime(doc.lastChangeDateTime)?.at ?? new Date(),
      kind: meta.kind === 'student' || meta.kind === 'staff' ? meta.kind : null,
      levels,
      areas: tree,
    },
    notes: notes.list(),
  };
}
