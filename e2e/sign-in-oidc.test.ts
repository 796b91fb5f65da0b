import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcProviderHandle, startOidcProvider, uniloginUser } from '../src/server/test/oidc-provider';
import { type Harness, signIn, startHarness } from './harness';

/**
 * Sign-in with the school's own provider, in a browser (docs/sign-in.md): a real OpenID provider
 * shaped like UNI-Login runs in this process on a loopback port (http is allowed for a loopback
 * issuer outside production). The administrator adds it on the provider page; a teacher whose
 * e-mail the school knows signs in by its button and is linked on the way; an invited person
 * creates their access with it; someone the school does not know is told so and gets nothing.
 */
describe('journey: sign in with UNI-Login', () => {
  let h: Harness;
  let idp: OidcProviderHandle;
  beforeAll(async () => {
    h = await startHarness();
    const lone = uniloginUser({ uniid: 'lone0001', email: 'laerer@demo.example', name: 'Lone Lærer', group: 'Lærer' });
    idp = await startOidcProvider({ flavour: 'unilogin', users: [lone] });
  });
  afterAll(async () => {
    await h?.close();
    await idp?.close();
  });

  /** The sign-in page's one button for the demo school's provider, then Min side. */
  async function signInWithButton(page: Page, path = '/login'): Promise<void> {
    await page.goto(path);
    await page.getByRole('link', { name: 'Log ind med UNI-Login' }).click();
  }

  it('the administrator adds the provider, and a teacher signs in with it and is linked by her e-mail', async () => {
    const admin = await h.newPage();
    await signIn(admin, 'admin@demo.example');
    await admin.getByRole('link', { name: 'Log ind-metoder' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Log ind-metoder' }).waitFor();
    await admin.getByText('Ingen udbydere endnu').waitFor();
    // the address to register at the provider, with a copy button
    expect(await admin.getByTestId('copy-link').inputValue()).toBe(`${h.baseUrl}/api/v1/auth/oidc/callback`);

    await admin.getByRole('button', { name: 'Tilføj udbyder' }).first().click();
    const form = admin.getByRole('dialog', { name: 'Tilføj udbyder' });
    expect(await form.getByLabel(/^Knappens tekst/).inputValue()).toBe('UNI-Login');
    // nothing is sent while something is missing
    await form.getByRole('button', { name: 'Tilføj udbyder' }).click();
    await form.getByText('Skriv udbyderens issuer-URL').waitFor();
    await form.getByLabel(/^Issuer-URL/).fill(idp.issuer);
    await form.getByLabel(/^Client ID/).fill(idp.clientId);
    await form.getByLabel(/^Client secret/).fill(idp.clientSecret);
    await form.getByRole('switch', { name: /Tilknyt personer via e-mail/ }).check({ force: true });
    await form.getByRole('button', { name: 'Tilføj udbyder' }).click();
    await form.waitFor({ state: 'detached' });
    const card = admin.getByTestId('provider-card');
    await card.getByRole('heading', { name: 'UNI-Login' }).waitFor();
    // the secret is never shown back: only that one is set
    expect(await card.innerText()).toContain('Sat');
    expect(await admin.content()).not.toContain(idp.clientSecret);

    // editing: the secret field starts empty and says the stored one is kept
    await card.getByRole('button', { name: 'Rediger UNI-Login' }).click();
    const edit = admin.getByRole('dialog', { name: 'Rediger UNI-Login' });
    expect(await edit.getByLabel(/^Client secret/).inputValue()).toBe('');
    await edit.getByText('Lad feltet stå tomt for at beholde den gemte').waitFor();
    await edit.getByRole('button', { name: 'Annuller' }).last().click();

    const teacher = await h.newPage();
    await signInWithButton(teacher);
    await teacher.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await teacher.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();

    // Min konto shows the link
    await teacher.goto('/konto');
    const links = teacher.getByText('Log ind via skolen');
    await links.waitFor();
    await teacher.getByRole('button', { name: 'Fjern tilknytningen til UNI-Login' }).waitFor();

    // the administrator sees it on her page, with the role UNI-Login suggests
    const lone = await (await admin.request.get(`${h.baseUrl}/api/v1/people?q=Lone`)).json() as { items: { id: string }[] };
    await admin.goto(`/admin/personer/${lone.items[0]?.id ?? ''}`);
    await admin.getByRole('heading', { level: 2, name: 'Log ind via skolen' }).waitFor();
    await admin.getByText('Foreslået rolle: Medarbejder').waitFor();

    // signing out offers the provider's sign-out too
    await teacher.goto('/');
    await teacher.getByRole('button', { name: 'Brugermenu for Lone Lærer' }).click();
    await teacher.getByRole('menuitem', { name: 'Log ud' }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Du er logget ud af Retning' }).waitFor();
    const also = teacher.getByRole('link', { name: 'Log også ud hos UNI-Login' });
    expect(await also.getAttribute('href')).toMatch(new RegExp(`^${idp.issuer}/`));
  });

  it('an invited person creates their access with the provider instead of a password', async () => {
    const admin = await h.newPage();
    await signIn(admin, 'admin@demo.example');
    await admin.goto('/admin/personer/ny');
    await admin.getByLabel(/^Navn/).fill('Ida Invitation');
    await admin.getByLabel(/^E-mail/).fill('ida.invitation@demo.example');
    await admin.getByRole('button', { name: 'Opret person' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Ida Invitation' }).waitFor();
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    const link = await admin.getByTestId('copy-link').inputValue();

    // her UNI-Login e-mail is not the one the school has: the invitation links her
    idp.signInAs(uniloginUser({ uniid: 'ida00001', email: 'ida@privat.example', name: 'Ida I.', group: 'Elev' }));
    const invitee = await h.newPage();
    await invitee.goto(link);
    await invitee.getByRole('heading', { level: 1, name: 'Velkommen til Retning' }).waitFor();
    await invitee.getByLabel(/^Ny adgangskode/).waitFor();
    await invitee.getByRole('link', { name: 'Opret med UNI-Login' }).click();
    await invitee.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();

    // the next time, the button alone is enough
    const again = await h.newPage();
    await signInWithButton(again);
    await again.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
  });

  it('someone the school does not know is told so, and nothing is created', async () => {
    idp.signInAs(uniloginUser({ uniid: 'ukendt01', email: 'ukendt@andetsted.example', group: 'Elev' }));
    const stranger = await h.newPage();
    await signInWithButton(stranger);
    await stranger.getByRole('heading', { level: 1, name: 'Du er ikke oprettet i Retning' }).waitFor();
    expect(new URL(stranger.url()).pathname).toBe('/log-ind/ukendt');
    expect(await stranger.getByRole('main').innerText()).toContain('Du er ikke oprettet i Retning på Demo Erhvervsskole – kontakt skolens administrator');
    expect((await stranger.request.get(`${h.baseUrl}/api/v1/me`)).status()).toBe(401);
    await stranger.getByRole('link', { name: 'Tilbage til log ind' }).click();
    await stranger.getByRole('link', { name: 'Log ind med UNI-Login' }).waitFor();
  });

  it('a callback that belongs to no sign-in ends on the failure page in Danish', async () => {
    const page = await h.newPage();
    await page.goto('/api/v1/auth/oidc/callback?code=abc&state=ingen-saadan');
    await page.getByRole('heading', { level: 1, name: 'Log ind lykkedes ikke' }).waitFor();
    expect(await page.getByTestId('sign-in-failure').getAttribute('data-reason')).toBe('state');
    await page.getByRole('link', { name: 'Tilbage til log ind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  });
});
