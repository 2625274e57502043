// Why: GOV.UK Frontend's components (error summary focus, service navigation toggle) start here; every page works
// without them.
import { initAll } from '../lib/govuk-frontend/govuk-frontend.min.js';

initAll();
