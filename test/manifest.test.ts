/**
 * manifest.xml checked offline (office-addin-manifest validate needs the network): well-formed,
 * required elements in the schema's order, a GUID, HTTPS only, every resid defined.
 */
import fs from "fs";
import { DOMParser, Element as XmlElement } from "@xmldom/xmldom";

const xml = fs.readFileSync("manifest.xml", "utf8");

function parse(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(message);
    },
  }).parseFromString(text, "text/xml");
  return { doc, errors };
}

const { doc, errors } = parse(xml);
const root = doc.documentElement as unknown as XmlElement;
const children = (el: XmlElement) => Array.from(el.childNodes).filter((n) => n.nodeType === 1) as XmlElement[];
const all = (name: string) => Array.from(doc.getElementsByTagName(name)) as XmlElement[];

describe("manifest.xml", () => {
  it("is well-formed XML with a TaskPaneApp root", () => {
    expect(errors).toEqual([]);
    expect(root.tagName).toBe("OfficeApp");
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
  });

  it("has the required top-level elements in the schema's order", () => {
    const order = [
      "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings",
      "Permissions", "VersionOverrides",
    ];
    expect(children(root).map((e) => e.tagName)).toEqual(order);
  });

  it("has its own GUID, ReadWriteDocument permission and the DEAL namespace", () => {
    expect(all("Id")[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(all("Permissions")[0].textContent).toBe("ReadWriteDocument");
    const namespaceId = all("Namespace")[0].getAttribute("resid");
    const strings = all("bt:String").filter((s) => s.getAttribute("id") === namespaceId);
    expect(strings.map((s) => s.getAttribute("DefaultValue"))).toEqual(["DEAL"]);
  });

  it("requires the custom-functions runtime that carries error messages (1.2) and the Excel API the pane uses", () => {
    const sets = all("Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
    expect(sets).toContain("CustomFunctionsRuntime 1.2");
    expect(sets).toContain("ExcelApi 1.4");
  });

  it("uses HTTPS for every URL", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue="|<\w+>)(\w+:\/\/[^"<\s]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("defines every resid it uses, exactly once", () => {
    const defined = new Map<string, number>();
    for (const tag of ["bt:Image", "bt:Url", "bt:String"]) {
      for (const el of all(tag)) if (el.getAttribute("id")) defined.set(el.getAttribute("id")!, (defined.get(el.getAttribute("id")!) ?? 0) + 1);
    }
    const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(8);
    for (const id of used) expect([id, defined.get(id)]).toEqual([id, 1]);
  });

  it("puts a Deal Modeler group with a task-pane button on the Home tab, with 16/32/80 px icons that exist", () => {
    const tab = all("OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    expect(all("Action")[0].getAttribute("xsi:type")).toBe("ShowTaskpane");
    for (const image of all("bt:Image").filter((i) => i.getAttribute("DefaultValue"))) {
      const file = image.getAttribute("DefaultValue")!.replace("https://localhost:3000/", "");
      expect(fs.existsSync(file)).toBe(true);
    }
  });
});
