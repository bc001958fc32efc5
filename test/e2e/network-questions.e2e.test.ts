// Questions to the network in a real browser: a member asks in Dutch at 1280 px; a French reader on
// a 390 px phone finds it from the directory's search with “médiation de dettes”, opens all matching
// questions and answers with a link to a service, which shows as a card; the asker accepts the
// answer. The reader corrects the answer on the phone and the asker the question's title. Every page
// passes axe and nothing scrolls sideways.
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { memberOf, sql } from '../helpers/members.ts';

const h = useBrowserHarness();

describe('questions to the network', () => {
  it('asking a question in Dutch that a French reader finds and answers, and accepting it', async () => {
    const orgs = await sql(h, 'select id from organisations order by provenance_id limit 2');
    const [service] = await sql(
      h,
      `select s.id, s.name->>'fr' as name from services s where s.name ? 'fr' and s.organisation_id not in ($1, $2)
       order by s.provenance_id limit 1`,
      [orgs[0].id, orgs[1].id],
    );
    const asker = await memberOf(h, orgs[0].id, ['editor'], { locale: 'nl' });
    const reader = await memberOf(h, orgs[1].id, ['referrer'], { locale: 'fr' });

    // The asker, in Dutch on a wide screen.
    const desk = await openPage(h.browser, 'nl', 1280);
    await logIn(h, desk, 'nl', asker.email);
    await desk.goto(`${h.baseUrl}/nl/questions`);
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.getByRole('link', { name: 'Een vraag stellen' }).click();
    await desk.waitForURL('**/nl/questions/new');
    await expectFitsAndAccessible(desk, 1280, true);
    await desk
      .locator('input[name=title]')
      .fill('Wie kent een vlotte schuldbemiddeling voor een gezin in Molenbeek?');
    await desk
      .locator('textarea[name=body]')
      .fill('Een gezin met drie kinderen heeft achterstallige facturen. <b>Dringend</b>: wie helpt snel?');
    await desk.locator('input[name=themes][value="income.debt-counselling"]').check();
    await desk.locator('select[name=commune]').selectOption('21012');
    await desk.locator('form.form button[type=submit]').click();
    await desk.waitForURL(/\/nl\/questions\/[0-9a-f-]{36}\?done=asked/);
    const questionUrl = desk.url().split('?')[0]!;
    const questionId = questionUrl.split('/').pop()!;
    expect(await desk.locator('h1').textContent()).toBe(
      'Wie kent een vlotte schuldbemiddeling voor een gezin in Molenbeek?',
    );
    // The markup typed in the text is shown as text.
    expect(await desk.locator('.post-body').textContent()).toContain('<b>Dringend</b>');
    expect(await desk.locator('.post-body b').count()).toBe(0);
    await expectFitsAndAccessible(desk, 1280, true);

    // The French reader, on a phone, searches the directory in French.
    const phone = await openPage(h.browser, 'fr', 390);
    await logIn(h, phone, 'fr', reader.email);
    await phone.goto(`${h.baseUrl}/fr/search?q=${encodeURIComponent('médiation de dettes')}`);
    const box = phone.locator('.related-box');
    expect(await box.getByRole('heading', { name: 'Questions au réseau' }).isVisible()).toBe(true);
    expect(await box.locator(`a[href="/fr/questions/${questionId}"]`).isVisible()).toBe(true);
    await expectFitsAndAccessible(phone, 390, true);
    await box.getByRole('link', { name: 'Toutes les questions sur cette recherche' }).click();
    await phone.waitForURL('**/fr/questions?q=*');
    await expectFitsAndAccessible(phone, 390, true);
    await phone.locator(`a[href="/fr/questions/${questionId}"]`).click();
    await phone.waitForURL(`**/fr/questions/${questionId}`);
    // The glossary's words of the Dutch question, for the French reader: opened without script.
    const words = phone.locator('.glossary-terms');
    expect(await words.getByRole('heading', { name: 'Mots de cette page' }).isVisible()).toBe(true);
    const term = words.locator('details', { hasText: 'médiation de dettes' });
    await term.locator('summary').click();
    expect(await term.locator('dd', { hasText: 'schuldbemiddeling' }).isVisible()).toBe(true);
    expect(await term.locator('a[href="/fr/glossary/schuldbemiddeling"]').isVisible()).toBe(true);
    await expectFitsAndAccessible(phone, 390, true);
    await phone
      .locator('textarea[name=body]')
      .fill(
        'Le service de médiation de dettes de notre quartier répond vite. Dites que vous venez de notre part.',
      );
    await phone.locator('textarea[name=links]').fill(`${h.baseUrl}/fr/services/${service.id}`);
    await phone.locator(`form[action$="/questions/${questionId}/answers"] button[type=submit]`).click();
    await phone.waitForURL(/done=answered/);
    const card = phone.locator('.answer-cards .card');
    expect(await card.getByRole('link', { name: service.name }).getAttribute('href')).toBe(
      `/fr/services/${service.id}`,
    );
    await expectFitsAndAccessible(phone, 390, true);

    // The reader corrects the answer on the phone: the form comes filled in, the page says so.
    await phone.getByRole('link', { name: 'Modifier votre réponse' }).click();
    await phone.waitForURL('**/fr/answers/*/edit');
    expect(await phone.locator('textarea[name=links]').inputValue()).toContain(`/fr/services/${service.id}`);
    await expectFitsAndAccessible(phone, 390, true);
    await phone
      .locator('textarea[name=body]')
      .fill(
        'Le service de médiation de dettes de notre quartier répond vite, même le samedi. Dites que vous venez de notre part.',
      );
    await phone.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await phone.waitForURL(/done=edited/);
    expect(await phone.locator('.answer .byline').textContent()).toContain('modifié');
    expect(await phone.locator('.answer .post-body').textContent()).toContain('même le samedi');
    await expectFitsAndAccessible(phone, 390, true);

    // The asker accepts the answer; it is marked for everyone.
    await desk.goto(questionUrl);
    await desk.getByRole('button', { name: 'Dit antwoord aanvaarden' }).click();
    await desk.waitForURL(/done=accepted/);
    expect(await desk.locator('.answer.accepted').textContent()).toContain('Aanvaard antwoord');
    await expectFitsAndAccessible(desk, 1280, true);
    // And sharpens the question's title.
    await desk.getByRole('link', { name: 'Je vraag wijzigen' }).click();
    await desk.waitForURL('**/edit');
    await expectFitsAndAccessible(desk, 1280, true);
    await desk
      .locator('input[name=title]')
      .fill('Wie kent een vlotte schuldbemiddeling voor een gezin in Molenbeek of Jette?');
    await desk.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await desk.waitForURL(/done=edited/);
    expect(await desk.locator('h1').textContent()).toBe(
      'Wie kent een vlotte schuldbemiddeling voor een gezin in Molenbeek of Jette?',
    );
    await expectFitsAndAccessible(desk, 1280, true);
    await phone.goto(`${h.baseUrl}/fr/questions?q=${encodeURIComponent('médiation de dettes')}`);
    expect(
      await phone.locator('.question-hit').filter({ hasText: 'schuldbemiddeling' }).textContent(),
    ).toContain('Résolue');
    await expectFitsAndAccessible(phone, 390, true);
    const [{ accepted_answer_id: accepted }] = await sql(
      h,
      'select accepted_answer_id from questions where id = $1',
      [questionId],
    );
    expect(accepted).not.toBeNull();
    await desk.context().close();
    await phone.context().close();
  });
});
