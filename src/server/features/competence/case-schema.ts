/**
 * A JSON Schema (draft 2020-12 subset, checked with ajv) for 1EdTech CASE 1.0 CFPackage as
 * Retning accepts it, written from the spec's required fields: CFDocument (required) plus optional
 * CFItems, CFAssociations, CFRubrics and CFDefinitions, and no other keys at the top.
 */
const uuid = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' };
const uri = { type: 'string', format: 'uri' };
const dateTime = { type: 'string', format: 'date-time' };
const linkUri = {
  type: 'object',
  required: ['title', 'identifier', 'uri'],
  properties: { title: { type: 'string' }, identifier: uuid, uri },
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
        creator: { type: 'string', minLength: 1 },
        title: { type: 'string', minLength: 1 },
        lastChangeDateTime: dateTime,
        language: { type: 'string' },
        version: { type: 'string' },
        description: { type: 'string' },
        notes: { type: 'string' },
        adoptionStatus: { type: 'string' },
        publisher: { type: 'string' },
        licenseURI: linkUri,
        subject: { type: 'array', items: { type: 'string' } },
      },
    },
    CFItems: {
      type: 'array',
      items: {
        type: 'object',
        required: ['identifier', 'fullStatement', 'uri', 'lastChangeDateTime'],
        properties: {
          identifier: uuid,
          fullStatement: { type: 'string', minLength: 1 },
          uri,
          lastChangeDateTime: dateTime,
          humanCodingScheme: { type: 'string' },
          abbreviatedStatement: { type: 'string' },
          alternativeLabel: { type: 'string' },
          CFItemType: { type: 'string' },
          educationLevel: { type: 'array', items: { type: 'string' } },
          language: { type: 'string' },
          notes: { type: 'string' },
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
          originNodeURI: linkUri,
          destinationNodeURI: linkUri,
          lastChangeDateTime: dateTime,
          sequenceNumber: { type: 'integer' },
          CFAssociationGroupingURI: linkUri,
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
          title: { type: 'string' },
          description: { type: 'string' },
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
                    properties: { identifier: uuid, uri, lastChangeDateTime: dateTime, description: { type: 'string' }, quality: { type: 'string' }, score: { type: 'number' }, feedback: { type: 'string' }, position: { type: 'integer' } },
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
