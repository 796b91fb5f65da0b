import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './db/lock';
import { analyzeStale } from './db/maintenance';
import { openServerDatabase } from './db/open';

/**
 * start: config -> db -> migrate -> (demo seed) -> listen.
 * The database starts opening (PGlite compiles its WebAssembly off the main thread; with
 * EMBEDDED_DB=worker, the default, PGlite also runs its queries in a worker thread) before the
 * HTTP application's modules are loaded, so the two overlap and a restart is ready sooner.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  let crashed: ((error: Error) => void) | undefined;
  const { database, release } = openServerDatabase(config, (error) => crashed?.(error));
  const [{ buildApp }, { createMailer }, { seedDemo }, { seedDemoModules }, { DEMO_PASSWORD }, { isEmpty }, { startScheduler }, { featureJobs }, { createBus }] = await Promise.all([
    import('./app'),
    import('./platform/mail'),
    import('./seed/demo'),
    import('./seed/demo-modules'),
    import('./seed/demo-data'),
    import('./seed/create-school'),
    import('./platform/scheduler'),
    import('./features/index'),
    import('./platform/realtime-bus'),
  ]);
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  // Live changes: LISTEN/NOTIFY between the instances on PostgreSQL, in-process on the embedded database; shared by the app and the jobs.
  const { bus } = createBus(database, { warn: (m) => console.warn(m) });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let scheduler: ReturnType<typeof startScheduler> | undefined;
  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    await scheduler?.stop().catch(() => {});
    await app?.close().catch(() => {});
    await bus.close().catch(() => {});
    await database.close().catch(() => {});
    mailer.close();
    release();
    process.exit(code);
  };
  crashed = (error) => {
    console.error(`Databasen stoppede / the database stopped: ${error.message}`);
    void shutdown(1);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  try {
    await database.migrate();
    // Data brought up to the current rules without a migration (e.g. texts that live in the code).
    const { upgradeCompetence } = await import('./features/competence/upgrade');
    await upgradeCompetence(database.db);
    // PGlite has no autovacuum; fresh planner statistics for changed tables keep list queries on their indexes.
    if (database.kind === 'pglite') await analyzeStale(database.db);
    if (config.seedDemo && (await isEmpty(database.db))) {
      const logins = await seedDemo(database.db);
      await seedDemoModules(database.db, undefined, config);
      await analyzeStale(database.db);
      console.log('\nDemo-skolen "Demo Erhvervsskole" er oprettet. Log ind med (adgangskode / password: %s):', DEMO_PASSWORD);
      for (const l of logins) console.log(`  ${l.email.padEnd(28)} ${l.role}`);
      console.log('');
    }
    app = await buildApp({ config, database, mailer, bus });
    await app.listen({ port: config.port, host: config.host });
    if (config.jobsIntervalMs > 0) {
      const { log, metrics } = app;
      scheduler = startScheduler(featureJobs({ config, database, mailer, bus }), config.jobsIntervalMs, {
        info: (m) => log.info(m),
        error: (m, err) => log.error({ err }, m),
        ran: (job, seconds, ok) => metrics?.jobRan(job, seconds, ok),
      });
    }
    console.log(`Retning kører på http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${database.kind})`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    await shutdown(1);
  }
}

main().catch((e: unknown) => {
  if (e instanceof DataDirLockedError || e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
});
