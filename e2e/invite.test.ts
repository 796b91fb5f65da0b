import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './harness';

describe('journey: invite a person', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates a person, invites them, and they set a password and sign in', async () => {
    const admin = await h.newPage();
    await signIn(admin, 'admin@demo.example');
    await admin.goto('/admin/personer/ny');
    await admin.getByRole('heading', { level: 1, name: 'Ny person' }).waitFor();
    await admin.getByLabel(/^Navn/).fill('Ida Invitation');
    await admin.getByLabel(/^E-mail/).fill('ida.invitation@demo.example');
    await admin.getByLabel(/^Stilling/).fill('Faglærer');
    await admin.getByRole('button', { name: 'Opret person' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Ida Invitation' }).waitFor();

    await admin.getByRole('button', { name: 'Send invitation' }).click();
    const linkInput = admin.getByTestId('copy-link');
    await linkInput.waitFor();
    const link = await linkInput.inputValue();
    expect(link).toMatch(new RegExp(`^${h.baseUrl}/invitation/[\\w-]{20,}$`));
    await admin.getByRole('button', { name: 'Kopiér link' }).waitFor();

    // a fresh browser (no cookies) opens the link
    const invitee = await h.newPage();
    await invitee.goto(link);
    await invitee.getByRole('heading', { level: 1, name: 'Velkommen til Retning' }).waitFor();
    await invitee.getByText(/Hej Ida Invitation/).waitFor();
    await invitee.getByLabel(/^Ny adgangskode/).fill('en-lang-god-kode');
    await invitee.getByLabel(/^Gentag adgangskoden/).fill('en-lang-god-kode');
    await invitee.getByRole('button', { name: 'Gem adgangskode' }).click();
    await invitee.getByRole('heading', { level: 1, name: 'Adgangskoden er gemt' }).waitFor();
    await invitee.getByRole('link', { name: 'Gå til log ind' }).click();

    await signIn(invitee, 'ida.invitation@demo.example', 'en-lang-god-kode');
    await invitee.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    // she has no administration abilities
    expect(await invitee.getByRole('link', { name: 'Personer', exact: true }).count()).toBe(0);

    // the link works only once
    const again = await h.newPage();
    await again.goto(link);
    await again.getByRole('alert').waitFor();
    expect(await again.getByRole('alert').innerText()).toContain('Linket er ugyldigt');
  });
});
