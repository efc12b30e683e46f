/** Builds the add-in (production) into a temporary folder, as `npm run build` does into dist/. */
import fs from "fs";
import os from "os";
import path from "path";
import webpack from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config.js");

/** `env` as webpack's `--env` gives it, e.g. { "public-url": "https://addins.example.com/deal-modeler/" }. */
export async function buildDist(env: Record<string, string> = {}): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-dist-"));
  const config = await makeConfig(env, { mode: "production" });
  config.mode = "production";
  config.output = { ...config.output, path: outDir };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, result) => (err || !result ? reject(err) : resolve(result))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return outDir;
}
