/**
 * Issue 15 §7: a production build for a team's own HTTPS host. `npm run build -- --env
 * public-url=…` writes dist/manifest.xml and every file of the build pointing at that base: checked
 * offline as test/manifest.test.ts checks the development manifest (the schema's order, HTTPS, every
 * resid defined), with no localhost left and the same ids and versions.
 * Before scripts/publicUrl.js this failed: the build had no public-url and dist/ held 30+ localhost URLs.
 */
import fs from "fs";
import path from "path";
import { DOMParser, Element as XmlElement } from "@xmldom/xmldom";
import { buildDist } from "./support/buildDist";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { normalisePublicUrl, rewriteUrls } = require("../scripts/publicUrl.js") as {
  normalisePublicUrl: (url: string) => string;
  rewriteUrls: (text: string, base: string) => string;
};

const BASE = "https://addins.example.com/deal-modeler/";

function parse(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== "warning" && errors.push(message)) }).parseFromString(text, "text/xml");
  return { doc, errors, root: doc.documentElement as unknown as XmlElement };
}
const children = (el: XmlElement) => Array.from(el.childNodes).filter((n) => n.nodeType === 1) as XmlElement[];
const first = (doc: ReturnType<typeof parse>["doc"], tag: string) => (doc.getElementsByTagName(tag)[0] as unknown as XmlElement).textContent;

describe("the public URL", () => {
  it("is HTTPS, not localhost, without query, ending in a slash", () => {
    expect(normalisePublicUrl("https://addins.example.com/deal-modeler")).toBe(BASE);
    expect(normalisePublicUrl("https://ADDINS.example.com")).toBe("https://addins.example.com/");
    expect(() => normalisePublicUrl("http://addins.example.com/")).toThrow(/must use HTTPS/);
    expect(() => normalisePublicUrl("https://localhost:3000/")).toThrow(/not localhost/);
    expect(() => normalisePublicUrl("https://a.example/?x=1")).toThrow(/no query/);
    expect(() => normalisePublicUrl("addins.example.com")).toThrow(/absolute URL/);
  });

  it("rewrites URLs under the development base and the bare origin (AppDomain)", () => {
    expect(rewriteUrls('<AppDomain>https://localhost:3000</AppDomain><X DefaultValue="https://localhost:3000/assets/icon-16.png"/>', BASE)).toBe(
      '<AppDomain>https://addins.example.com</AppDomain><X DefaultValue="https://addins.example.com/deal-modeler/assets/icon-16.png"/>',
    );
  });
});

describe("npm run build -- --env public-url=…", () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await buildDist({ "public-url": BASE });
  }, 180_000);
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it("leaves no localhost in any file of the build", () => {
    const files = fs.readdirSync(outDir, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(outDir, f)).isFile());
    expect(files).toEqual(expect.arrayContaining(["manifest.xml", "functions.js", "functions.json", "taskpane.js", "taskpane.html", "help.html"]));
    const withLocalhost = files.filter((f) => !f.endsWith(".png") && fs.readFileSync(path.join(outDir, f), "utf8").includes("localhost"));
    expect(withLocalhost).toEqual([]);
  });

  it("writes a manifest in the schema's order, HTTPS under the public base, with the development one's ids and versions", () => {
    const dev = parse(fs.readFileSync("manifest.xml", "utf8"));
    const text = fs.readFileSync(path.join(outDir, "manifest.xml"), "utf8");
    const prod = parse(text);
    expect(prod.errors).toEqual([]);
    expect(children(prod.root).map((e) => e.tagName)).toEqual(children(dev.root).map((e) => e.tagName));
    for (const tag of ["Id", "Version", "ProviderName", "DefaultLocale"]) expect([tag, first(prod.doc, tag)]).toEqual([tag, first(dev.doc, tag)]);
    expect(first(prod.doc, "AppDomain")).toBe("https://addins.example.com");
    const urls = [...text.matchAll(/(?:DefaultValue="|<\w+>)(\w+:\/\/[^"<\s]+)/g)].map((m) => m[1]).filter((u) => u !== "https://addins.example.com");
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url.startsWith(BASE)).toBe(true);
    // Every URL names a file the build wrote: dist/ is the whole site.
    for (const url of urls) expect([url, fs.existsSync(path.join(outDir, url.slice(BASE.length).split("#")[0]))]).toEqual([url, true]);
    // The same elements, the same resids: only the URLs differ.
    expect(text.replace(/https:\/\/addins\.example\.com(\/deal-modeler)?/g, "URL")).toBe(fs.readFileSync("manifest.xml", "utf8").replace(/https:\/\/localhost:3000/g, "URL"));
  });

  it("points functions.json's help URLs at the public help page", () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8")) as { functions: { helpUrl?: string }[] };
    const helpUrls = metadata.functions.map((f) => f.helpUrl);
    expect(helpUrls.length).toBeGreaterThan(15);
    for (const url of helpUrls) expect(url).toMatch(/^https:\/\/addins\.example\.com\/deal-modeler\/help\.html#\w+$/);
  });
});
