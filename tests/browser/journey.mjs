// A participant's journey in real Chromium: find a provider, rate it, tell a story and see what
// redaction removes, get a codename; a moderator approves; the provider responds, and a moderator
// approves that too; the public page shows both. Screenshots at 320 px and 1280 px go to $ARTEFACTS.
import { chromium } from 'playwright-core'
import { axeViolations } from './axe.mjs'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'

const base = process.env.BASE_URL
const artefacts = process.env.ARTEFACTS
const moderatorPassword = process.env.MODERATOR_PASSWORD
const providerPassword = process.env.PROVIDER_PASSWORD
const researcherPassword = process.env.RESEARCHER_PASSWORD
mkdirSync(artefacts, { recursive: true })

// Pages reached by following links from `start`, breadth first: same site, HTML only, at most 3
// addresses of each shape (digits stand for ids), at most `limit` pages.
async function crawl (page, start, limit) {
  const seen = new Set()
  const shapes = new Map()
  const queue = [...start]
  const found = []
  while (queue.length && found.length < limit) {
    const path = queue.shift()
    if (seen.has(path)) continue
    seen.add(path)
    const shape = path.replace(/\d+/g, '{n}').replace(/\?.*/, '?')
    if ((shapes.get(shape) || 0) >= 3) continue
    shapes.set(shape, (shapes.get(shape) || 0) + 1)
    let response
    try {
      response = await page.goto(base + path)
    } catch {
      continue // a download, not a page
    }
    if (!response || !(response.headers()['content-type'] || '').startsWith('text/html')) continue
    found.push({ path, headers: response.headers() })
    for (const href of await page.$$eval('a[href]', links => links.map(l => l.getAttribute('href')))) {
      const url = new URL(href, base + path)
      if (url.origin !== new URL(base).origin) continue
      if (/^\/(assets|static|api)\//.test(url.pathname) || /\.(csv|json|pdf|txt)$/.test(url.pathname)) continue
      queue.push(url.pathname + url.search)
    }
  }
  return found
}

// Signs in through the form and waits for the account's landing page.
async function signIn (page, username, password, landing) {
  await page.goto(base + '/sign-in')
  await page.fill('#username', username)
  await page.fill('#password', password)
  await page.click('button:has-text("Sign in")')
  await page.waitForURL(landing)
}

// What the security headers of a page lack (DESIGN.md, web rules).
function headerProblems (headers) {
  const faults = []
  const csp = headers['content-security-policy'] || ''
  if (!csp) faults.push('no Content-Security-Policy')
  const scripts = (csp.match(/script-src[^;]*/) || csp.match(/default-src[^;]*/) || [''])[0]
  if (scripts.includes("'unsafe-inline'")) faults.push("scripts allow 'unsafe-inline'")
  if (!/frame-ancestors 'none'/.test(csp)) faults.push("no frame-ancestors 'none'")
  if (headers['x-content-type-options'] !== 'nosniff') faults.push('no X-Content-Type-Options: nosniff')
  if (!headers['referrer-policy']) faults.push('no Referrer-Policy')
  const cookie = headers['set-cookie'] || ''
  if (cookie && !/^__Host-/.test(cookie)) faults.push('a cookie without the __Host- prefix')
  if (cookie && !/HttpOnly/.test(cookie)) faults.push('a cookie without HttpOnly')
  if (cookie && !/SameSite=/.test(cookie)) faults.push('a cookie without SameSite')
  return faults
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
})
let step = 'start'
try {
  const phone = await browser.newContext({ viewport: { width: 320, height: 640 } })
  const page = await phone.newPage()
  const shot = async (name) => page.screenshot({ path: `${artefacts}/${name}-320.png`, fullPage: true })

  step = 'find the provider by typing its name (accessible autocomplete)'
  await page.goto(base + '/')
  await page.locator('#q').pressSequentially('Seet', { delay: 50 })
  await page.locator('li.autocomplete__option', { hasText: 'Seetec' }).first().click()
  await page.waitForURL(/\/providers\/\d+$/)
  const providerUrl = page.url()
  assert.match(await page.textContent('h1'), /Seetec/)
  await shot('1-provider')

  step = 'rate with a story'
  await page.click('text=Rate this provider')
  await page.check('#area') // Seetec works in several areas: the first
  await page.check('#stars-1') // the second option: 4 stars
  await page.fill('#story', 'My work coach Sarah told me to ring 07700 900123. The office was cold but staff listened.')
  await page.click('button:has-text("Send rating")')
  await page.waitForSelector('#preview')
  const preview = await page.textContent('#preview')
  assert.ok(preview.includes('[an adviser]') && preview.includes('[phone number]'), preview)
  assert.ok(!preview.includes('07700'), 'the phone number is not in the preview')
  await shot('2-preview')
  await page.click('button:has-text("Send rating and story")')
  await page.waitForSelector('.govuk-panel--confirmation')
  const codename = (await page.textContent('#codename')).trim()
  assert.match(codename, /^[a-z]+ [a-z]+ [a-z]+ [a-z]+$/)
  await shot('3-codename')

  step = 'a moderator approves'
  const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const mod = await staff.newPage()
  await signIn(mod, 'moderator', moderatorPassword, /\/moderate$/)
  assert.ok((await mod.textContent('.pw-story')).includes('[an adviser]'))
  await mod.screenshot({ path: `${artefacts}/4-moderation-1280.png`, fullPage: true })
  await mod.click('button:has-text("Approve and publish")')
  await mod.waitForSelector('text=Done.')
  await mod.click('button:has-text("Sign out")')

  step = 'the provider responds'
  await signIn(mod, 'seetec', providerPassword, /\/provider-area$/)
  await mod.fill('textarea[name="text"]', 'Thank you. We have fixed the heating.')
  await mod.click('button:has-text("Send response")')
  await mod.waitForSelector('text=Your response is waiting for a moderator')
  await mod.click('button:has-text("Sign out")')

  step = 'a moderator approves the response'
  await signIn(mod, 'moderator', moderatorPassword, /\/moderate$/)
  assert.ok((await mod.textContent('main')).includes('Thank you. We have fixed the heating.'))
  await mod.click('button:has-text("Approve and publish")')
  await mod.waitForSelector('text=Done.')
  await mod.click('button:has-text("Sign out")')

  step = 'the public page shows the story and the response'
  for (const width of [320, 1280]) {
    const viewer = await browser.newContext({ viewport: { width, height: 900 } })
    const pub = await viewer.newPage()
    await new Promise((resolve) => setTimeout(resolve, 2100)) // the public page cache lives 2 s
    await pub.goto(providerUrl)
    const body = await pub.textContent('main')
    assert.ok(body.includes('The office was cold but staff listened.'), 'story published')
    assert.ok(body.includes('Thank you. We have fixed the heating.'), 'response published')
    assert.ok(!body.includes('Sarah') && !body.includes('07700'), 'nothing redacted is public')
    const overflow = await pub.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (${overflow} px over)`)
    await pub.screenshot({ path: `${artefacts}/5-public-${width}.png`, fullPage: true })
    await viewer.close()
  }
  step = 'log a sanction referral and follow it to a reconsideration letter (320 px)'
  const phone2 = await browser.newContext({ viewport: { width: 320, height: 640 } })
  const s = await phone2.newPage()
  await s.goto(base + '/sanctions/log')
  await s.selectOption('#referrer', { label: 'Seetec' })
  await s.check('#reason-missed-appointment')
  await s.fill('#referral_month', '1')
  await s.fill('#referral_year', '2026')
  await s.check('#good-illness')
  await s.check('#travel-no')
  await s.check('#benefit')
  await s.screenshot({ path: `${artefacts}/6-sanction-log-320.png`, fullPage: true })
  await s.click('button:has-text("Log the referral")')
  const caseCodename = (await s.textContent('#codename')).trim()
  assert.match(caseCodename, /^[a-z]+ [a-z]+ [a-z]+ [a-z]+$/)
  await s.goto(base + '/sanctions/mine')
  await s.fill('#codename', caseCodename)
  await s.click('button:has-text("Continue")')
  await s.selectOption('select[name="to"]', 'adverse')
  await s.fill('input[name="step_month"]', '2')
  await s.fill('input[name="step_year"]', '2026')
  await s.click('button:has-text("Record it")')
  await s.waitForSelector('text=Your case is updated.')
  await s.fill('input[name="decision_date"]', '2026-02-02')
  await s.fill('textarea[name="explanation"]', 'I was in hospital that day.')
  // Names in Polish, Welsh, Romanian, Urdu and Arabic, typed for the letter alone.
  const senderName = 'Łukasz Wróbel'
  const senderLines = ['Gwenllïan ap Dafydd, Llŷr Gŵyr', 'Ștefan Țăranu', 'عائشہ صدیقی', 'محمد عبد الله']
  await s.fill('input[name="sender_name"]', senderName)
  await s.fill('textarea[name="sender_address"]', senderLines.join('\n'))
  await s.click('button:has-text("Show my deadline and letter")')
  const letter = await s.textContent('#letter')
  assert.ok(letter.includes('I was in hospital that day.') && letter.includes('referred by Seetec'), letter)
  const overflow = await s.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  assert.ok(overflow <= 0, `no horizontal scrolling on the letter at 320 px (${overflow} px over)`)
  await s.screenshot({ path: `${artefacts}/7-sanction-letter-320.png`, fullPage: true })
  // The PDF as it prints: its first page drawn by pdftoppm, shown and kept with the screenshots.
  const [download] = await Promise.all([s.waitForEvent('download'), s.click('button:has-text("Download as PDF")')])
  const pdfPath = `${artefacts}/7-sanction-letter.pdf`
  await download.saveAs(pdfPath)
  const printed = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
  for (const words of [senderName, ...senderLines]) assert.ok(printed.includes(words), `${words} is not in the PDF: ${printed}`)
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, `${artefacts}/7-sanction-letter-pdf`])
  const png = readFileSync(`${artefacts}/7-sanction-letter-pdf.png`)
  const viewer = await phone2.newPage()
  await viewer.setViewportSize({ width: 700, height: 960 })
  await viewer.setContent(`<img id="pdf" alt="The letter's first page" src="data:image/png;base64,${png.toString('base64')}">`)
  const drawn = await viewer.evaluate(() => {
    const img = document.getElementById('pdf')
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const context = canvas.getContext('2d')
    context.drawImage(img, 0, 0)
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data
    let ink = 0
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) ink++
    return { width: img.naturalWidth, height: img.naturalHeight, ink: ink / (pixels.length / 4) }
  })
  // A4 at 80 dpi is 661 by 935 pixels; a page of text inks a few per cent of it, a blank page none.
  assert.ok(Math.abs(drawn.width - 661) <= 2 && Math.abs(drawn.height - 935) <= 2, JSON.stringify(drawn))
  assert.ok(drawn.ink > 0.01 && drawn.ink < 0.3, `the page is blank or solid: ${JSON.stringify(drawn)}`)
  await viewer.screenshot({ path: `${artefacts}/7-sanction-letter-pdf-page-1.png`, fullPage: true })
  await viewer.close()

  step = 'the participant journey with JavaScript off'
  const noScript = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false })
  const n = await noScript.newPage()
  await n.goto(base + '/')
  await n.fill('#q', 'Seetec')
  await n.click('button:has-text("Search")')
  await n.waitForURL(/\/search\?q=Seetec/)
  await n.click('a.govuk-link:has-text("Seetec")')
  await n.waitForURL(/\/providers\/\d+$/)
  await n.click('text=Rate this provider')
  await n.check('#area')
  await n.check('#stars')
  await n.fill('#story', 'Without JavaScript it still works. Ring me on 07700 900456.')
  await n.click('button:has-text("Send rating")')
  assert.ok((await n.textContent('#preview')).includes('[phone number]'))
  await n.click('button:has-text("Send rating and story")')
  assert.match((await n.textContent('#codename')).trim(), /^[a-z]+ [a-z]+ [a-z]+ [a-z]+$/)
  await n.goto(base + '/sanctions/log')
  await n.click('button:has-text("Log the referral")')
  assert.ok((await n.textContent('.govuk-error-summary')).includes('Select who referred you'))
  await n.screenshot({ path: `${artefacts}/8-no-javascript-errors-320.png`, fullPage: true })
  // The whole sanction log with JavaScript off: the referrer is a plain select, dates are typed.
  await n.selectOption('#referrer', { index: 1 })
  await n.check('input[name="reason"] >> nth=0')
  await n.fill('#referral_month', '3')
  await n.fill('#referral_year', '2026')
  await n.check('input[name="good_reason"] >> nth=0')
  await n.check('#travel-no')
  await n.check('input[name="benefit"] >> nth=0')
  await n.click('button:has-text("Log the referral")')
  await n.waitForSelector('h1:has-text("Your referral is logged")')
  assert.match((await n.textContent('#codename')).trim(), /^[a-z]+ [a-z]+ [a-z]+ [a-z]+$/)

  step = 'suggest an improvement (320 px): the form, a preview, a codename'
  // Each page of this journey is checked with axe and for horizontal scrolling as it is reached:
  // some (the queues with a suggestion or a note in them, the rating form asking about a change)
  // exist only for a moment, so the crawler below would not find them. axe runs a script in the
  // page, which never finishes with JavaScript off: such a page is checked at the same address in
  // `scripted` (same HTML, JavaScript on); one that answers a post, which cannot be loaded again,
  // gets `axeOn` null and only the reflow check.
  let suggestionViolations = 0
  let suggestionOverflows = 0
  let audited = 0
  const scripted = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage()
  const audit = async (view, label, axeOn = view) => {
    if (axeOn && axeOn !== view) await axeOn.goto(view.url())
    if (axeOn) {
      suggestionViolations += await axeViolations(axeOn, label)
      audited++
    }
    const over = await view.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    if (over > 0) {
      console.error(`reflow: ${label}: ${over} px of horizontal scrolling at 320 px`)
      suggestionOverflows++
    }
  }
  const idea = 'Please open the office at 8am on Mondays for people who work night shifts. My number is 07700 900789.'
  const ideaKept = 'Please open the office at 8am on Mondays' // nothing in it is redacted
  const doneNote = 'Since March the office opens at 8am on Mondays.'
  const suggester = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage()
  await suggester.goto(base + '/search?q=seetec')
  await suggester.click('a.govuk-link:has-text("Seetec")')
  await suggester.waitForURL(/\/providers\/\d+$/)
  const providerPath = new URL(suggester.url()).pathname
  await suggester.getByRole('button', { name: 'Suggest an improvement' }).click() // a link styled as a button
  await suggester.waitForURL(base + providerPath + '/suggest')
  await audit(suggester, providerPath + '/suggest')
  await suggester.fill('#text', idea)
  await suggester.click('button:has-text("Continue")')
  await suggester.waitForSelector('h1:has-text("Check your suggestion before you send it")')
  const ideaPreview = await suggester.textContent('#preview')
  assert.ok(ideaPreview.includes('[phone number]') && !ideaPreview.includes('07700'), ideaPreview)
  await audit(suggester, providerPath + '/suggest (preview)')
  await suggester.screenshot({ path: `${artefacts}/10-suggest-preview-320.png`, fullPage: true })
  await suggester.click('button:has-text("Send suggestion")')
  await suggester.waitForSelector('h1:has-text("Your suggestion is sent")')
  assert.match((await suggester.textContent('#codename strong')).trim(), /^[a-z]+ [a-z]+ [a-z]+ [a-z]+$/)
  await audit(suggester, providerPath + '/suggest (sent)')
  await suggester.screenshot({ path: `${artefacts}/11-suggestion-sent-320.png`, fullPage: true })
  await suggester.context().close()

  step = 'a moderator publishes the suggestion (320 px)'
  const desk = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage()
  await signIn(desk, 'moderator', moderatorPassword, /\/moderate$/)
  // Under its own heading, and the button's accessible name says what it approves: the queue has
  // other "Approve and publish" buttons.
  const waitingIdea = desk.locator('h2:has-text("Suggestions waiting") ~ div.pw-story', { hasText: ideaKept })
  assert.ok(!(await waitingIdea.textContent()).includes('07700'), 'the moderator reads the redacted text')
  await audit(desk, '/moderate (a suggestion waiting)')
  await waitingIdea.getByRole('button', { name: 'Approve and publish this suggestion' }).click()
  await desk.waitForSelector('text=Done.')
  await desk.click('button:has-text("Sign out")')

  step = 'the provider answers: under consideration, planned, a change made (320 px)'
  await signIn(desk, 'seetec', providerPassword, /\/provider-area$/)
  await desk.goto(base + '/provider-area/suggestions')
  await audit(desk, '/provider-area/suggestions')
  const answering = desk.locator('.pw-story', { hasText: ideaKept })
  for (const [move, state, note] of [['Under consideration', 'Under consideration', ''], ['Planned', 'Planned', ''],
    ['Change made (say why, or what was done)', 'Change made', doneNote]]) {
    await answering.getByLabel(move, { exact: true }).check()
    if (note) await answering.getByLabel('Note for the public').fill(note)
    await answering.getByRole('button', { name: 'Send answer' }).click()
    // The answer's own page shows the suggestion's new state in its heading.
    await answering.locator('h2 .govuk-tag', { hasText: state }).waitFor()
  }
  assert.ok((await desk.textContent('.govuk-notification-banner')).includes('Done.'))
  await audit(desk, '/provider-area/suggestions (answered)')
  await desk.screenshot({ path: `${artefacts}/12-provider-suggestions-320.png`, fullPage: true })
  await desk.click('button:has-text("Sign out")')

  step = 'a moderator publishes the provider\'s note (320 px)'
  await signIn(desk, 'moderator', moderatorPassword, /\/moderate$/)
  const approveNote = desk.locator('h2:has-text("Providers\' notes on suggestions waiting") ~ div.pw-story')
    .getByRole('button', { name: 'Approve and publish this note' })
  const notes = await approveNote.count()
  assert.equal(notes, 1, 'one note waits: what was done (the other moves had none)')
  assert.ok((await desk.textContent('main')).includes(doneNote))
  await audit(desk, '/moderate (a note waiting)')
  for (let left = notes; left > 0; left--) {
    await approveNote.first().click()
    await desk.locator('h2', { hasText: `Providers' notes on suggestions waiting: ${left - 1}` }).waitFor()
  }
  await desk.click('button:has-text("Sign out")')
  await desk.context().close()

  step = 'with JavaScript off, a participant rating the provider says they noticed the change (320 px)'
  const plain = await (await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false })).newPage()
  await plain.goto(base + providerPath + '/rate')
  const question = plain.locator('fieldset', { has: plain.locator('legend', { hasText: 'Have you noticed this change?' }) })
  const asked = await question.textContent()
  assert.ok(asked.includes(doneNote), `the question says what the provider did: ${asked}`)
  await audit(plain, providerPath + '/rate (the change question)', scripted)
  await plain.screenshot({ path: `${artefacts}/13-rate-change-question-320.png`, fullPage: true })
  await plain.check('#noticed')
  await plain.check('#area') // Seetec works in several areas: the first
  await plain.check('#stars-1') // 4 stars
  await plain.getByLabel('No thanks').check() // no codename
  await plain.click('button:has-text("Send rating")')
  await plain.waitForSelector('h1:has-text("Your rating is saved")')
  assert.equal(await plain.locator('#codename').count(), 0, 'no codename was asked for')
  await audit(plain, providerPath + '/rate (saved)', null)

  step = 'the suggestion\'s public page shows the change made and the note'
  await plain.goto(base + providerPath)
  await plain.locator('#suggestions ~ ul li', { hasText: ideaKept })
    .getByRole('link', { name: 'What Seetec did about this suggestion' }).click()
  await plain.waitForURL(/\/suggestions\/[^/]+$/)
  assert.equal((await plain.textContent('h1')).trim(), 'Change made')
  const story = await plain.textContent('main')
  assert.ok(story.includes(ideaKept) && story.includes(doneNote), story)
  assert.ok(!story.includes('07700'), 'nothing redacted is public')
  assert.equal(await plain.locator('#noticed').count(), 1, 'says how many noticed the change, or that too few said yet')
  await audit(plain, new URL(plain.url()).pathname, scripted)
  await plain.screenshot({ path: `${artefacts}/14-suggestion-public-320.png`, fullPage: true })
  await plain.context().close()
  await scripted.context().close()
  console.log(`suggestions journey: ${audited} pages checked with axe-core, ${suggestionViolations} violations; ` +
    `horizontal scrolling at 320 px on ${suggestionOverflows}`)
  assert.equal(suggestionViolations, 0)
  assert.equal(suggestionOverflows, 0)

  step = 'a researcher tests referral data, with JavaScript off, at 320 px'
  const study = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false })
  const r = await study.newPage()
  await signIn(r, 'researcher', researcherPassword, /\/research$/)
  await r.click('button:has-text("Run the tests")')
  assert.ok((await r.textContent('.govuk-error-summary')).includes('Select a CSV file'))
  await r.setInputFiles('#file', process.env.EXAMPLES + '/referral-events.csv')
  await r.check('#format')
  await r.click('button:has-text("Run the tests")')
  await r.waitForSelector('h1:has-text("Target detection report")')
  assert.ok((await r.textContent('main')).includes('units are flagged at a false discovery rate of 5%'))
  const reportOverflow = await r.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  const widest = await r.evaluate(() => [...document.querySelectorAll('main *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth && !e.closest('.pw-table-scroll'))
    .slice(0, 3).map(e => e.tagName + '.' + e.className).join(', '))
  assert.ok(reportOverflow <= 0, `no horizontal scrolling on the report at 320 px (${reportOverflow} px over: ${widest})`)
  await r.screenshot({ path: `${artefacts}/9-research-report-320.png`, fullPage: true })
  await r.locator('.pw-chart-pair').first().scrollIntoViewIfNeeded()
  await r.screenshot({ path: `${artefacts}/9-research-report-chart-320.png` })
  // The report is kept: its address is the link to share, listed on the form, with its downloads.
  const reportUrl = r.url()
  assert.match(reportUrl, /\/research\/reports\/\d+$/)
  assert.equal(await r.getAttribute('#share-link', 'href'), new URL(reportUrl).pathname)
  const json = await (await study.request.get(reportUrl + '/report.json')).json()
  assert.equal(json.method_version.length > 0, true)
  await r.goto(base + '/research')
  await r.click(`a[href="${new URL(reportUrl).pathname}"]`)
  await r.click('button:has-text("Delete this report")')
  await r.waitForSelector('text=The report is deleted.')
  assert.equal((await study.request.get(reportUrl)).status(), 404)

  step = 'rating with the keyboard only'
  const keys = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const k = await keys.newPage()
  await k.goto(providerUrl + '/rate')
  const tabTo = async (test, what) => {
    for (let i = 0; i < 80; i++) {
      await k.keyboard.press('Tab')
      if (await k.evaluate(test)) return
    }
    throw new Error(`could not reach ${what} with Tab`)
  }
  await tabTo(() => document.activeElement.id === 'area', 'the area question')
  await k.keyboard.press('Space')
  await tabTo(() => document.activeElement.name === 'stars', 'the stars question')
  await k.keyboard.press('ArrowDown') // to 4 stars, which also selects it
  await tabTo(() => document.activeElement.name === 'get_codename', 'the codename question')
  await k.keyboard.press('ArrowDown') // "No thanks"
  await tabTo(() => document.activeElement.textContent.includes('Send rating'), 'the send button')
  await k.keyboard.press('Enter')
  await k.waitForSelector('.govuk-panel--confirmation')
  assert.equal(await k.locator('#codename').count(), 0, 'no codename was asked for')

  step = 'accessibility (axe-core, WCAG 2.2 A and AA) on every page and forms in their error state'
  const a11y = await browser.newContext({ viewport: { width: 320, height: 640 } })
  const a = await a11y.newPage()
  const check = (label) => axeViolations(a, label)
  let violations = 0
  // Every page a crawler reaches from the home page (at most 3 of each shape of address, such as
  // /providers/{n}), plus the pages only a signed-in moderator, provider or researcher can reach.
  const pages = await crawl(a, ['/', '/no-such-page', '/search?q=seetec', new URL(providerUrl).pathname + '/rate'], 70)
  const zoomed = await (await browser.newContext({ viewport: { width: 640, height: 360 } })).newPage()
  let headerFaults = 0
  let overflowFaults = 0
  for (const { path, headers } of pages) {
    await a.goto(base + path)
    violations += await check(path)
    for (const fault of headerProblems(headers)) {
      console.error(`headers: ${path}: ${fault}`)
      headerFaults++
    }
    // 320 CSS px is a 1280 px window at 400% zoom (WCAG reflow); 640 px is the same window at 200%.
    for (const [label, view] of [['320 px', a], ['200% zoom', zoomed]]) {
      if (view === zoomed) await zoomed.goto(base + path)
      const over = await view.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      if (over > 0) {
        console.error(`reflow: ${path}: ${over} px of horizontal scrolling at ${label}`)
        overflowFaults++
      }
    }
  }
  // Pages behind sign-in, for each kind of account (the researcher's come below, with a report).
  for (const [username, password, landing] of [['moderator', moderatorPassword, '/moderate'],
    ['seetec', providerPassword, '/provider-area']]) {
      await signIn(a, username, password, new RegExp(landing + '$'))
    const response = await a.goto(base + landing)
    violations += await check(landing)
    for (const fault of headerProblems(response.headers())) {
      console.error(`headers: ${landing}: ${fault}`)
      headerFaults++
    }
    if (response.headers()['cache-control'] !== 'no-store') {
      console.error(`headers: ${landing}: a personal page without Cache-Control: no-store`)
      headerFaults++
    }
    pages.push({ path: landing })
  }
  await a11y.clearCookies()
  console.log(`crawler: ${pages.length} pages reached; security headers faults ${headerFaults}; ` +
    `horizontal scrolling at 320 px or 200% zoom ${overflowFaults}`)
  assert.equal(headerFaults, 0)
  assert.equal(overflowFaults, 0)
  for (const [path, button] of [[new URL(providerUrl).pathname + '/rate', 'Send rating'], ['/sanctions/log', 'Log the referral'],
    ['/my-codename', 'Continue'], ['/sign-in', 'Sign in']]) {
    await a.goto(base + path)
    await a.click(`button:has-text("${button}")`)
    violations += await check(path + ' (errors)')
  }
  // The researcher's pages, signed in: the form, its errors, and a report.
  await signIn(a, 'researcher', researcherPassword, /\/research$/)
  violations += await check('/research')
  await a.click('button:has-text("Run the tests")')
  violations += await check('/research (errors)')
  await a.setInputFiles('#file', process.env.EXAMPLES + '/referral-events.csv')
  await a.check('#format')
  await a.click('button:has-text("Run the tests")')
  await a.waitForSelector('h1:has-text("Target detection report")')
  violations += await check('/research/report')
  console.log(`accessibility: ${pages.length + 7} pages checked with axe-core, ${violations} violations`)
  assert.equal(violations, 0)

  step = 'a provider page is light on a phone: the first visit and a repeat'
  {
    const fresh = await browser.newContext({ viewport: { width: 320, height: 640 } })
    const tab = await fresh.newPage()
    const cdp = await fresh.newCDPSession(tab)
    await cdp.send('Network.enable')
    let bytes = 0 // over the wire: compressed bodies and headers
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength })
    await tab.goto(providerUrl, { waitUntil: 'networkidle' })
    const first = bytes
    bytes = 0
    await tab.goto(base + '/')
    await tab.goto(providerUrl, { waitUntil: 'networkidle' })
    const home = bytes
    bytes = 0
    await tab.goto(providerUrl, { waitUntil: 'networkidle' })
    const repeat = bytes
    console.log(`page weight: a provider page's first visit ${(first / 1024).toFixed(1)} KB over the wire ` +
      `(goal 70 KB), a repeat visit ${(repeat / 1024).toFixed(1)} KB (goal 10 KB); home then provider ${(home / 1024).toFixed(1)} KB`)
    assert.ok(first <= 70 * 1024, `first visit ${first} bytes`)
    assert.ok(repeat <= 10 * 1024, `repeat visit ${repeat} bytes`)
    await fresh.close()
  }

  console.log('browser journey: passed (screenshots in ' + artefacts + ')')
} catch (error) {
  console.error(`browser journey: failed at "${step}": ${error.message}`)
  process.exitCode = 1
} finally {
  await browser.close()
}
