/*
 * The custom functions entry (dist/functions.js). Each imported file's @customfunction functions
 * get a CustomFunctions.associate call appended at build time by custom-functions-metadata-plugin.
 * Nothing here may touch the DOM at load: the bundle is evaluated outside Excel in the tests.
 */
import "./tiering";
import "./reports";
import "./vlo";
import "./staffing";
