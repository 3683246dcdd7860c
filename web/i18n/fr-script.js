// The French catalogue as a classic script for the bundled page (dist/i18n-fr.js, built from this):
// it registers the catalogue where web/i18n/i18n.js's loadCatalogue() finds it.
import FR from './fr.js';

(globalThis.BackpropCatalogues ??= {}).fr = FR;
