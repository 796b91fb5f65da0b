/**
 * A JSON Schema (checked with ajv) for 1EdTech CASE 1.0 CFPackage as Retning accepts it. It accepts
 * everything the official CASE 1.0 JSON schema accepts in the fields Retning reads, and more where
 * real files commonly deviate (docs/competence.md, "CASE import"):
 * - identifiers: any hex UUID in either case (the official pattern), no version or variant digit;
 * - LinkGenURI (an association's ends): any identifier string, as the official schema says;
 * - lastChangeDateTime: an RFC 3339 date-time, or one without a time-zone offset (read as UTC);
 * - statements, titles and creators may be empty strings, as the official schema allows;
 * - an association's sequenceNumber may be an integer written as text, or null;
 * - any other field on the document, items and associations is ignored, not refused.
 * The top level is closed, as in the official schema: CFDocument (required) plus CFItems,
 * CFAssociations, CFRubrics and CFDefinitions.
 */
export const CASE_UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** RFC 3339 date-time, the offset optional; a space may stand for the "T". Groups: date, time, fraction, offset. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The instant a CASE date-time names, or null when it is not one; `offset` says whether it carried a time zone. */
export function parseCaseDateTime(value: string): { at: Date; offset: boolean } | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const zone = m[8];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 60) return null;
  if (zone && !/^[Zz]$/.test(zone) && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(-2)) > 59)) return null;
  const offset = !zone || /^[Zz]$/.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const fraction = (m[7] ?? '').slice(0, 4);
  // a leap second is read as the second before the next minute
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${String(Math.min(s, 59)).padStart(2, '0')}${fraction}${offset}`);
  return Number.isNaN(at.getTime()) ? null : { at, offset: zone !== undefined };
}

/** The ajv format for lastChangeDateTime. */
export const caseDateTimeFormat = { type: 'string' as const, validate: (value: string) => parseCaseDateTime(value) !== null };

const uuid = { type: 'string', pattern: CASE_UUID };
const uri = { type: 'string', format: 'uri' };
const dateTime = { type: 'string', format: 'case-date-time' };
const text = { type: 'string' };
/** LinkGenURI: the official schema gives its identifier no pattern (an end may lie outside the package). */
const linkGenUri = {
  type: 'object',
  required: ['title', 'identifier', 'uri'],
  properties: { title: text, identifier: text, uri },
};

export const CASE_PACKAGE_SCHEMA = {
  $id: 'https://retning.example/schemas/case-1.0-cfpackage.json',
  type: 'object',
  required: ['CFDocument'],
  additionalProperties: false,
  properties: {
    CFDocument: {
      type: 'object',
      required: ['identifier', 'uri', 'creator', 'title', 'lastChangeDateTime'],
      properties: {
        identifier: uuid,
        uri,
        creator: text,
        title: text,
        lastChangeDateTime: dateTime,
        language: text,
        version: text,
        description: text,
        notes: text,
        adoptionStatus: text,
      },
    },
    CFItems: {
      type: 'array',
      items: {
        type: 'object',
        required: ['identifier', 'fullStatement', 'uri', 'lastChangeDateTime'],
        properties: {
          identifier: uuid,
          fullStatement: text,
          uri,
          lastChangeDateTime: dateTime,
          humanCodingScheme: text,
          abbreviatedStatement: text,
          alternativeLabel: text,
          CFItemType: text,
          language: text,
          notes: text,
        },
      },
    },
    CFAssociations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['identifier', 'associationType', 'uri', 'originNodeURI', 'destinationNodeURI', 'lastChangeDateTime'],
        properties: {
          identifier: uuid,
          associationType: { enum: ['isChildOf', 'isPeerOf', 'isPartOf', 'exactMatchOf', 'precedes', 'isRelatedTo', 'replacedBy', 'exemplar', 'hasSkillLevel'] },
          uri,
          originNodeURI: linkGenUri,
          destinationNodeURI: linkGenUri,
          lastChangeDateTime: dateTime,
          // some tools write it as text ("1") or null; read as a number, or as absent
          sequenceNumber: { type: ['integer', 'string', 'null'], pattern: '^[+-]?[0-9]{1,9}$' },
        },
      },
    },
    CFRubrics: {
      type: 'array',
      items: {
        type: 'object',
        required: ['identifier', 'uri', 'lastChangeDateTime'],
        properties: {
          identifier: uuid,
          uri,
          title: text,
          description: text,
          lastChangeDateTime: dateTime,
          CFRubricCriteria: {
            type: 'array',
            items: {
              type: 'object',
              required: ['identifier', 'uri', 'lastChangeDateTime'],
              properties: {
                identifier: uuid,
                uri,
                lastChangeDateTime: dateTime,
                position: { type: 'integer' },
                CFRubricCriterionLevels: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['identifier', 'uri', 'lastChangeDateTime'],
                    properties: { identifier: uuid, uri, lastChangeDateTime: dateTime, description: text, quality: text, score: { type: 'number' }, feedback: text, position: { type: 'integer' } },
                  },
                },
              },
            },
          },
        },
      },
    },
    CFDefinitions: { type: 'object' },
  },
} as const;
