/*
 * The custom functions entry (dist/functions.js). Each imported file's @customfunction functions
 * get a CustomFunctions.associate call appended at build time by custom-functions-metadata-plugin.
 * Nothing here may touch the DOM at load: the bundle is evaluated outside Excel in the tests.
 */
import "./tiering";
import "./reports";
import "./vlo";
import "./staffing";
import "./workload";
import { loadSavedSettingsWhenOfficeReady } from "../runtime/startup";

// The workbook's saved what-if settings, put in force (and the workbook recalculated once if they
// are not the defaults) as soon as Office is ready, whether or not the pane is opened. This entry
// is first in the page (webpack's chunksSortMode "manual": functions, then taskpane), so its onReady
// callback runs before the pane's; the pane awaits settingsReady() for the same result.
loadSavedSettingsWhenOfficeReady();
