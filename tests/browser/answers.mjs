// Answers and the clock, in real Chromium at 320 px, against two servers on one database:
// BASE_URL acts in the real month, LATER_URL (serve --now) about three months later.
//  1. An admin creates a provider representative for Seetec; the representative chooses a password
//     with the one-time set-up link (which then no longer works), signs in, acknowledges a
//     participant's complaint and sends a final response, which the participant reads with their
//     codename; the admin's audit log shows the account made and set up. JavaScript on.
//  2. A participant drafts an official complaint to Seetec, says they sent it, and with no final
//     response after 8 weeks is told they can go to the Independent Case Examiner, follows the
//     link to the ICE section and records that they took it there. JavaScript off.
// Every page reached is checked with axe-core (WCAG 2.2 A and AA) and for horizontal scrolling at
// 320 px. Screenshots go to $ARTEFACTS.
import { chromium } from 'playwright-core'
import { axeViolations } from './axe.mjs'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'

const base = process.env.BASE_URL
const later = process.env.LATER_URL
const artefacts = process.env.ARTEFACTS
const adminPassword = process.env.ADMIN_PASSWORD
mkdirSync(artefacts, { recursive: true })

const codenameShape = /^[a-z]+ [a-z]+ [a-z]+ [a-z]+$/
const width = 320

// Signs in through the form and waits for the account's landing page.
async function signIn (page, username, password, landing) {
  await page.goto(base + '/sign-in')
  await page.fill('#username', username)
  await page.fill('#password', password)
  await page.click('button:has-text("Sign in")')
  await page.waitForURL(landing)
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
})
const started = Date.now()
let step = 'start'
try {
  const noScript = new WeakSet() // pages whose context has JavaScript off
  const phone = async (javaScriptEnabled = true) => {
    const page = await (await browser.newContext({ viewport: { width, height: 640 }, javaScriptEnabled })).newPage()
    if (!javaScriptEnabled) noScript.add(page)
    return page
  }
  const shot = (view, name) => view.screenshot({ path: `${artefacts}/${name}-${width}.png`, fullPage: true })

  // Each page is checked as it is reached: most exist only once (the answer to a post, a link
  // shown once). axe runs a script in the page, which never finishes with JavaScript off: such a
  // page's HTML, as the browser received it, is served again at its own address to `scripted`
  // (JavaScript on) and checked there.
  const scripted = await phone(true)
  let violations = 0
  let overflows = 0
  let audited = 0
  const audit = async (view, label) => {
    const scrollWidth = await view.evaluate(() => document.documentElement.scrollWidth)
    if (scrollWidth > width) {
      // The innermost elements that reach past the right edge: what makes the page scroll.
      const widest = await view.evaluate((edge) => [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > edge && ![...e.children].some((c) => c.getBoundingClientRect().right > edge))
        .slice(0, 3).map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className.split(' ').join('.') : '') +
          ` "${e.textContent.trim().slice(0, 30)}"`).join(', '), width)
      console.error(`reflow: ${label}: ${scrollWidth - width} px of horizontal scrolling at ${width} px (${widest})`)
      overflows++
    }
    let checked = view
    if (noScript.has(view)) {
      const html = await view.content()
      const address = new URL(view.url())
      const same = (url) => url.origin === address.origin && url.pathname === address.pathname && url.search === address.search
      await scripted.goto('about:blank')
      await scripted.route(same, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }))
      await scripted.goto(address.href)
      await scripted.unroute(same)
      assert.equal(await scripted.title(), await view.title(), `the same page is checked: ${label}`)
      checked = scripted
    }
    violations += await axeViolations(checked, label)
    audited++
  }

  // ---------------------------------------------------------------------------------------------
  // 1. An admin creates a provider representative who then answers a complaint (JavaScript on).
  step = 'a participant drafts a complaint to Seetec and says they sent it (JavaScript on, 320 px)'
  const what = 'The office cancelled my appointment three times and would not pay my bus fares.'
  const wanted = 'Pay my bus fares and give me a fixed appointment time.'
  const answer = 'We are sorry. We have paid your fares and booked a fixed weekly appointment.'
  const participant = await phone(true)
  await participant.goto(base + '/search?q=Seetec')
  await audit(participant, '/search?q=Seetec')
  await participant.click('a.govuk-link:has-text("Seetec")')
  await participant.waitForURL(/\/providers\/\d+$/)
  const providerPath = new URL(participant.url()).pathname
  await audit(participant, providerPath)
  await participant.getByRole('button', { name: 'Make a complaint' }).click() // a link styled as a button
  await participant.waitForURL(base + providerPath + '/complain')
  assert.equal((await participant.textContent('h1')).trim(), 'Make an official complaint')
  await audit(participant, providerPath + '/complain')
  await participant.getByLabel('Travel costs not paid', { exact: true }).check()
  await participant.fill('#what_happened', what)
  await participant.fill('#wanted', wanted)
  await participant.click('button:has-text("Draft my complaint")')
  await participant.waitForSelector('h1:has-text("Your complaint is drafted")')
  const codename = (await participant.textContent('#codename strong')).trim()
  assert.match(codename, codenameShape)
  const letter = await participant.inputValue('#letter')
  assert.ok(letter.includes(what) && letter.includes(wanted), `the letter is in their own words: ${letter}`)
  await audit(participant, providerPath + '/complain (drafted)')
  await shot(participant, 'answers-1-complaint-drafted')
  await participant.getByRole('link', { name: 'Follow your complaint' }).click()
  await participant.waitForURL(base + '/complaints/mine')
  await audit(participant, '/complaints/mine')
  await participant.fill('#codename', codename)
  await participant.click('button:has-text("Continue")')
  await participant.waitForSelector('h1:has-text("Your complaints")')
  const mine = participant.locator('.pw-story[id^="complaint-"]')
  assert.equal(await mine.count(), 1, 'one complaint under this codename')
  const complaintId = await mine.getAttribute('id')
  assert.ok((await mine.textContent()).includes('Drafted, not sent yet'))
  await audit(participant, '/complaints/mine (drafted)')
  await mine.getByLabel('I have sent it to the provider').check()
  await mine.getByRole('button', { name: 'Update this complaint' }).click()
  await participant.waitForSelector('.govuk-notification-banner:has-text("Your complaint is updated.")')
  const sent = await participant.textContent(`#${complaintId}`)
  assert.ok(sent.includes('Sent to the provider') && sent.includes('The final response is due by the week of'), sent)
  await audit(participant, '/complaints/mine (sent)')

  step = 'an admin creates a provider representative for Seetec (320 px)'
  const admin = await phone(true)
  await admin.goto(base + '/sign-in')
  await audit(admin, '/sign-in')
  await signIn(admin, 'admin', adminPassword, /\/moderate$/)
  await audit(admin, '/moderate (an admin)')
  await admin.goto(base + '/admin')
  assert.equal((await admin.textContent('h1')).trim(), 'Accounts')
  await audit(admin, '/admin')
  const username = 'seetec.answers'
  await admin.fill('#username', username)
  await admin.getByLabel('Provider representative', { exact: true }).check()
  await admin.selectOption('#provider', { label: 'Seetec' })
  await admin.click('button:has-text("Create account")')
  await admin.waitForSelector('h1:has-text("Account created")')
  const link = (await admin.textContent('#set-up-link strong')).trim()
  assert.match(link, /^http:\/\/127\.0\.0\.1:[0-9]+\/set-up\/[0-9a-f]{64}$/, 'the whole one-time set-up link is shown')
  await audit(admin, '/admin/accounts (created)')
  await shot(admin, 'answers-2-account-created')
  await admin.getByRole('link', { name: 'Back to accounts' }).click()
  await admin.waitForURL(base + '/admin')
  const row = admin.locator('tr', { hasText: username })
  const accountId = (await row.getAttribute('id')).replace('account-', '')
  const waiting = await row.textContent()
  assert.ok(waiting.includes('Provider representative for Seetec') && waiting.includes('Waiting for set-up'), waiting)
  await audit(admin, '/admin (an account waiting for set-up)')

  step = 'the representative chooses a password with the link and signs in (320 px)'
  const password = 'correct horse battery staple answers'
  const rep = await phone(true)
  await rep.goto(link)
  assert.equal((await rep.textContent('h1')).trim(), 'Choose your password')
  await audit(rep, '/set-up/{token}')
  await rep.fill('#password', password)
  await rep.fill('#confirm', password)
  await rep.click('button:has-text("Set my password")')
  await rep.waitForSelector('h1:has-text("Your account is ready")')
  await audit(rep, '/set-up/{token} (done)')
  await rep.locator('main').getByRole('link', { name: 'Sign in' }).click()
  await rep.waitForURL(base + '/sign-in')
  await rep.fill('#username', username)
  await rep.fill('#password', password)
  await rep.click('button:has-text("Sign in")')
  await rep.waitForURL(base + '/provider-area')
  assert.equal((await rep.textContent('h1')).trim(), 'Stories about your organisation')
  await audit(rep, '/provider-area (the new representative)')

  step = 'the set-up link does not work a second time (320 px)'
  const stranger = await phone(true)
  await stranger.goto(link)
  await stranger.fill('#password', 'another long password here')
  await stranger.fill('#confirm', 'another long password here')
  await stranger.click('button:has-text("Set my password")')
  await stranger.waitForSelector('.govuk-error-summary')
  assert.ok((await stranger.textContent('.govuk-error-summary')).includes('This set-up link does not work'))
  await audit(stranger, '/set-up/{token} (used)')
  await shot(stranger, 'answers-3-set-up-link-used')
  await stranger.goto(base + '/sign-in')
  await stranger.fill('#username', username)
  await stranger.fill('#password', 'another long password here')
  await stranger.click('button:has-text("Sign in")')
  assert.ok((await stranger.textContent('.govuk-error-summary')).includes('The username or password is not right'),
    'the second use changed no password')
  await audit(stranger, '/sign-in (errors)')
  await stranger.context().close()

  step = 'the representative acknowledges the complaint, then sends a final response (320 px)'
  await rep.locator('main').getByRole('link', { name: 'Complaints', exact: true }).click()
  await rep.waitForURL(base + '/provider-area/complaints')
  assert.equal((await rep.textContent('h1')).trim(), 'Complaints to your organisation')
  const received = rep.locator(`#${complaintId}`)
  const before = await received.textContent()
  assert.ok(before.includes(what) && before.includes('Sent to the provider'), before)
  await audit(rep, '/provider-area/complaints')
  await received.getByRole('button', { name: 'Acknowledge this complaint' }).click()
  await received.locator('.govuk-tag', { hasText: 'Acknowledged by the provider' }).waitFor()
  assert.ok((await rep.textContent('.govuk-notification-banner')).includes('Done.'))
  await audit(rep, '/complaints/{id}/answer (acknowledged)')
  await received.getByLabel('Final response (the person who complained reads it)').fill(answer)
  await received.getByRole('button', { name: 'Send final response' }).click()
  await received.locator('.govuk-tag', { hasText: 'Final response received' }).waitFor()
  assert.equal(await received.locator('form').count(), 0, 'a complaint with its final response is not answered again')
  await audit(rep, '/complaints/{id}/answer (final response)')
  await shot(rep, 'answers-4-provider-complaints')
  await rep.context().close()

  step = 'the participant reads the final response with their codename (320 px)'
  await participant.goto(base + '/complaints/mine')
  await participant.fill('#codename', codename)
  await participant.click('button:has-text("Continue")')
  await participant.waitForSelector('h1:has-text("Your complaints")')
  const answered = participant.locator(`#${complaintId}`)
  await answered.locator('.govuk-tag', { hasText: 'Final response received' }).waitFor()
  const response = await answered.locator('.govuk-inset-text').textContent()
  assert.ok(response.includes("Seetec's final response") && response.includes(answer), response)
  assert.ok((await answered.textContent()).includes('You can now ask the Independent Case Examiner'),
    'after a final response the ICE route is open')
  await audit(participant, '/complaints/mine (final response)')
  await shot(participant, 'answers-5-final-response')
  await participant.context().close()

  step = "the admin's audit log shows the account made and set up (320 px)"
  await admin.goto(base + '/admin')
  assert.ok((await admin.locator('tr', { hasText: username }).textContent()).includes('Active'), 'the account is set up')
  await audit(admin, '/admin (the account active)')
  await admin.locator('main').getByRole('link', { name: 'Audit log' }).click()
  await admin.waitForURL(base + '/admin/audit')
  // What, object, change, by, month: one row for the account made by the admin, one for its set-up.
  const events = await admin.$$eval('main tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())))
  const about = events.filter(([, object]) => object === `account ${accountId}`)
  const created = about.filter(([what]) => what === 'account.created')
  assert.equal(created.length, 1, `the account's creation is logged once: ${JSON.stringify(events)}`)
  assert.ok(created[0][2].includes('provider') && created[0][3] === 'admin', `made by an admin: ${created[0]}`)
  assert.equal(about.filter(([what]) => what === 'account.set_up').length, 1, `the set-up is logged once: ${JSON.stringify(about)}`)
  await audit(admin, '/admin/audit')
  await shot(admin, 'answers-6-audit')

  step = "the admin imports Seetec's complaints procedure from a file (320 px)"
  await admin.goto(base + '/admin/imports')
  await audit(admin, '/admin/imports')
  await admin.click('button:has-text("Import")')
  assert.ok((await admin.textContent('.govuk-error-summary')).includes('Select what is in the file'), 'an empty form is refused')
  await audit(admin, '/admin/imports (errors)')
  await admin.getByLabel('Complaints procedures', { exact: true }).check()
  await admin.setInputFiles('#file', {
    name: 'procedures.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('provider,how_to_complain,contact,url,source\r\n' +
      'Seetec,Write to the Customer Relations Manager; we answer within 15 working days,' +
      'complaints@example.org,https://example.org/complain,Seetec customer charter\r\n')
  })
  await admin.click('button:has-text("Import")')
  assert.ok((await admin.textContent('.govuk-notification-banner')).includes('procedures.csv: 1 row read, 1 added'), 'the file is imported')
  await audit(admin, '/admin/imports (done)')
  await shot(admin, 'answers-7-imported')
  await admin.context().close()

  // ---------------------------------------------------------------------------------------------
  // 2. Drafted, sent, no final response in 8 weeks, the ICE (JavaScript off).
  step = 'with JavaScript off, a participant drafts a complaint to Seetec (320 px)'
  const plain = await phone(false)
  await plain.goto(base + '/complaints')
  await audit(plain, '/complaints')
  await plain.goto(base + '/search?q=Seetec')
  await plain.click('a.govuk-link:has-text("Seetec")')
  await plain.waitForURL(base + providerPath)
  await audit(plain, providerPath + ' (JavaScript off)')
  await plain.getByRole('button', { name: 'Make a complaint' }).click()
  await plain.waitForURL(base + providerPath + '/complain')
  // The procedure the admin imported, once the server has reloaded its registry.
  for (let tries = 0; !(await plain.$('#complaints-procedure')) && tries < 30; tries++) {
    await plain.waitForTimeout(500)
    await plain.reload()
  }
  assert.ok((await plain.textContent('#complaints-procedure')).includes('Customer Relations Manager'), "Seetec's own procedure is shown")
  await plain.click('button:has-text("Draft my complaint")')
  const errors = await plain.textContent('.govuk-error-summary')
  assert.ok(errors.includes('Select what the complaint is about'), errors)
  await audit(plain, providerPath + '/complain (errors)')
  await plain.getByLabel('How an adviser treated me', { exact: true }).check()
  await plain.fill('#what_happened', 'My adviser shouted at me in front of other people in the waiting room.')
  await plain.fill('#wanted', 'An apology and a different adviser.')
  await plain.click('button:has-text("Draft my complaint")')
  await plain.waitForSelector('h1:has-text("Your complaint is drafted")')
  const plainCodename = (await plain.textContent('#codename strong')).trim()
  assert.match(plainCodename, codenameShape)
  await audit(plain, providerPath + '/complain (drafted, JavaScript off)')

  step = 'with JavaScript off, the participant says they sent it (320 px)'
  await plain.getByRole('link', { name: 'Follow your complaint' }).click()
  await plain.waitForURL(base + '/complaints/mine')
  await plain.fill('#codename', plainCodename)
  await plain.click('button:has-text("Continue")')
  await plain.waitForSelector('h1:has-text("Your complaints")')
  const drafted = plain.locator('.pw-story[id^="complaint-"]')
  assert.equal(await drafted.count(), 1, 'one complaint under this codename')
  const plainId = await drafted.getAttribute('id')
  await drafted.getByLabel('I have sent it to the provider').check()
  await drafted.getByRole('button', { name: 'Update this complaint' }).click()
  await plain.waitForSelector('.govuk-notification-banner:has-text("Your complaint is updated.")')
  const justSent = await plain.textContent(`#${plainId}`)
  assert.ok(justSent.includes('Sent to the provider'), justSent)
  assert.ok(!justSent.includes('No final response after 8 weeks'), 'not overdue in the week it was sent')
  assert.equal(await plain.locator(`#${plainId} input[value="taken_to_ice"]`).count(), 0, 'the ICE is not offered yet')
  await audit(plain, '/complaints/mine (sent, JavaScript off)')

  step = 'with JavaScript off, 8 weeks later with no final response, the ICE route (320 px)'
  await plain.goto(later + '/complaints/mine')
  await audit(plain, '/complaints/mine (later)')
  await plain.fill('#codename', plainCodename)
  await plain.click('button:has-text("Continue")')
  await plain.waitForSelector('h1:has-text("Your complaints")')
  const overdue = plain.locator(`#${plainId}`)
  assert.equal(await overdue.locator('.govuk-tag--red', { hasText: 'No final response after 8 weeks' }).count(), 1,
    'the complaint is overdue')
  const warning = await overdue.locator('.govuk-warning-text').textContent()
  assert.ok(warning.includes('Seetec has not given a final response within 8 weeks.') &&
    warning.includes('You can now ask the Independent Case Examiner'), warning)
  await audit(plain, '/complaints/mine (no final response after 8 weeks)')
  await shot(plain, 'answers-7-overdue')
  await overdue.locator('.govuk-warning-text').getByRole('link', { name: 'Independent Case Examiner' }).click()
  await plain.waitForURL(later + '/complaints#ice')
  assert.equal((await plain.textContent('#ice')).trim(), 'The Independent Case Examiner')
  assert.ok((await plain.textContent('main')).includes('when 8 weeks have passed since you made your official complaint'))
  await audit(plain, '/complaints#ice')
  await shot(plain, 'answers-8-ice')

  step = 'with JavaScript off, the participant records that they took it to the ICE (320 px)'
  await plain.goto(later + '/complaints/mine')
  await plain.fill('#codename', plainCodename)
  await plain.click('button:has-text("Continue")')
  await plain.waitForSelector('h1:has-text("Your complaints")')
  await plain.locator(`#${plainId}`).getByLabel('I have taken it to the Independent Case Examiner').check()
  await plain.locator(`#${plainId}`).getByRole('button', { name: 'Update this complaint' }).click()
  await plain.waitForSelector('.govuk-notification-banner:has-text("Your complaint is updated.")')
  const taken = plain.locator(`#${plainId}`)
  assert.equal(await taken.locator('.govuk-tag', { hasText: 'Taken to the Independent Case Examiner' }).count(), 1,
    await taken.textContent())
  assert.equal(await taken.locator('.govuk-tag--red').count(), 0, 'no longer waiting for a final response')
  await audit(plain, '/complaints/mine (taken to the ICE)')
  await shot(plain, 'answers-9-taken-to-ice')
  await plain.context().close()
  await scripted.context().close()

  step = 'every page reached: axe-core and reflow at 320 px'
  console.log(`answers journeys: ${audited} pages checked with axe-core, ${violations} violations; ` +
    `horizontal scrolling at ${width} px on ${overflows}`)
  assert.equal(violations, 0, 'axe-core violations (listed above)')
  assert.equal(overflows, 0, 'pages with horizontal scrolling (listed above)')
  console.log(`browser answers: passed in ${((Date.now() - started) / 1000).toFixed(1)} s (screenshots in ${artefacts})`)
} catch (error) {
  console.error(`browser answers: failed at "${step}": ${error.message}`)
  process.exitCode = 1
} finally {
  await browser.close()
}
