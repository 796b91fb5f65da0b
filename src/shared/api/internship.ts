import { z } from 'zod';
import { ZAbilities, ZDay, ZRef, ZTimestamp } from './common';

/*
 * The internship module's API contract (praktik, docs/internship.md): companies and their
 * supervisors, placements and timelines, praktikmål with each student's status, offers.
 */

export const INTERNSHIP_LIMITS = { name: 200, text: 2000, description: 4000, goalsCsvRows: 2000, contacts: 20 } as const;
/** How many days after the end of a practice period its supervisors still see the student (day 30 included). */
export const SUPERVISOR_WINDOW_DAYS = 30;

const name = z.string().trim().min(1).max(INTERNSHIP_LIMITS.name);
const optionalText = (max: number) => z.string().trim().max(max).default('');
const email = z.email().max(254);

/* ---------------------------------------------------------------- companies */

export const ZCompanyContact = z.strictObject({
  name,
  email: email.nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
  role: z.string().trim().max(120).nullable().default(null),
});
export type TCompanyContact = z.input<typeof ZCompanyContact>;

const companyFields = {
  name,
  /** Eight digits; the modulus-11 check runs on the server (its error names the field). */
  cvr: z.string().trim().regex(/^\d{8}$/, 'validation.cvr_format'),
  pNumber: z
    .string()
    .trim()
    .regex(/^\d{10}$/, 'validation.p_number_format')
    .nullable(),
  address: z.string().trim().max(200),
  postcode: z.string().trim().max(10),
  city: z.string().trim().max(100),
  trade: z.string().trim().max(120),
  website: z.url({ protocol: /^https?$/ }).max(300).nullable(),
  contacts: z.array(ZCompanyContact).max(INTERNSHIP_LIMITS.contacts),
  notes: z.string().trim().max(INTERNSHIP_LIMITS.description),
  programmeIds: z.array(z.string().max(100)).max(200),
};
export const ZCompanyInput = z.strictObject({
  ...companyFields,
  pNumber: companyFields.pNumber.default(null),
  address: companyFields.address.default(''),
  postcode: companyFields.postcode.default(''),
  city: companyFields.city.default(''),
  trade: companyFields.trade.default(''),
  website: companyFields.website.default(null),
  contacts: companyFields.contacts.default([]),
  notes: companyFields.notes.default(''),
  programmeIds: companyFields.programmeIds.default([]),
});
export type TCompanyInput = z.input<typeof ZCompanyInput>;
export const ZCompanyPatch = z.strictObject({
  name: companyFields.name.optional(),
  cvr: companyFields.cvr.optional(),
  pNumber: companyFields.pNumber.optional(),
  address: companyFields.address.optional(),
  postcode: companyFields.postcode.optional(),
  city: companyFields.city.optional(),
  trade: companyFields.trade.optional(),
  website: companyFields.website.optional(),
  contacts: companyFields.contacts.optional(),
  notes: companyFields.notes.optional(),
  programmeIds: companyFields.programmeIds.optional(),
  archived: z.boolean().optional(),
});
export type TCompanyPatch = z.input<typeof ZCompanyPatch>;

export const ZCompanySupervisor = z.object({ id: z.string(), name: z.string(), email: z.string(), invited: z.boolean() });
export type TCompanySupervisor = z.input<typeof ZCompanySupervisor>;

export const ZCompany = z.object({
  id: z.string(),
  name: z.string(),
  cvr: z.string(),
  pNumber: z.string().nullable(),
  address: z.string(),
  postcode: z.string(),
  city: z.string(),
  trade: z.string(),
  website: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), role: z.string().nullable() })),
  notes: z.string(),
  programmes: z.array(ZRef),
  archived: z.boolean(),
  /** Students of the company in a practice period today. */
  currentStudents: z.number(),
  abilities: ZAbilities,
});
export type TCompany = z.input<typeof ZCompany>;

export const ZCompanyDetail = ZCompany.extend({ supervisors: z.array(ZCompanySupervisor) });
export type TCompanyDetail = z.input<typeof ZCompanyDetail>;

/** GET /internship/companies: search by name, CVR or trade; per department (through its programmes) or programme. */
export const ZCompaniesQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  departmentId: z.string().max(100).optional(),
  programmeId: z.string().max(100).optional(),
  archived: z.enum(['true', 'false']).optional(),
});
export const ZCompanyList = z.object({ items: z.array(ZCompany), abilities: ZAbilities });
export type TCompanyList = z.input<typeof ZCompanyList>;

/** POST /internship/companies/:id/supervisors: invite a praktikvejleder by e-mail. */
export const ZSupervisorInvite = z.strictObject({ name, email });
export type TSupervisorInvite = z.input<typeof ZSupervisorInvite>;
export const ZSupervisorInvited = z.object({
  supervisor: ZCompanySupervisor,
  emailed: z.boolean(),
  /** The link to copy when no e-mail could be sent. */
  link: z.string().nullable(),
  expiresInDays: z.number(),
});
export type TSupervisorInvited = z.input<typeof ZSupervisorInvited>;

/* ---------------------------------------------------------------- programmes and students */

/** PUT /internship/programmes/:id/departments: the departments that run a programme. */
export const ZProgrammeDepartmentsInput = z.strictObject({ departmentIds: z.array(z.string().max(100)).max(200) });
export const ZProgrammeDepartments = z.object({ programme: ZRef, departments: z.array(ZRef) });
export type TProgrammeDepartments = z.input<typeof ZProgrammeDepartments>;

/** PUT /internship/students/:id/programme */
export const ZStudentProgrammeInput = z.strictObject({ programmeId: z.string().max(100).nullable() });

/* ---------------------------------------------------------------- placements */

export const ZPlacementKind = z.enum(['school', 'practice']);
export type TPlacementKind = z.infer<typeof ZPlacementKind>;

export const ZPlacementInput = z.strictObject({
  studentId: z.string().max(100),
  kind: ZPlacementKind,
  startsOn: ZDay,
  endsOn: ZDay,
  companyId: z.string().max(100).nullable().default(null),
  supervisorId: z.string().max(100).nullable().default(null),
  note: optionalText(1000),
});
export type TPlacementInput = z.input<typeof ZPlacementInput>;
export const ZPlacementPatch = z.strictObject({
  kind: ZPlacementKind.optional(),
  startsOn: ZDay.optional(),
  endsOn: ZDay.optional(),
  companyId: z.string().max(100).nullable().optional(),
  supervisorId: z.string().max(100).nullable().optional(),
  note: z.string().trim().max(1000).optional(),
});
export type TPlacementPatch = z.input<typeof ZPlacementPatch>;

export const ZPlacement = z.object({
  id: z.string(),
  studentId: z.string(),
  kind: ZPlacementKind,
  startsOn: z.string(),
  endsOn: z.string(),
  company: ZRef.nullable(),
  supervisor: ZRef.nullable(),
  note: z.string(),
  abilities: ZAbilities,
});
export type TPlacement = z.input<typeof ZPlacement>;

export const ZStudentTimeline = z.object({
  student: ZRef,
  programme: ZRef.nullable(),
  placements: z.array(ZPlacement),
  abilities: ZAbilities,
});
export type TStudentTimeline = z.input<typeof ZStudentTimeline>;

/** GET /internship/timeline?week=2027-W12&teamId=: who is where in an ISO week. */
export const ZTimelineQuery = z.strictObject({
  week: z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'validation.iso_week'),
  teamId: z.string().max(100).optional(),
});
export const ZWeekTimeline = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  students: z.array(z.object({ student: ZRef, placements: z.array(ZPlacement) })),
});
export type TWeekTimeline = z.input<typeof ZWeekTimeline>;

/** GET /internship/students: the students the actor sees, with today's placement. */
export const ZStudentsQuery = z.strictObject({ q: z.string().trim().max(100).optional(), teamId: z.string().max(100).optional() });
export const ZInternshipStudents = z.object({
  items: z.array(z.object({ student: ZRef, programme: ZRef.nullable(), current: ZPlacement.nullable() })),
  abilities: ZAbilities,
});
export type TInternshipStudents = z.input<typeof ZInternshipStudents>;

/* ---------------------------------------------------------------- praktikmål */

export const ZGoalStatusValue = z.enum(['reached', 'partly', 'not_yet']);
export type TGoalStatusValue = z.infer<typeof ZGoalStatusValue>;

export const ZGoalInput = z.strictObject({
  code: z.string().trim().min(1).max(40),
  text: z.string().trim().min(1).max(INTERNSHIP_LIMITS.text),
  level: z.string().trim().max(60).default(''),
});
export type TGoalInput = z.input<typeof ZGoalInput>;
export const ZGoalPatch = z.strictObject({
  code: z.string().trim().min(1).max(40).optional(),
  text: z.string().trim().min(1).max(INTERNSHIP_LIMITS.text).optional(),
  level: z.string().trim().max(60).optional(),
  archived: z.boolean().optional(),
});
export type TGoalPatch = z.input<typeof ZGoalPatch>;

export const ZGoal = z.object({ id: z.string(), programmeId: z.string(), code: z.string(), text: z.string(), level: z.string(), archived: z.boolean() });
export type TGoal = z.input<typeof ZGoal>;
export const ZGoalList = z.object({ programme: ZRef, goals: z.array(ZGoal), abilities: ZAbilities });
export type TGoalList = z.input<typeof ZGoalList>;

/** POST /internship/programmes/:id/goals/import: what the CSV import did. */
export const ZGoalImportResult = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
export type TGoalImportResult = z.input<typeof ZGoalImportResult>;

/** PUT /internship/students/:id/goals/:goalId */
export const ZGoalStatusInput = z.strictObject({ status: ZGoalStatusValue, comment: optionalText(INTERNSHIP_LIMITS.text) });
export type TGoalStatusInput = z.input<typeof ZGoalStatusInput>;

export const ZGoalStatusChange = z.object({ status: ZGoalStatusValue, comment: z.string(), setBy: ZRef.nullable(), setAt: ZTimestamp });
export type TGoalStatusChange = z.input<typeof ZGoalStatusChange>;

export const ZStudentGoals = z.object({
  student: ZRef,
  programme: ZRef.nullable(),
  goals: z.array(z.object({ goal: ZGoal, latest: ZGoalStatusChange.nullable(), history: z.array(ZGoalStatusChange) })),
  abilities: ZAbilities,
});
export type TStudentGoals = z.input<typeof ZStudentGoals>;

/** Per goal of a programme: how many of its students reached it; rarely reached goals first. */
export const ZGoalOverview = z.object({
  programme: ZRef,
  students: z.number(),
  goals: z.array(z.object({ goal: ZGoal, reached: z.number(), partly: z.number(), notYet: z.number() })),
});
export type TGoalOverview = z.input<typeof ZGoalOverview>;

/* ---------------------------------------------------------------- offers */

export const COMPANY_OFFER_CATEGORIES = ['equipment', 'expertise', 'guest_teaching', 'visit'] as const;
export const SCHOOL_OFFER_CATEGORIES = ['idv', 'amu'] as const;
export const ZOfferSource = z.enum(['company', 'school']);
export const ZOfferCategory = z.enum([...COMPANY_OFFER_CATEGORIES, ...SCHOOL_OFFER_CATEGORIES]);
export type TOfferCategory = z.infer<typeof ZOfferCategory>;

const offerFields = {
  category: ZOfferCategory,
  companyId: z.string().max(100).nullable(),
  departmentId: z.string().max(100).nullable(),
  title: name,
  description: z.string().trim().max(INTERNSHIP_LIMITS.description),
  contactName: z.string().trim().max(200),
  contactEmail: email.nullable(),
  contactPhone: z.string().trim().max(40).nullable(),
  startsOn: ZDay.nullable(),
  endsOn: ZDay.nullable(),
};
export const ZOfferInput = z.strictObject({
  ...offerFields,
  companyId: offerFields.companyId.default(null),
  departmentId: offerFields.departmentId.default(null),
  description: offerFields.description.default(''),
  contactName: offerFields.contactName.default(''),
  contactEmail: offerFields.contactEmail.default(null),
  contactPhone: offerFields.contactPhone.default(null),
  startsOn: offerFields.startsOn.default(null),
  endsOn: offerFields.endsOn.default(null),
});
export type TOfferInput = z.input<typeof ZOfferInput>;
export const ZOfferPatch = z.strictObject({
  category: offerFields.category.optional(),
  companyId: offerFields.companyId.optional(),
  departmentId: offerFields.departmentId.optional(),
  title: offerFields.title.optional(),
  description: offerFields.description.optional(),
  contactName: offerFields.contactName.optional(),
  contactEmail: offerFields.contactEmail.optional(),
  contactPhone: offerFields.contactPhone.optional(),
  startsOn: offerFields.startsOn.optional(),
  endsOn: offerFields.endsOn.optional(),
});
export type TOfferPatch = z.input<typeof ZOfferPatch>;

export const ZOffer = z.object({
  id: z.string(),
  source: ZOfferSource,
  category: ZOfferCategory,
  company: ZRef.nullable(),
  department: ZRef.nullable(),
  title: z.string(),
  description: z.string(),
  contactName: z.string(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  abilities: ZAbilities,
});
export type TOffer = z.input<typeof ZOffer>;
export const ZOffersQuery = z.strictObject({ departmentId: z.string().max(100).optional(), source: ZOfferSource.optional() });
export const ZOfferList = z.object({ items: z.array(ZOffer), abilities: ZAbilities });
export type TOfferList = z.input<typeof ZOfferList>;

/* ---------------------------------------------------------------- personal data */

/** GET /internship/students/:id/data: one student's internship data, for the administrator. */
export const ZStudentInternshipData = z.object({
  student: ZRef,
  data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type TStudentInternshipData = z.input<typeof ZStudentInternshipData>;
export const ZStudentInternshipErased = z.object({ deleted: z.record(z.string(), z.number()) });

export * from './internship-logbook';
