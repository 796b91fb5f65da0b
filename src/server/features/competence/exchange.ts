import { createHash } from 'node:crypto';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { and, eq, max } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { competenceFrameworks, competenceItems, type FrameworkLevel, type Localised } from '../../db/schema/index';
import { AppError, invalid, type FieldError } from '../../platform/errors';
import { toCsv } from '../../platform/csv';
import { parseCsv } from '../importer/api';
import { CASE_PACKAGE_SCHEMA } from './case-schema';
import { STAFF_LEVELS, STUDENT_LEVELS } from './framework-data';
import type { Framework, FrameworkKind } from './frameworks';

/* ----------------------------------------------------------------------------------------------
 * CASE 1.0. Mapping (documented in docs/competence.md): CFDocument.title/description = Danish,
 * CFDocument.notes = JSON {titleEn, descriptionEn, citation}; CFItem.abbreviatedStatement = Danish
 * title, fullStatement = Danish description, alternativeLabel = English title, notes = English
 * description, humanCodingScheme = code, CFItemType = "Område"/"Kompetence"; the tree is isChildOf
 * only; levels 0–6 are one CFRubric with one criterion whose levels carry score = level,
 * quality/description = Danish, feedback = English title + "\n" + description.
 * -------------------------------------------------------------------------------------------- */

/** A name-based UUID (version 5) so that derived identifiers are stable across exports. */
export function uuidV5(name: string, namespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
const urn = (id: string) => `urn:uuid:${id}`;
const link = (title: string, identifier: string) => ({ title, identifier, uri: urn(identifier) });

export type CasePackage = {
  CFDocument: Record<string, unknown> & { identifier: string; uri: string; creator: string; title: string; lastChangeDateTime: string };
  CFItems?: (Record<string, unknown> & { identifier: string; fullStatement: string })[];
  CFAssociations?: (Record<string, unknown> & { identifier: string; associationType: string; originNodeURI: { identifier: string }; destinationNodeURI: { identifier: string }; sequenceNumber?: number })[];
  CFRubrics?: (Record<string, unknown> & { CFRubricCriteria?: (Record<string, unknown> & { CFRubricCriterionLevels?: (Record<string, unknown> & { score?: number; quality?: string; description?: string; feedback?: string })[] })[] })[];
  CFDefinitions?: Record<string, unknown>;
};

export function toCase(fw: Framework, itemTimes: Map<string, string>): CasePackage {
  const doc = fw.caseIdentifier;
  const items = fw.areas.flatMap((a) => [{ item: a, type: 'Område', parent: null as null | typeof a }, ...a.competences.map((c) => ({ item: c, type: 'Kompetence', parent: a }))]);
  const rubric = uuidV5(`${doc}/rubric`);
  const criterion = uuidV5(`${doc}/criterion`);
  const changed = fw.lastChangeAt.toISOString();
  return {
    CFDocument: {
      identifier: doc,
      uri: urn(doc),
      creator: fw.creator,
      title: fw.title.da,
      lastChangeDateTime: changed,
      language: fw.language,
      version: String(fw.version),
      description: fw.description.da,
      notes: JSON.stringify({ titleEn: fw.title.en, descriptionEn: fw.description.en, citation: fw.citation, kind: fw.kind }),
      adoptionStatus: 'Adopted',
    },
    CFItems: items.map(({ item, type }) => ({
      identifier: item.caseIdentifier,
      uri: urn(item.caseIdentifier),
      fullStatement: item.description.da,
      abbreviatedStatement: item.title.da,
      alternativeLabel: item.title.en,
      notes: item.description.en,
      humanCodingScheme: item.code,
      CFItemType: type,
      language: fw.language,
      lastChangeDateTime: itemTimes.get(item.id) ?? changed,
    })),
    CFAssociations: items.map(({ item, parent }, i) => {
      const dest = parent ? parent.caseIdentifier : doc;
      const id = uuidV5(`${item.caseIdentifier}/isChildOf/${dest}`);
      return {
        identifier: id,
        uri: urn(id),
        associationType: 'isChildOf',
        originNodeURI: link(item.title.da, item.caseIdentifier),
        destinationNodeURI: link(parent ? parent.title.da : fw.title.da, dest),
        sequenceNumber: i + 1,
        lastChangeDateTime: changed,
      };
    }),
    CFRubrics: [
      {
        identifier: rubric,
        uri: urn(rubric),
        title: `${fw.title.da}: niveauer`,
        description: 'Niveau 0–6',
        lastChangeDateTime: changed,
        CFRubricCriteria: [
          {
            identifier: criterion,
            uri: urn(criterion),
            lastChangeDateTime: changed,
            position: 1,
            CFRubricCriterionLevels: fw.levels.map((l) => {
              const id = uuidV5(`${doc}/level/${l.level}`);
              return { identifier: id, uri: urn(id), lastChangeDateTime: changed, score: l.level, position: l.level, quality: l.title.da, description: l.description.da, feedback: `${l.title.en}\n${l.description.en}` };
            }),
          },
        ],
      },
    ],
  };
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validatePackage = ajv.compile(CASE_PACKAGE_SCHEMA);

/** "$.CFItems[3].identifier" from ajv's instancePath and the missing property. */
export function jsonPath(e: ErrorObject): string {
  const parts = e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`));
  const extra = e.keyword === 'required' ? `.${String((e.params as { missingProperty: string }).missingProperty)}` : e.keyword === 'additionalProperties' ? `.${String((e.params as { additionalProperty: string }).additionalProperty)}` : '';
  return `$${parts.join('')}${extra}`;
}

const caseKey = (e: ErrorObject) =>
  e.keyword === 'required' ? 'competence.validation.case_required' : e.keyword === 'additionalProperties' ? 'competence.validation.case_unknown_key' : e.keyword === 'format' || e.keyword === 'pattern' ? 'competence.validation.case_format' : 'competence.validation.case_invalid';

export type ImportedTree = {
  caseIdentifier: string | null;
  title: Localised;
  description: Localised;
  creator: string;
  citation: string | null;
  language: string;
  lastChangeAt: Date;
  kind: FrameworkKind | null;
  levels: FrameworkLevel[] | null;
  areas: { caseIdentifier: string | null; code: string; title: Localised; description: Localised; lastChangeAt: Date | null; competences: { caseIdentifier: string | null; code: string; title: Localised; description: Localised; lastChangeAt: Date | null }[] }[];
};

/** Checks a CASE package against the schema and the tree rules; every fault names its JSON path. */
export function fromCase(input: unknown): ImportedTree {
  if (!validatePackage(input)) {
    throw new AppError(422, 'case_invalid', { fields: (validatePackage.errors ?? []).slice(0, 50).map((e) => ({ field: jsonPath(e), key: caseKey(e) })) });
  }
  const pkg = input as CasePackage;
  const doc = pkg.CFDocument;
  const items = pkg.CFItems ?? [];
  const errs: FieldError[] = [];
  const ids = new Map<string, number>();
  items.forEach((it, i) => {
    if (ids.has(it.identifier) || it.identifier === doc.identifier) errs.push({ field: `$.CFItems[${i}].identifier`, key: 'competence.validation.case_duplicate' });
    ids.set(it.identifier, i);
  });
  const parentOf = new Map<string, { parent: string; seq: number }>();
  (pkg.CFAssociations ?? []).forEach((a, i) => {
    if (a.associationType !== 'isChildOf') return;
    const o = a.originNodeURI.identifier;
    const d = a.destinationNodeURI.identifier;
    if (!ids.has(o)) errs.push({ field: `$.CFAssociations[${i}].originNodeURI.identifier`, key: 'competence.validation.case_unknown_node' });
    else if (d !== doc.identifier && !ids.has(d)) errs.push({ field: `$.CFAssociations[${i}].destinationNodeURI.identifier`, key: 'competence.validation.case_unknown_node' });
    else if (parentOf.has(o)) errs.push({ field: `$.CFAssociations[${i}].originNodeURI.identifier`, key: 'competence.validation.case_two_parents' });
    else parentOf.set(o, { parent: d, seq: a.sequenceNumber ?? i });
  });
  items.forEach((it, i) => {
    const p = parentOf.get(it.identifier);
    if (!p) errs.push({ field: `$.CFItems[${i}]`, key: 'competence.validation.case_no_parent' });
    else if (p.parent !== doc.identifier && parentOf.get(p.parent)?.parent !== doc.identifier) errs.push({ field: `$.CFItems[${i}]`, key: 'competence.validation.case_too_deep' });
  });
  let levels: FrameworkLevel[] | null = null;
  const rubricLevels = pkg.CFRubrics?.[0]?.CFRubricCriteria?.[0]?.CFRubricCriterionLevels;
  if (rubricLevels) {
    levels = rubricLevels.map((l) => {
      const [titleEn, ...rest] = (l.feedback ?? '').split('\n');
      const da = { title: l.quality ?? String(l.score), description: l.description ?? '' };
      return { level: l.score ?? -1, title: { da: da.title, en: titleEn || da.title }, description: { da: da.description, en: rest.join('\n') || da.description } };
    });
    const scores = levels.map((l) => l.level).sort((a, b) => a - b);
    if (scores.join() !== '0,1,2,3,4,5,6') errs.push({ field: '$.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels', key: 'competence.validation.case_levels' });
  }
  if (errs.length) throw new AppError(422, 'case_invalid', { fields: errs.slice(0, 50) });
  let meta: { titleEn?: string; descriptionEn?: string; citation?: string | null; kind?: FrameworkKind } = {};
  try {
    const parsed: unknown = JSON.parse(String(doc.notes ?? ''));
    if (parsed && typeof parsed === 'object') meta = parsed as typeof meta;
  } catch {
    meta = { citation: typeof doc.notes === 'string' ? doc.notes : null };
  }
  const text = (it: CasePackage['CFItems'] extends (infer T)[] | undefined ? T : never) => {
    const titleDa = String(it.abbreviatedStatement ?? it.fullStatement);
    return {
      caseIdentifier: it.identifier,
      code: String(it.humanCodingScheme ?? ''),
      title: { da: titleDa, en: String(it.alternativeLabel ?? titleDa) },
      description: { da: it.fullStatement, en: String(it.notes ?? it.fullStatement) },
      lastChangeAt: typeof it.lastChangeDateTime === 'string' ? new Date(it.lastChangeDateTime) : null,
    };
  };
  const children = (parent: string) =>
    items
      .filter((it) => parentOf.get(it.identifier)?.parent === parent)
      .sort((a, b) => (parentOf.get(a.identifier)?.seq ?? 0) - (parentOf.get(b.identifier)?.seq ?? 0));
  const descriptionDa = String(doc.description ?? '');
  return {
    caseIdentifier: doc.identifier,
    title: { da: doc.title, en: meta.titleEn ?? doc.title },
    description: { da: descriptionDa, en: meta.descriptionEn ?? descriptionDa },
    creator: doc.creator,
    citation: meta.citation ?? null,
    language: String(doc.language ?? 'da'),
    lastChangeAt: new Date(doc.lastChangeDateTime),
    kind: meta.kind === 'student' || meta.kind === 'staff' ? meta.kind : null,
    levels,
    areas: children(doc.identifier).map((a) => ({ ...text(a), competences: children(a.identifier).map(text) })),
  };
}

/* ---------------------------------------------------------------------------------------------
 * Moodle competency framework CSV (tool_lpimportcsv): 14 columns, one framework row.
 * ------------------------------------------------------------------------------------------- */
export const MOODLE_COLUMNS = [
  'Parent id number',
  'Id number',
  'Shortname',
  'Description',
  'Description format',
  'Scale values',
  'Scale configuration',
  'Rule type (optional)',
  'Rule outcome (optional)',
  'Rule config (optional)',
  'Cross referenced competency id numbers',
  'Exported id (optional)',
  'Is framework',
  'Taxonomy',
] as const;

const html = (s: string) => `<p>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;

export function toMoodleCsv(fw: Framework): string {
  const fwId = `retning-${fw.caseIdentifier.slice(0, 8)}`;
  const proficient = fw.kind === 'staff' ? 3 : 3;
  const scaleValues = fw.levels.map((l) => `${l.level} ${l.title.da}`.replace(/,/g, ' ')).join(',');
  const scaleConfig = JSON.stringify([{ scaleid: '0' }, ...fw.levels.map((l, i) => ({ id: i + 1, scaledefault: i === 0 ? 1 : 0, proficient: l.level >= proficient ? 1 : 0 }))]);
  const rows: string[][] = [[...MOODLE_COLUMNS], ['', fwId, fw.title.da, html(fw.description.da), '1', scaleValues, scaleConfig, '', '', '', '', '', '1', 'domain,competency']];
  for (const a of fw.areas) {
    rows.push([fwId, a.code, a.title.da, html(a.description.da), '1', '', '', '', '', '', '', '', '0', '']);
    for (const c of a.competences) rows.push([a.code, c.code, c.title.da, html(c.description.da), '1', '', '', '', '', '', '', '', '0', '']);
  }
  return toCsv(rows, { separator: ',' });
}

const stripHtml = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();

/** Reads a Moodle framework CSV: exactly one framework row, every other row's parent must exist, at most two levels below it. */
export function fromMoodleCsv(bytes: Uint8Array): ImportedTree {
  const parsed = parseCsv(bytes);
  const col = (name: string) => parsed.header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const idx = MOODLE_COLUMNS.map(col);
  const missing = MOODLE_COLUMNS.filter((_, i) => (idx[i] ?? -1) < 0);
  if (missing.length) throw invalid(missing.map((m) => ({ field: m, key: 'validation.missing_column', vars: { column: m } })));
  const get = (cells: string[], c: (typeof MOODLE_COLUMNS)[number]) => (cells[idx[MOODLE_COLUMNS.indexOf(c)] ?? -1] ?? '').trim();
  const frameworks = parsed.records.filter((r) => get(r.cells, 'Is framework') === '1');
  if (frameworks.length !== 1) throw invalid([{ field: 'Is framework', key: 'competence.validation.moodle_one_framework' }]);
  const fwRow = frameworks[0]?.cells ?? [];
  const fwId = get(fwRow, 'Id number');
  const rows = parsed.records.filter((r) => get(r.cells, 'Is framework') !== '1');
  const known = new Set([fwId, ...rows.map((r) => get(r.cells, 'Id number'))]);
  const errs: FieldError[] = [];
  for (const r of rows) {
    const parent = get(r.cells, 'Parent id number');
    if (!parent || !known.has(parent)) errs.push({ field: `line ${r.line}: Parent id number`, key: 'competence.validation.moodle_missing_parent', vars: { parent } });
    if (!get(r.cells, 'Shortname')) errs.push({ field: `line ${r.line}: Shortname`, key: 'validation.required' });
  }
  const areaRows = rows.filter((r) => get(r.cells, 'Parent id number') === fwId);
  const areaIds = new Set(areaRows.map((r) => get(r.cells, 'Id number')));
  for (const r of rows) {
    const p = get(r.cells, 'Parent id number');
    if (p !== fwId && known.has(p) && !areaIds.has(p)) errs.push({ field: `line ${r.line}: Parent id number`, key: 'competence.validation.case_too_deep' });
  }
  if (errs.length) throw invalid(errs.slice(0, 50));
  const scale = get(fwRow, 'Scale values').split(',').map((s) => s.trim()).filter(Boolean);
  const node = (cells: string[]) => {
    const title = get(cells, 'Shortname');
    const description = stripHtml(get(cells, 'Description')) || title;
    return { caseIdentifier: null, code: get(cells, 'Id number'), title: { da: title, en: title }, description: { da: description, en: description }, lastChangeAt: null };
  };
  const levels =
    scale.length === 7
      ? scale.map((s, i) => ({ level: i, title: { da: s.replace(/^\d+\s+/, ''), en: s.replace(/^\d+\s+/, '') }, description: { da: STAFF_LEVELS[i]?.description.da ?? '', en: STAFF_LEVELS[i]?.description.en ?? '' } }))
      : null;
  const fwTitle = get(fwRow, 'Shortname') || fwId;
  const fwDescription = stripHtml(get(fwRow, 'Description'));
  return {
    caseIdentifier: null,
    title: { da: fwTitle, en: fwTitle },
    description: { da: fwDescription, en: fwDescription },
    creator: 'Moodle',
    citation: null,
    language: 'da',
    lastChangeAt: new Date(),
    kind: null,
    levels,
    areas: areaRows.map((a) => ({ ...node(a.cells), competences: rows.filter((r) => get(r.cells, 'Parent id number') === get(a.cells, 'Id number')).map((r) => node(r.cells)) })),
  };
}

/** Stores an imported tree as a new framework (a new version when the CASE document is already known); returns its id. */
export async function storeTree(tx: Executor, schoolId: string, tree: ImportedTree, kind: FrameworkKind): Promise<string> {
  const [prev] = tree.caseIdentifier
    ? await tx
        .select({ v: max(competenceFrameworks.version) })
        .from(competenceFrameworks)
        .where(and(eq(competenceFrameworks.schoolId, schoolId), eq(competenceFrameworks.caseIdentifier, tree.caseIdentifier)))
    : [];
  const [fw] = await tx
    .insert(competenceFrameworks)
    .values({
      schoolId,
      kind,
      ...(tree.caseIdentifier ? { caseIdentifier: tree.caseIdentifier } : {}),
      title: tree.title,
      description: tree.description,
      creator: tree.creator,
      citation: tree.citation,
      language: tree.language,
      version: (prev?.v ?? 0) + 1,
      levels: tree.levels ?? (kind === 'student' ? STUDENT_LEVELS : STAFF_LEVELS),
      lastChangeAt: tree.lastChangeAt,
    })
    .returning({ id: competenceFrameworks.id });
  if (!fw) throw new Error('framework insert failed');
  let pos = 0;
  for (const a of tree.areas) {
    const [area] = await tx
      .insert(competenceItems)
      .values({ schoolId, frameworkId: fw.id, parentId: null, code: a.code || String(pos + 1), title: a.title, description: a.description, position: pos++, ...(a.caseIdentifier ? { caseIdentifier: a.caseIdentifier } : {}), ...(a.lastChangeAt ? { lastChangeAt: a.lastChangeAt } : {}) })
      .returning({ id: competenceItems.id });
    if (!area) throw new Error('item insert failed');
    for (const c of a.competences) {
      await tx
        .insert(competenceItems)
        .values({ schoolId, frameworkId: fw.id, parentId: area.id, code: c.code || `${a.code}.${pos}`, title: c.title, description: c.description, position: pos++, ...(c.caseIdentifier ? { caseIdentifier: c.caseIdentifier } : {}), ...(c.lastChangeAt ? { lastChangeAt: c.lastChangeAt } : {}) });
    }
  }
  return fw.id;
}
