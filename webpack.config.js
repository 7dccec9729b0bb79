const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { AddinUrlPlugin, addinUrl } = require("./scripts/addin-url");
const { CspPlugin, responseHeaders } = require("./scripts/security-headers");

/** Every file with @customfunction JSDoc; functions.json and the associate calls come from these. */
const FUNCTION_FILES = [
  "./src/functions/tiering.ts",
  "./src/functions/reports.ts",
  "./src/functions/vlo.ts",
  "./src/functions/staffing.ts",
  "./src/functions/workload.ts",
];

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  // Where the add-in is served from: https://localhost:3000/ as the sources say, or, in a production
  // build, ADDIN_URL (e.g. https://addin.example.gov.uk/nps/). A value that is not an absolute
  // https:// URL stops the build here; a good one rewrites every localhost URL in every emitted file.
  const target = production && process.env.ADDIN_URL ? addinUrl(process.env.ADDIN_URL) : undefined;
  return {
    // No source maps in production: they would ship the source, comments and all, to every user.
    // Development keeps them as separate .map files: the eval-* kinds would need 'unsafe-eval',
    // which the pages' Content-Security-Policy (scripts/security-headers.js) does not allow.
    devtool: production ? false : "source-map",
    entry: {
      functions: "./src/functions/index.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
        },
      ],
    },
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: one page runs the functions and the pane.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
      // The Content-Security-Policy <meta> in every page (taskpane.html, help.html); see scripts/security-headers.js.
      new CspPlugin(),
      ...(target ? [new AddinUrlPlugin(target)] : []),
    ],
    devServer: {
      port: 3000,
      host: "localhost",
      // A self-signed certificate made by webpack-dev-server; see README for trusting it.
      server: "https",
      // The Content-Security-Policy as a header too, and no "Access-Control-Allow-Origin: *": only
      // functions.json, which Excel on the web reads across origins, names Office's origin.
      headers: (/** @type {import("http").IncomingMessage} */ req) => responseHeaders(req.url ?? "/", req.headers.origin),
      static: { directory: path.resolve(__dirname, "dist") },
      hot: false,
      liveReload: false,
      client: false,
    },
  };
};
