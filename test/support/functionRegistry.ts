/**
 * The DEAL functions as the build registers them, read independently of custom-functions-metadata:
 * the source files the build reads (the CustomFunctionsMetadataPlugin's `input` in
 * webpack.config.js) and the `@customfunction` tags in them. A new function is found here without
 * editing any test.
 */
import fs from "fs";
import path from "path";

/** The function source files, as the build reads them: the CustomFunctionsMetadataPlugin's `input` in webpack.config.js. */
export async function functionSources(): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = await require("../../webpack.config.js")({}, { mode: "production" });
  const plugin = config.plugins.find((p: object) => p.constructor.name === "CustomFunctionsMetadataPlugin");
  const input: string | string[] = plugin.options.input;
  return (Array.isArray(input) ? input : [input]).map((file) => path.resolve(file));
}

/**
 * The ids the `@customfunction` tags of `source` declare: the tag's id, or, for a bare tag, the
 * name of the function the comment documents in capitals (custom-functions-metadata's default).
 *
 * @example
 * // src/functions/functions.ts documents contractValue with "@customfunction CONTRACT_VALUE":
 * declaredIds(fs.readFileSync("src/functions/functions.ts", "utf8")).includes("CONTRACT_VALUE"); // true
 * // A comment with a bare "@customfunction" above `export function total(...)` declares "TOTAL".
 */
export function declaredIds(source: string): string[] {
  const ids: string[] = [];
  for (const [, comment, name] of source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:export\s+)?(?:async\s+)?function\s+(\w+)/g)) {
    const tag = /@customfunction\b[ \t]*([A-Za-z_][\w.]*)?/.exec(comment);
    if (tag) ids.push(tag[1] ?? name.toUpperCase());
  }
  return ids;
}

/** Every id the build's function sources declare, sorted. */
export async function registeredFunctionIds(): Promise<string[]> {
  const sources = await functionSources();
  return sources.flatMap((file) => declaredIds(fs.readFileSync(file, "utf8"))).sort();
}
