import { startHarness, type Harness } from './harness';

/** The shared harness plus the competence demo (src/server/seed/demo-competence.ts). */
export async function startCompetenceHarness(): Promise<Harness> {
  const { seedDemoCompetence } = await import('../src/server/seed/demo-competence');
  return startHarness({ seed: seedDemoCompetence });
}
