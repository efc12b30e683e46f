// The public base URL of a production build: `npm run build -- --env public-url=https://addins.example.com/deal-modeler/`
// rewrites every https://localhost:3000 in the build (manifest.xml, functions.json's help URLs, the
// pages and the bundles) to where a team hosts dist/. Used by webpack.config.js; tested in
// test/manifest-production.test.ts.

/** The development server's base URL, as manifest.xml and the sources write it. */
const DEV_URL = "https://localhost:3000/";

/**
 * The public base URL as the build uses it: HTTPS, not localhost, no query or fragment, ending in "/".
 * Throws a plain message otherwise.
 *
 * @example
 * normalisePublicUrl("https://addins.example.com/deal-modeler") // "https://addins.example.com/deal-modeler/"
 */
function normalisePublicUrl(text) {
  let url;
  try {
    url = new URL(String(text));
  } catch {
    throw new Error(`public-url must be an absolute URL such as https://addins.example.com/deal-modeler/, not "${String(text).slice(0, 80)}".`);
  }
  if (url.protocol !== "https:") throw new Error(`public-url must use HTTPS (Office loads add-ins over HTTPS only), not ${url.protocol}.`);
  if (url.hostname === "localhost" || url.hostname === "127.0.0.1") throw new Error("public-url must be a public host, not localhost: npm run build without it serves from https://localhost:3000/.");
  if (url.search !== "" || url.hash !== "") throw new Error("public-url must have no query or fragment.");
  const href = url.origin + url.pathname;
  return href.endsWith("/") ? href : href + "/";
}

/**
 * Text with every development URL pointed at the public base: "https://localhost:3000/x" becomes
 * base + "x", and the bare origin "https://localhost:3000" (the manifest's AppDomain) the public origin.
 *
 * @example
 * rewriteUrls('<AppDomain>https://localhost:3000</AppDomain><Url v="https://localhost:3000/a.js"/>', "https://h.example/dm/")
 * // '<AppDomain>https://h.example</AppDomain><Url v="https://h.example/dm/a.js"/>'
 */
function rewriteUrls(text, publicUrl) {
  const origin = new URL(publicUrl).origin;
  return text.split(DEV_URL).join(publicUrl).split(DEV_URL.slice(0, -1)).join(origin);
}

/** Files of the build whose text may hold a URL. */
const TEXT_ASSET = /\.(js|json|html|xml|css|txt|map)$/;

/** A webpack plugin rewriting every text asset of the build, once all are emitted (pages, copies, functions.json). */
class PublicUrlPlugin {
  constructor(publicUrl) {
    this.publicUrl = normalisePublicUrl(publicUrl);
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PublicUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "PublicUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!TEXT_ASSET.test(name)) continue;
          const text = assets[name].source().toString();
          const rewritten = rewriteUrls(text, this.publicUrl);
          if (rewritten !== text) compilation.updateAsset(name, new sources.RawSource(rewritten));
        }
      });
    });
  }
}

module.exports = { DEV_URL, normalisePublicUrl, rewriteUrls, PublicUrlPlugin };
