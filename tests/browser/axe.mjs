// axe-core's WCAG 2.2 A and AA rules on what a page shows now, for every browser test. axe runs in
// the page itself, its source put in once per document: the @axe-core/playwright builder opened a
// second page to finish every check, which made a check three times as slow (about 1 s a page
// here). The pages have no frames; a page with one is refused, since this would not reach inside.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

// Logs each violation on `page` under `label`; returns how many there are.
export async function axeViolations (page, label) {
  if (page.frames().length > 1) throw new Error(`axe: ${label}: the page has a frame, which this check does not reach`)
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(source)
  const results = await page.evaluate((values) => window.axe.run(document, { runOnly: { type: 'tag', values } }), tags)
  for (const v of results.violations) console.error(`axe: ${label}: ${v.id} (${v.impact}) ${v.nodes[0].target.join(' ')}: ${v.help}`)
  return results.violations.length
}
