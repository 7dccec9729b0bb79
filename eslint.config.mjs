import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "samples/**", ".bench/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error"] }],
      // noUncheckedIndexedAccess makes every index optional; asserting one we have bounds-checked is the idiom.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // Office's own rules for Excel JavaScript API code: load before read, sync before read, no sync in a
    // loop, no navigational or empty loads, isNullObject for *OrNullObject results. The plugin's
    // published config cannot parse TypeScript, so its rules run here under typescript-eslint's parser.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.ts", "src/runtime/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, "error"])),
  },
  {
    // Excel hands custom functions untyped cells; `any[][]` in their signatures is what the metadata needs.
    files: ["src/functions/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The operating model is pure: no Office, DOM, Node or UI imports.
    files: ["src/model/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react*", "@fluentui/*", "office*", "@microsoft/*", "node:*", "fs", "path", "exceljs", "../runtime/*", "../functions/*", "../taskpane/*", "../cli/*"] }],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "window", "document", "process"],
    },
  },
  {
    files: ["src/cli/**/*.ts", "scripts/**/*.{ts,js}", "bench/**/*.ts"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
