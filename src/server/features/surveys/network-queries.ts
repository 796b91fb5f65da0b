import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TSurveyGroup } from '../../../shared/api/surveys';
import type { ZSurveyNetwork } from '../../../shared/api/surveys-report';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { THRESHOLD } from '../../platform/anonymity';
import { todayInCopenhagen } from '../../platform/time';
import { networkBenchmark } from './benchmark';
import { AREA_TEXTS, type SurveyArea } from './questionnaire-data';
import { statusOf } from './rounds-model';

/**
 * The coordinator's view of the network's surveys: the benchmark (quartiles from 5 schools, no
 * school named in it) and each school's latest round with its respondents per group, a count
 * only, hidden under the anonymity threshold. Never a school's figures below the network's.
 */
export async function surveyNetwork(exec: Executor, networkId: string): Promise<z.output<typeof ZSurveyNetwork>> {
  const [benchmark, rows] = await Promise.all([
    networkBenchmark(exec, networkId),
    rawQuery<{ school_id: string; name: string; round_name: string | null; opens_on: string | null; closes_on: string | null; closed_at: Date | null; groups: string[] | null; counts: Record<string, number> | null }>(
      exec,
      sql`select s.id school_id, s.name, r.name round_name, r.opens_on::text opens_on, r.closes_on::text closes_on, r.closed_at, r.groups,
                 (select jsonb_object_agg(t."group", t.n) from (select "group", sum(respondents)::int n from survey_respondent_totals
                    where school_id = r.school_id and round_id = r.id group by 1) t) counts
          from schools s
          left join lateral (select * from survey_rounds r where r.school_id = s.id and r.opens_on <= ${todayInCopenhagen()}
                             order by r.opens_on desc, r.created_at desc limit 1) r on true
          where s.network_id = ${networkId} and s.archived_at is null
          order by s.name`,
    ),
  ]);
  return {
    benchmark: benchmark.map((b) => ({
      group: b.group as TSurveyGroup,
      area: b.area,
      title: AREA_TEXTS[b.area as SurveyArea]?.title ?? { da: b.area, en: b.area },
      benchmark: { schools: b.schools, q1: b.q1, median: b.median, q3: b.q3 },
    })),
    schools: rows.map((s) => ({
      schoolId: s.school_id,
      name: s.name,
      round:
        s.round_name && s.opens_on && s.closes_on
          ? { name: s.round_name, closesOn: s.closes_on, status: statusOf({ opensOn: s.opens_on, closesOn: s.closes_on, closedAt: s.closed_at }) }
          : null,
      groups: (s.groups ?? []).map((g) => {
        const n = s.counts?.[g] ?? 0;
        const shown = n === 0 || n >= THRESHOLD;
        return { group: g as TSurveyGroup, suppressed: !shown, respondents: shown ? n : null };
      }),
    })),
  };
}
