// Builds the custom functions (JS-only runtime) and the task pane into dist/.
// custom-functions-metadata-plugin reads the JSDoc of the function files (src/functions/functions.ts
// and, one family a file, src/functions/accounting.ts, value.ts, portfolio.ts, market.ts and economics.ts), writes one
// functions.json and appends the CustomFunctions.associate calls to the bundle.
const path = require("path");
const fs = require("fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { PublicUrlPlugin } = require("./scripts/publicUrl.js");

const devServerPort = 3000;

/** HTTPS options for the dev server: office-addin-dev-certs' localhost certificate. */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch {
    // Installing the CA needs sudo; without it, generate the certificate and serve it anyway.
    const defaults = require("office-addin-dev-certs/lib/defaults");
    if (!fs.existsSync(defaults.localhostCertificatePath)) await devCerts.generateCertificates();
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

// `npm run build -- --env public-url=https://addins.example.com/deal-modeler/`: a build to host
// (docs/deploy.md) — every https://localhost:3000 in dist/ (manifest.xml included) points there.
module.exports = async (env = {}, options) => {
  const dev = options.mode === "development";
  const publicUrl = env["public-url"];
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: ["./src/functions/functions.ts", "./src/functions/accounting.ts", "./src/functions/value.ts", "./src/functions/portfolio.ts", "./src/functions/market.ts", "./src/functions/economics.ts"],
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: ["./src/functions/functions.ts", "./src/functions/accounting.ts", "./src/functions/value.ts", "./src/functions/portfolio.ts", "./src/functions/market.ts", "./src/functions/economics.ts"],
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "node_modules/office-ui-fabric-core/dist/css/fabric.min.css", to: "fabric.min.css" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
        ],
      }),
      ...(publicUrl ? [new PublicUrlPlugin(publicUrl)] : []),
    ],
    devServer: dev
      ? {
          port: devServerPort,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
        }
      : undefined,
  };
};
