// Why: GOV.UK Frontend styles its components for JavaScript only when the body says scripts run; a file rather than
// an inline script, so the admin's Content-Security-Policy needs no 'unsafe-inline'.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
