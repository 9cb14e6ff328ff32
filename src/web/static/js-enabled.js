// Lets GOV.UK Frontend style its JavaScript-enhanced components (was an inline script; our CSP forbids those).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
