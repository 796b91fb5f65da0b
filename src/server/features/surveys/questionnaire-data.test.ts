import { describe, expect, it } from 'vitest';
import { STRATEGY_TERMS_DA } from '../../../shared/vocabulary';
import {
  AREA_TEXTS, AREA_THEME, DEFAULT_ITEMS, SCALE_LABELS, SURVEY_AREAS, SURVEY_GROUPS,
  type Localised, type SurveyArea, type SurveyGroup,
} from './questionnaire-data';

/** The key prefix of each area: a key says where it belongs, so a moved item gets a new key. */
const PREFIX: Record<SurveyArea, string> = {
  ledelse: 'led', organisationsudvikling: 'org', videndeling: 'vid',
  kompetenceudvikling: 'kom', praktiksamarbejde: 'pra', infrastruktur: 'inf',
};
const MAX_TEXT = 200;

const asked = (group: SurveyGroup) => DEFAULT_ITEMS.filter((i) => i.texts[group]);
const sharedBy = (a: SurveyGroup, b: SurveyGroup) => DEFAULT_ITEMS.filter((i) => i.texts[a] && i.texts[b]).length;
const allTexts = (): { where: string; text: Localised }[] =>
  DEFAULT_ITEMS.flatMap((i) => Object.entries(i.texts).map(([g, text]) => ({ where: `${i.key}/${g}`, text: text as Localised })));

describe('the default questionnaire', () => {
  it('has unique, well-formed keys whose prefix names the item’s area', () => {
    const keys = DEFAULT_ITEMS.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const item of DEFAULT_ITEMS) {
      expect(SURVEY_AREAS, item.key).toContain(item.area);
      expect(item.key, item.key).toMatch(new RegExp(`^${PREFIX[item.area]}-\\d{2}$`));
    }
  });

  it('gives every item a Danish and an English text for each group it names, and only for known groups', () => {
    for (const item of DEFAULT_ITEMS) {
      const groups = Object.keys(item.texts);
      expect(groups.length, item.key).toBeGreaterThan(0);
      for (const g of groups) {
        expect(SURVEY_GROUPS as readonly string[], `${item.key}: ${g}`).toContain(g);
        const t = item.texts[g as SurveyGroup];
        expect(t?.da.trim(), `${item.key}/${g} da`).toBeTruthy();
        expect(t?.en.trim(), `${item.key}/${g} en`).toBeTruthy();
        expect(t?.da, `${item.key}/${g}: da is a translation, not a copy`).not.toBe(t?.en);
      }
    }
  });

  it('asks each group between 30 and 45 items', () => {
    for (const g of SURVEY_GROUPS) {
      const n = asked(g).length;
      expect(n, g).toBeGreaterThanOrEqual(30);
      expect(n, g).toBeLessThanOrEqual(45);
    }
  });

  it('asks enough of the same things of two groups to show the gap between them', () => {
    expect(sharedBy('leader', 'teacher')).toBeGreaterThanOrEqual(15);
    expect(sharedBy('student', 'teacher')).toBeGreaterThanOrEqual(8);
    expect(sharedBy('supervisor', 'teacher')).toBeGreaterThanOrEqual(6);
  });

  it('asks every group something in every area', () => {
    for (const g of SURVEY_GROUPS) {
      for (const a of SURVEY_AREAS) expect(asked(g).filter((i) => i.area === a).length, `${g} in ${a}`).toBeGreaterThan(0);
    }
  });

  it('writes short statements: at most 200 characters, trimmed, single-spaced, no question or full stop at the end', () => {
    for (const { where, text } of allTexts()) {
      for (const s of [text.da, text.en]) {
        expect(s.length, where).toBeLessThanOrEqual(MAX_TEXT);
        expect(s, where).toBe(s.trim());
        expect(s, where).not.toMatch(/\s{2}/);
        expect(s, where).not.toMatch(/[?.]$/);
        expect(s, where).not.toContain('?');
      }
    }
  });

  it('asks one thing per statement: no "og" or "and" joins two', () => {
    // An "or" between alternatives of one thing ("video eller simulation") is fine; an "og"
    // almost always means two statements in one, which nobody can answer on one scale.
    for (const { where, text } of allTexts()) {
      expect(text.da, where).not.toMatch(/(^|\s)og\s/i);
      expect(text.en, where).not.toMatch(/(^|\s)and\s/i);
    }
  });

  it('lets a school switch off around a third of the items, and keeps a core for every group', () => {
    const share = DEFAULT_ITEMS.filter((i) => i.optional).length / DEFAULT_ITEMS.length;
    expect(share).toBeGreaterThanOrEqual(0.25);
    expect(share).toBeLessThanOrEqual(0.4);
    for (const g of SURVEY_GROUPS) {
      const core = asked(g).filter((i) => !i.optional);
      expect(core.length, g).toBeGreaterThanOrEqual(20);
      for (const a of SURVEY_AREAS) expect(core.some((i) => i.area === a), `${g}: a core item in ${a}`).toBe(true);
    }
  });

  it('titles and describes every area in one sentence, in Danish and English', () => {
    expect(Object.keys(AREA_TEXTS).sort()).toEqual([...SURVEY_AREAS].sort());
    for (const a of SURVEY_AREAS) {
      const { title, description } = AREA_TEXTS[a];
      for (const s of [title.da, title.en]) expect(s.trim(), a).toBeTruthy();
      for (const s of [description.da, description.en]) {
        expect(s, a).toMatch(/^[^.!?]+\.$/);
        expect(s.length, a).toBeLessThanOrEqual(MAX_TEXT);
      }
    }
  });

  it('links the four themes to the four sigtelinjer of the strategy, and leadership to the first', () => {
    const lines = Object.keys(STRATEGY_TERMS_DA.sigtelinje);
    for (const a of SURVEY_AREAS) {
      const theme = AREA_THEME[a];
      if (theme !== null) expect(lines, a).toContain(theme);
    }
    const themes = (['organisationsudvikling', 'videndeling', 'kompetenceudvikling', 'praktiksamarbejde'] as const)
      .map((a) => AREA_THEME[a]);
    expect(new Set(themes).size).toBe(4);
    expect(AREA_THEME.ledelse).toBe(AREA_THEME.organisationsudvikling);
    expect(AREA_THEME.infrastruktur).toBeNull();
  });

  it('labels the agree scale at both ends and the two non-answers', () => {
    expect(SCALE_LABELS.min).toEqual(SCALE_LABELS.values[1]);
    expect(SCALE_LABELS.max).toEqual(SCALE_LABELS.values[5]);
    expect(SCALE_LABELS.values[1].da).toBe('Helt uenig');
    expect(SCALE_LABELS.values[5].da).toBe('Helt enig');
    expect(SCALE_LABELS.dontKnow.da).toBe('Ved ikke / ikke relevant');
    expect(SCALE_LABELS.noAnswer.da).toBe('Ønsker ikke at svare');
    const labels = [...Object.values(SCALE_LABELS.values), SCALE_LABELS.dontKnow, SCALE_LABELS.noAnswer];
    for (const lang of ['da', 'en'] as const) {
      expect(new Set(labels.map((l) => l[lang])).size, lang).toBe(labels.length);
      for (const l of labels) expect(l[lang].trim(), lang).toBeTruthy();
    }
  });
});
