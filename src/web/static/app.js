// Progressive enhancement only: every page works without this file.
import { initAll } from '/static/govuk-frontend.min.js'

initAll()

// Search as you type: turns the plain search box into an accessible autocomplete that asks
// /api/v1/search. Without JavaScript the same box submits the search form.
const container = document.getElementById('search-autocomplete')
if (container && window.accessibleAutocomplete) {
  const input = container.querySelector('input')
  const form = container.closest('form')
  const endpoint = container.dataset.source
  let results = []
  let controller = null

  const source = (query, populate) => {
    if (query.trim().length < 2) return populate([])
    if (controller) controller.abort()
    controller = new AbortController()
    fetch(endpoint + '?q=' + encodeURIComponent(query), { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : { results: [] }))
      .then((body) => {
        results = body.results || []
        populate(results.map((r) => r.name + (r.context ? ' (' + r.context + ')' : '')))
      })
      .catch(() => {})
  }

  const initial = input.value
  container.removeChild(input)
  window.accessibleAutocomplete({
    element: container,
    id: input.id,
    name: input.name,
    defaultValue: initial,
    source,
    minLength: 2,
    showNoOptionsFound: true,
    tNoResults: () => 'No provider or office found: press Search to search anyway',
    onConfirm: (chosen) => {
      const hit = results.find((r) => r.name + (r.context ? ' (' + r.context + ')' : '') === chosen)
      if (hit) window.location.assign(hit.url)
    }
  })
  const field = document.getElementById(input.id)
  if (field) {
    field.setAttribute('aria-describedby', input.getAttribute('aria-describedby') || '')
    field.setAttribute('maxlength', '100')
  }
  if (form) form.addEventListener('submit', () => {})
}
