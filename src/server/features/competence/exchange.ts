import { createHash, randomUUID } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { competenceFrameworks, competenceItems, type FrameworkLevel, type Localised } from '../../db/schema/index';
import { invalid, type FieldError } from '../../platform/errors';
import { toCsv } from '../../platform/csv';
import { parseCsv } from '../importer/api';
import { STAFF_LEVELS, STUDENT_LEVELS } from './framework-data';
import type { Competence, Framework, FrameworkKind, Indicator } from './frameworks';

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
  CFAssociations?: (Record<string, unknown> & { identifier: string; associationType: string; originNodeURI: { identifier: string }; destinationNodeURI: { identifier: string }; sequenceNumber?: number | string | null })[];
  CFRubrics?: (Record<string, unknown> & { CFRubricCriteria?: (Record<string, unknown> & { CFRubricCriterionLevels?: (Record<string, unknown> & { score?: number; quality?: string; description?: string; feedback?: string })[] })[] })[];
  CFDefinitions?: Record<string, unknown>;
};

export function toCase(fw: Framework, itemTimes: Map<string, string>): CasePackage {
  const doc = fw.caseIdentifier;
  const items: { item: Competence; type: string; parent: Competence | null }[] = [];
  const below = (item: Competence, type: string, parent: Competence, children: Indicator[]) => {
    items.push({ item, type, parent });
    for (const c of children) below(c, 'Indikator', item, c.items);
  };
  for (const a of fw.areas) {
    items.push({ item: a, type: 'Område', parent: null });
    for (const c of a.competences) below(c, 'Kompetence', a, c.items);
  }
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

/** competence_items.code is a varchar(40). */
export const CODE_LENGTH = 40;

/** One node of an imported tree; caseIdentifier and lastChangeAt are null when the source has none (Moodle). */
export type ImportedItem = { caseIdentifier: string | null; code: string; title: Localised; description: Localised; lastChangeAt: Date | null };
/** A competence or an indicator below it, with the levels below it. */
export type ImportedIndicator = ImportedItem & { items: ImportedIndicator[] };
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
  areas: (ImportedItem & { competences: ImportedIndicator[] })[];
};

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
    areas: areaRows.map((a) => ({ ...node(a.cells), competences: rows.filter((r) => get(r.cells, 'Parent id number') === get(a.cells, 'Id number')).map((r) => ({ ...node(r.cells), items: [] })) })),
  };
}

const INSERT_BATCH = 500;

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
  // every level in pre-order (position), each row under its parent; ids made here so children can name them
  const rows: (typeof competenceItems.$inferInsert)[] = [];
  const add = (node: ImportedItem, parentId: string | null, fallbackCode: string, children: ImportedIndicator[]) => {
    const id = randomUUID();
    const code = (node.code || fallbackCode).slice(0, CODE_LENGTH);
    rows.push({ schoolId, frameworkId: fw.id, id, parentId, code, title: node.title, description: node.description, position: rows.length, ...(node.caseIdentifier ? { caseIdentifier: node.caseIdentifier } : {}), ...(node.lastChangeAt ? { lastChangeAt: node.lastChangeAt } : {}) });
    children.forEach((c, i) => add(c, id, `${code}.${i + 1}`, c.items));
  };
  tree.areas.forEach((a, i) => add(a, null, String(i + 1), a.competences));
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await tx.insert(competenceItems).values(rows.slice(i, i + INSERT_BATCH));
  return fw.id;
}
