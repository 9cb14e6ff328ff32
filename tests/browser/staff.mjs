// A staff member's report in real Chromium, at 320 px, once with JavaScript off and once with it on:
//  1. From the home page's link to the start page (what is kept and what is not), choose a prime,
//     fill in the form, see the redaction preview (a name marked to be taken out), send it and
//     get a codename, shown once; practise it, which opens the report as it is kept (redacted).
//  2. A moderator signs in, opens the staff reports, reads the report and replies.
//  3. The staff member comes back with the codename, reads the reply and adds more.
//  4. The public counts page.
// Every page is checked with axe-core (WCAG 2.2 A and AA) and for horizontal scrolling at 320 px.
// Screenshots go to $ARTEFACTS.
import { chromium } from 'playwright-core'
import { axeViolations } from './axe.mjs'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'

const base = process.env.BASE_URL
const artefacts = process.env.ARTEFACTS
const moderatorPassword = process.env.MODERATOR_PASSWORD
const researcherPassword = process.env.RESEARCHER_PASSWORD
mkdirSync(artefacts, { recursive: true })
const width = 320

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
})
const started = Date.now()
let detectionUrl = ''
let step = 'start'
let violations = 0
let overflows = 0
let audited = 0

// axe runs a script in the page, which never finishes with JavaScript off: the page's HTML, as the
// browser received it, is served again at its own address to `checker` (JavaScript on) and checked there.
let checker
async function audit (view, label) {
  const scrollWidth = await view.evaluate(() => document.documentElement.scrollWidth)
  if (scrollWidth > width) {
    console.error(`reflow: ${label}: ${scrollWidth - width} px of horizontal scrolling at ${width} px`)
    overflows++
  }
  const html = await view.content()
  const address = new URL(view.url())
  const same = (url) => url.origin === address.origin && url.pathname === address.pathname && url.search === address.search
  await checker.goto('about:blank')
  await checker.route(same, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }))
  await checker.goto(address.href)
  await checker.unroute(same)
  violations += await axeViolations(checker, label)
  audited++
}

const shot = (view, name) => view.screenshot({ path: `${artefacts}/${name}-${width}.png`, fullPage: true })

// The whole journey with JavaScript on or off; returns nothing, asserts as it goes.
async function journey (javaScriptEnabled) {
  const mode = javaScriptEnabled ? 'js' : 'nojs'
  const context = await browser.newContext({ viewport: { width, height: 640 }, javaScriptEnabled })
  const page = await context.newPage()

  step = `${mode}: the start page`
  await page.goto(base + '/')
  await page.locator('a', { hasText: 'Report it without giving your name' }).first().click()
  await page.waitForURL(base + '/staff-reports')
  assert.equal((await page.textContent('h1')).trim(), 'Report pressure to refer people for sanctions')
  assert.ok((await page.textContent('main')).includes('What we keep, and what we do not'))
  await audit(page, `/staff-reports (${mode})`)
  await shot(page, `staff-1-start-${mode}`)

  step = `${mode}: choose a prime`
  await page.getByRole('button', { name: 'Start a report' }).click()
  await page.waitForURL(base + '/staff-reports/new')
  await audit(page, `/staff-reports/new (${mode})`)
  await page.getByRole('button', { name: 'Continue' }).click()  // none chosen: an error
  assert.ok((await page.textContent('.govuk-error-summary')).includes('Select the prime'), 'no prime chosen is an error')
  await page.selectOption('#prime', { index: 1 })
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.waitForURL(/\/staff-reports\/new\?prime=[0-9]+$/)

  step = `${mode}: the form, an error, then the preview`
  await page.check('#role-adviser')
  await page.getByRole('button', { name: 'Check what we will keep' }).click()
  assert.ok((await page.textContent('.govuk-error-summary')).includes('Select at least one kind of pressure'))
  assert.ok(await page.isChecked('#role-adviser'), 'the other answers are kept')
  await audit(page, `the report form with errors (${mode})`)
  await page.check('#pressure-referral_numbers')
  await page.check('#pressure-improvement_plans')
  await page.fill('#started_month', '4')
  await page.fill('#started_year', '2026')
  await page.check('#continuing-yes')
  await page.fill('#text', `My team leader Malcolm Turner said each of us must refer three people a week or go on an improvement plan (${mode} run).`)
  await shot(page, `staff-2-form-${mode}`)
  await page.getByRole('button', { name: 'Check what we will keep' }).click()
  assert.equal((await page.textContent('h1')).trim(), 'Check your report before you send it')
  assert.ok(await page.locator('#preview .pw-removed').count() > 0, 'the name is marked to be taken out')
  assert.ok(!(await page.textContent('#preview')).includes('Malcolm'), 'the preview shows the name taken out')
  await audit(page, `the preview (${mode})`)
  await shot(page, `staff-3-preview-${mode}`)

  step = `${mode}: send, the codename, practise it`
  await page.getByRole('button', { name: 'Send report' }).click()
  assert.equal((await page.textContent('h1')).trim(), 'Your report is sent')
  const codename = (await page.textContent('#codename')).trim()
  assert.match(codename, /^([a-z]+ ){5}[a-z]+$/, `a codename of 6 words: ${codename}`)
  await audit(page, `the codename (${mode})`)
  await shot(page, `staff-4-codename-${mode}`)
  await page.fill('#practise', codename.toUpperCase())
  await page.getByRole('button', { name: 'Open my report' }).click()
  assert.equal((await page.textContent('h1')).trim(), 'Your staff report')
  const kept = await page.textContent('main')
  assert.ok(kept.includes('refer three people a week') && !kept.includes('Malcolm'), 'the report as it is kept, redacted')
  assert.ok(kept.includes('Received, waiting to be read'))
  await audit(page, `the report, opened with the codename (${mode})`)

  step = `${mode}: a moderator reads and replies`
  const desk = await (await browser.newContext({ viewport: { width, height: 640 }, javaScriptEnabled })).newPage()
  await desk.goto(base + '/sign-in')
  await desk.fill('#username', 'moderator')
  await desk.fill('#password', moderatorPassword)
  await desk.click('button:has-text("Sign in")')
  await desk.waitForURL(/\/moderate$/)
  await desk.goto(base + '/moderate/staff-reports')
  await audit(desk, `/moderate/staff-reports (${mode})`)
  // The list has every report so far, waiting ones first: open this run's.
  const links = await desk.locator('table a', { hasText: 'Read' }).evaluateAll((as) => as.map((a) => a.getAttribute('href')))
  let found = false
  for (const href of links) {
    await desk.goto(base + href)
    if ((await desk.textContent('main')).includes(`(${mode} run)`)) { found = true; break }
  }
  assert.ok(found, `the moderator finds this run's report among ${links.length}`)
  const reportUrl = desk.url()
  assert.ok((await desk.textContent('main')).includes('refer three people a week'), 'the moderator reads the report')
  await desk.fill('#text', 'Thank you. Was the target written down anywhere?')
  await desk.getByRole('button', { name: 'Send reply' }).click()
  assert.ok((await desk.textContent('main')).includes('Your reply is sent.'))
  await desk.getByRole('button', { name: 'Needs more from them' }).click()
  assert.ok((await desk.textContent('main')).includes('We need more from you'))
  await audit(desk, `a staff report, read by a moderator (${mode})`)
  await shot(desk, `staff-5-moderator-${mode}`)
  await desk.context().close()

  step = `${mode}: back with the codename, the reply, add more`
  await page.goto(base + '/staff-reports/mine')
  await page.fill('#codename', codename)
  await page.getByRole('button', { name: 'Continue' }).click()
  assert.ok((await page.textContent('main')).includes('Was the target written down anywhere?'), 'the reply is read with the codename')
  await page.fill('#text', 'Yes, in an email to the whole team.')
  await page.getByRole('button', { name: 'Send' }).click()
  assert.ok((await page.textContent('main')).includes('What you added is sent.'))
  assert.ok((await page.textContent('main')).includes('Received, waiting to be read'), 'more came: it is read again')
  await audit(page, `the report with a reply (${mode})`)
  await shot(page, `staff-6-reply-${mode}`)
  await context.close()

  step = `${mode}: a moderator finds it credible and reads it beside a detection report`
  const judge = await (await browser.newContext({ viewport: { width, height: 640 }, javaScriptEnabled })).newPage()
  await signIn(judge, 'moderator', moderatorPassword)
  await judge.goto(reportUrl)
  await judge.getByRole('button', { name: 'Credible' }).click()
  assert.ok((await judge.textContent('main')).includes('Link to a detection report'), 'a credible report can be linked')
  await judge.getByRole('button', { name: 'Link the reports' }).click()  // nothing typed: errors
  assert.ok((await judge.textContent('.govuk-error-summary')).includes('Paste the address of a kept detection report'))
  await audit(judge, `linking a staff report, with errors (${mode})`)
  await judge.fill('#address', base + detectionUrl)
  await judge.fill('#label', 'office-2')
  await judge.getByRole('button', { name: 'Link the reports' }).click()
  const linked = await judge.textContent('main')
  assert.ok(linked.includes('The report is linked to the detection report.'), 'linked')
  assert.ok(linked.includes('Unit office-2 of Provider A'), 'what the detection report found is shown beside it')
  await audit(judge, `a staff report linked to a detection report (${mode})`)
  await shot(judge, `staff-7-evidence-${mode}`)
  await judge.goto(base + detectionUrl)
  assert.ok((await judge.textContent('main')).includes('Staff reports read with this report'))
  await audit(judge, `a detection report with a staff report linked (${mode})`)
  await judge.context().close()
}

async function signIn (view, username, password) {
  await view.goto(base + '/sign-in')
  await view.fill('#username', username)
  await view.fill('#password', password)
  await view.click('button:has-text("Sign in")')
  await view.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
}

// A researcher's detection report on two offices' weekly counts, April to October 2026: its path.
async function makeDetectionReport () {
  const desk = await (await browser.newContext({ viewport: { width, height: 640 } })).newPage()
  await signIn(desk, 'researcher', researcherPassword)
  await desk.goto(base + '/research')
  let csv = 'unit,period,referrals,adverse,parent\n'
  for (let w = 14; w <= 44; w++) {
    for (const unit of ['office-1', 'office-2']) csv += `${unit},2026-W${w},${3 + (w % 3)},1,Provider A\n`
  }
  await desk.setInputFiles('#file', { name: 'offices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await desk.check('#format-counts')
  await desk.click('button:has-text("Run the tests")')
  await desk.waitForSelector('h1:has-text("Target detection report")')
  const path = new URL(desk.url()).pathname
  assert.match(path, /^\/research\/reports\/\d+$/)
  await desk.context().close()
  return path
}

try {
  checker = await (await browser.newContext({ viewport: { width, height: 640 } })).newPage()
  step = 'a researcher makes a detection report'
  detectionUrl = await makeDetectionReport()
  await journey(false)
  await journey(true)
  step = 'the public counts'
  const counts = await (await browser.newContext({ viewport: { width, height: 640 }, javaScriptEnabled: false })).newPage()
  await counts.goto(base + '/staff-reports/figures')
  assert.equal((await counts.textContent('h1')).trim(), 'Staff reports of pressure to refer for sanctions')
  assert.ok((await counts.textContent('main')).includes('Referral targets reported elsewhere'))
  await audit(counts, '/staff-reports/figures')
  await shot(counts, 'staff-8-figures')
  console.log(`staff journey: ${audited} pages checked with axe-core, ${violations} violations; ` +
    `horizontal scrolling at ${width} px on ${overflows}`)
  assert.equal(violations, 0, 'axe-core violations (above)')
  assert.equal(overflows, 0, `pages that scroll sideways at ${width} px (above)`)
  console.log(`staff journey: passed in ${((Date.now() - started) / 1000).toFixed(1)} s (screenshots in ${artefacts})`)
} catch (error) {
  console.error(`staff journey: failed at "${step}": ${error.message}`)
  process.exitCode = 1
} finally {
  await browser.close()
}
