import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './db/lock';
import { createMailer } from './platform/mail';
import { openConfiguredDatabase } from './runtime';
import { seedDemo } from './seed/demo';
import { DEMO_PASSWORD } from './seed/demo-data';
import { isEmpty } from './seed/create-school';

/** start: config -> db -> migrate -> (demo seed) -> listen */
async function main(): Promise<void> {
  const config = loadConfig();
  const { database, release } = openConfiguredDatabase(config);
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    mailer.close();
    release();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await database.migrate();
    if (config.seedDemo && (await isEmpty(database.db))) {
      const logins = await seedDemo(database.db);
      console.log('\nDemo-skolen "Demo Erhvervsskole" er oprettet. Log ind med (adgangskode / password: %s):', DEMO_PASSWORD);
      for (const l of logins) console.log(`  ${l.email.padEnd(28)} ${l.role}`);
      console.log('');
    }
    app = await buildApp({ config, database, mailer });
    await app.listen({ port: config.port, host: config.host });
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
