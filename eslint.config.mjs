import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { builtinModules } from "node:module";

/** Node's built-in module names, escaped for a regular expression ("fs", "path", "stream/web", …). */
const NODE_BUILTINS = builtinModules.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|");

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { CustomFunctions: "readonly", Office: "readonly", Excel: "readonly", console: "readonly", process: "readonly" },
    },
  },
  {
    // House rule: the calculation core is pure. No clock, no host, no DOM, no process, no timers, no
    // console; imports only from inside src/core, decimal.js, and Node's built-in modules.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...[
          "Date", "window", "self", "document", "navigator", "location", "localStorage", "sessionStorage", "fetch",
          "XMLHttpRequest", "Office", "Excel", "OfficeExtension", "CustomFunctions", "globalThis", "global", "process",
          "console", "setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate",
          "queueMicrotask", "requestAnimationFrame", "performance", "Intl", "require", "module", "__dirname", "__filename",
        ].map((name) => ({ name, message: `src/core is pure: no ${name} (see README, Conventions).` })),
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^(?!\\./|decimal\\.js$|node:)(?!(${NODE_BUILTINS})$).*`,
              message: "src/core imports only from src/core (./…), decimal.js and Node's built-in modules.",
            },
            { regex: "^\\./.*\\.\\.", message: "src/core imports only from inside src/core." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression", message: "src/core loads no module at run time." },
        { selector: "MetaProperty[meta.name='import']", message: "src/core does not read import.meta." },
        { selector: "NewExpression[callee.name='Function']", message: "src/core evaluates no code." },
        { selector: "CallExpression[callee.name='eval']", message: "src/core evaluates no code." },
      ],
    },
  },
  {
    // A folder of the core (src/core/market/) may also import from the core above it (../), and no further.
    files: ["src/core/*/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^(?!\\.\\.?/|decimal\\.js$|node:)(?!(${NODE_BUILTINS})$).*`,
              message: "src/core imports only from src/core (./…, ../…), decimal.js and Node's built-in modules.",
            },
            { regex: "^\\.\\.?/.*\\.\\.", message: "src/core imports only from inside src/core." },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: {
      globals: { require: "readonly", module: "writable", __dirname: "readonly", console: "readonly", process: "readonly", Buffer: "readonly", URL: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
