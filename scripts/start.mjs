// npm start — build the add-in, serve dist/ on https://localhost:3000 with office-addin-dev-certs'
// localhost certificate, and say how to load it into Excel. Works where no desktop Excel exists
// (Linux): Excel on the web sideloads manifest.xml from the browser.
// With desktop Excel (Windows/Mac), `npx office-addin-debugging start manifest.xml desktop` also
// sideloads it for you while this server runs.
import { execSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dist = path.join(root, "dist");
const port = Number(process.env.PORT ?? 3000);

console.log("Building the add-in (webpack, production)…");
execSync("npx webpack --mode production", { cwd: root, stdio: "inherit" });

async function certificates() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    // Trusting the CA system-wide needs sudo; without it, still serve, and say how to trust it.
    const defaults = require("office-addin-dev-certs/lib/defaults");
    if (!fs.existsSync(defaults.localhostCertificatePath)) await devCerts.generateCertificates();
    console.warn(`\nCould not install the development CA (${String(error.message ?? error).split("\n")[0]}).`);
    console.warn("Serving still works: the add-in is served over HTTPS with a locally generated certificate.");
    console.warn(`Trust ${defaults.caCertificatePath} in your browser to avoid certificate warnings.`);
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

const server = https.createServer(await certificates(), (req, res) => {
  const url = new URL(req.url ?? "/", "https://localhost");
  const file = path.normalize(path.join(dist, decodeURIComponent(url.pathname === "/" ? "/taskpane.html" : url.pathname)));
  if (!file.startsWith(dist) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end("Not found");
    return;
  }
  res.writeHead(200, {
    "Content-Type": types[path.extname(file)] ?? "application/octet-stream",
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": "no-store",
  });
  fs.createReadStream(file).pipe(res);
});

// A port in use is the user's to free or change, not a stack: say so plainly.
server.on("error", (error) => {
  if (error.code === "EADDRINUSE") {
    console.error(`\nPort ${port} is already in use (another npm start, or another server).`);
    console.error("Stop that server (an earlier npm start still running? press Ctrl+C in its window), then run npm start again.");
  } else {
    console.error(`\nCould not serve on port ${port}: ${error.message}`);
  }
  process.exit(1);
});

server.listen(port, () => {
  console.log(`
Deal Modeler is served at https://localhost:${port}/ (functions.js, functions.json, taskpane.html).

Load it in Excel on the web (any OS, including Linux):
  1. Open https://www.office.com, create or open a workbook in Excel.
  2. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in.
  3. Choose ${path.join(root, "manifest.xml")} and Upload.
  4. Type =DEAL. in a cell for the functions; Home > Deal Model opens the task pane.
  (The browser must trust the certificate: open https://localhost:${port}/functions.json once and accept it.)

Desktop Excel on Windows or Mac: keep this running and run
  npx office-addin-debugging start manifest.xml desktop

Press Ctrl+C to stop.`);
});
