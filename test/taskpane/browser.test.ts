/**
 * The built task pane in a real browser: dist/ served on localhost, loaded in headless Chromium
 * (Debian's, driven by playwright-core), with the Office.js CDN request answered by the recording
 * Excel double. The test fills the form, clicks Insert and inspects the workbook the double holds.
 *
 * Chromium is required: `bash .ci/run` installs it. This test never skips.
 */
import fs from "fs";
import http from "http";
import path from "path";
import { AddressInfo } from "net";
import { chromium, Browser, Page } from "playwright-core";
import { buildModelPlan, ModelName } from "../../src/model/modelSheet";
import { addressesOf, addressOf } from "../support/planRefs";
import { REFLECTION_SPACEX } from "../../src/model/templates";
import { columnWidth } from "../../src/taskpane/excelWriter";
import { buildDist } from "../support/buildDist";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SCREENSHOT = path.resolve("test-output/taskpane.png");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let dist: string;
let server: http.Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install chromium (bash .ci/run does).`);
  dist = await buildDist();
  server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".png": "image/png" }[path.extname(file)];
    res.writeHead(200, { "Content-Type": type ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

/**
 * Opens the pane with office.js replaced by the double, holding `workbookSetup` (run in the page);
 * `office` "missing" fails office.js's request (offline), "browser" reports a host that is not Excel.
 */
async function openPane(workbookSetup: string, width = 320, office: "excel" | "missing" | "browser" = "excel"): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1400 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  (page as unknown as { errors: string[] }).errors = errors;
  const double = fs.readFileSync(path.resolve("test/support/excel-double.js"), "utf8");
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS && office === "missing") {
      await route.abort();
    } else if (url === OFFICE_JS) {
      const host = office === "browser" ? "\n;window.Office.onReady = (cb) => { const info = { host: null, platform: null }; if (cb) setTimeout(() => cb(info), 0); return Promise.resolve(info); };" : "";
      await route.fulfill({
        contentType: "text/javascript",
        body: `${double}\n;window.__workbook = (function (ExcelDouble) { ${workbookSetup} })(window.ExcelDouble);\nExcelDouble.install(window, window.__workbook);${host}`,
      });
    } else if (url.startsWith(origin)) {
      await route.continue();
    } else {
      await route.abort(); // nothing leaves this machine (fonts from a CDN, for instance)
    }
  });
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector("#preview dl");
  return page;
}

const USERS_WORKBOOK = `
  const state = new ExcelDouble.WorkbookState();
  state.addSheet("Budget", { A1: "Quarter", B1: "Spend", A2: "Q1", B2: 125000 });
  const mine = state.addSheet("Colossus 2 deal", { A1: "My own notes", B7: 42 });
  mine.names.push({ name: "StartDate", ref: "Colossus 2 deal!B7" });
  state.addName("Payment", "Budget!B2");
  return state;
`;

describe("the task pane in headless Chromium", () => {
  it("inserts the seed model beside an existing sheet of the default name, in at most 3 round trips", async () => {
    const page = await openPane(USERS_WORKBOOK);
    const before = await page.evaluate(() => (window as unknown as { __workbook: { snapshot(): unknown } }).__workbook.snapshot());

    // The preview shows the seed's figures before anything is inserted.
    const preview = await page.textContent("#preview");
    expect(preview).toContain("6,300,000,000.00");
    expect(preview).toContain("900,000,000.00");

    // Adjust the terms like a user: discount rate 10%, actual-days proration, a provider name that looks like a formula.
    await page.fill("#discountRate", "10%");
    await page.selectOption("#proration", "actual");
    await page.fill("#provider", "=SpaceX");
    expect(await page.textContent("#preview")).toContain("890,322,580.65");
    await page.click("#insert");
    await page.waitForSelector("#status.ok");
    const status = await page.textContent("#status");
    expect(status).toContain('Inserted the sheet "Colossus 2 deal (2)"');
    expect(status).toContain("6,300,000,000.00");
    expect(status).toContain("1,800,000,000.00");
    expect(status).toContain("890,322,580.65");

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    const result = await page.evaluate(() => {
      const wb = (window as unknown as { __workbook: { snapshot(): unknown; syncs: number } }).__workbook;
      return {
        after: wb.snapshot() as {
          sheets: {
            name: string;
            cells: Record<string, { value: unknown; formula: string | null }>;
            names: { name: string; ref: string }[];
            columnWidths: Record<string, number>;
            charts: { name: string; type: string; source: string; categoryNames: string | null; series: { name: string; values: string }[] }[];
          }[];
          names: unknown[];
        },
        syncs: wb.syncs,
      };
    });
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(result.syncs).toBe(2);
    const beforeState = before as { sheets: unknown[]; names: unknown[] };
    expect(result.after.sheets.slice(0, 2)).toEqual(beforeState.sheets);
    expect(result.after.names).toEqual(beforeState.names);
    const model = result.after.sheets[2];
    expect(model.name).toBe("Colossus 2 deal (2)");
    // The seed's layout: every cell found by its defined name.
    const plan = buildModelPlan(REFLECTION_SPACEX);
    const at = (name: ModelName) => model.cells[addressOf(plan, name)];
    expect(at("Provider")).toMatchObject({ value: "=SpaceX", formula: null }); // text, not a formula
    expect(at("StartDate").value).toBe(46204);
    expect(at("DiscountRate").value).toBe(0.1);
    expect(at("Proration").value).toBe("actual");
    expect(at("TotalValue").formula).toBe("=SUM(SchedulePayment)");
    expect(model.names.find((n) => n.name === "StartDate")?.ref).toBe(`Colossus 2 deal (2)!${addressOf(plan, "StartDate")}`);
    // Column widths in points, converted as Excel converts characters of its default font.
    const widths = buildModelPlan(REFLECTION_SPACEX).columnWidths;
    expect(Object.values(model.columnWidths)).toEqual(widths.map((w) => columnWidth(w).points));
    // The value chart, inserted in the same write: three series named by the cumulative columns' headers.
    const [headline, expected, starts] = (["CumulativeHeadline", "CumulativeExpected", "ScheduleStart"] as const).map((name) => addressesOf(plan, name));
    expect(model.charts.map((c) => c.name)).toEqual(["ValueBridgeChart", "MarketChart"]);
    expect(model.charts[0]).toMatchObject({
      name: "ValueBridgeChart",
      type: "Line",
      categoryNames: `${starts[0]}:${starts[41]}`,
      series: [
        { name: "Cumulative headline", values: `${headline[0]}:${headline[41]}` },
        { name: "Cumulative committed", values: expect.any(String) },
        { name: "Cumulative expected", values: `${expected[0]}:${expected[41]}` },
      ],
    });
    // The market chart: the contract's and the market's price per GPU-hour over the same periods.
    const [contract, market] = (["MarketContractPrice", "MarketPrice"] as const).map((name) => addressesOf(plan, name));
    expect(model.charts[1]).toMatchObject({
      type: "Line",
      categoryNames: `${starts[0]}:${starts[41]}`,
      series: [
        { name: "Contract $/GPU-hour", values: `${contract[0]}:${contract[41]}` },
        { name: "Market $/GPU-hour", values: `${market[0]}:${market[41]}` },
      ],
    });
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it("fits a 320 px pane: with every template, the select and every control fit, nothing scrolls sideways", async () => {
    const page = await openPane(USERS_WORKBOOK, 320);
    const overflow = () =>
      page.evaluate(() => {
        const wide = [...document.querySelectorAll("select, input, button, label, #preview dl, #status, #template-notes")]
          .filter((el) => !(el as HTMLElement).hidden && el.getClientRects().length > 0)
          .map((el) => ({ id: el.id || el.tagName, right: el.getBoundingClientRect().right, left: el.getBoundingClientRect().left }))
          .filter((r) => r.right > 320 || r.left < 0);
        return { scrollWidth: document.documentElement.scrollWidth, wide };
      });
    const templates = await page.$$eval("#templateId option", (options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(templates.length).toBeGreaterThanOrEqual(3);
    for (const id of templates) {
      await page.selectOption("#templateId", id);
      expect([id, await overflow()]).toEqual([id, { scrollWidth: 320, wide: [] }]);
    }
    // An error in the preview, large amounts, a long unbroken sheet name and the result after inserting fit too.
    await page.fill("#endDate", "2026-01-01");
    expect(await overflow()).toEqual({ scrollWidth: 320, wide: [] });
    await page.selectOption("#templateId", templates[0]);
    await page.fill("#payment", "99999999999.99");
    await page.fill("#sheetName", "W".repeat(31));
    expect(await page.textContent("#preview")).toContain("4,199,999,999,999.58");
    expect(await overflow()).toEqual({ scrollWidth: 320, wide: [] });
    await page.click("#insert");
    await page.waitForSelector("#status.ok");
    expect(await page.textContent("#status")).toContain("W".repeat(31));
    expect(await overflow()).toEqual({ scrollWidth: 320, wide: [] });
    // The check can fail: a control wider than the pane is caught.
    await page.addStyleTag({ content: "#templateId { min-width: 400px; }" });
    const forced = await overflow();
    expect(forced.scrollWidth).toBeGreaterThan(320);
    expect(forced.wide.map((w) => w.id)).toEqual(["templateId"]);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it("explains bad terms in the form, and does not offer to insert them", async () => {
    const page = await openPane("return new ExcelDouble.WorkbookState();", 480);
    await page.fill("#endDate", "2026-01-01");
    expect(await page.textContent("#preview")).toContain("is before the start date");
    // Insert waits until the terms read: the button is disabled, the workbook untouched.
    expect(await page.isDisabled("#insert")).toBe(true);
    await page.press("#endDate", "Enter"); // submitting the form by the keyboard inserts nothing either
    expect(await page.evaluate(() => (window as unknown as { __workbook: { syncs: number } }).__workbook.syncs)).toBe(0);
    await page.close();
  });

  it("Portfolio from a table: maps a table with unusual headers and a bad row, inserts the portfolio, leaves the table untouched", async () => {
    const page = await openPane(
      `
      const state = new ExcelDouble.WorkbookState();
      state.addSheet("Summary", { A1: "Board pack" });
      const header = ["Client", "Commencement", "EXPIRY", "Charge per period", "Payment frequency", "Lock-in", "Notice", "Notice period", "Region"];
      const rows = [
        ["Reflection AI", 46204, 47483, 150000000, "monthly", 3, 90, 90, "US"],
        ["Northwind Compute", 46023, 47118, 60000000, "quarterly", 12, 180, 180, "EU"],
        ["reflection ai", 47484, 47848, 150000000, "", 12, "by email to legal", 90, "US"],
      ];
      const cells = { A1: "Deal book", B20: "Notes below the table" };
      header.forEach((h, c) => (cells["BCDEFGHIJ"[c] + "3"] = h));
      rows.forEach((row, r) => row.forEach((v, c) => (cells["BCDEFGHIJ"[c] + (4 + r)] = v)));
      state.addSheet("Deals 2026", cells);
      state.addTable("DealBook", "Deals 2026", "B3:J6");
      return state;
    `,
      320,
    );
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    const snapshot = () => page.evaluate(() => (window as unknown as { __workbook: { snapshot(): { sheets: { name: string }[] } } }).__workbook.snapshot());
    const syncs = () => page.evaluate(() => (window as unknown as { __workbook: { syncs: number } }).__workbook.syncs);
    const before = await snapshot();
    await page.click("#register-refresh");
    await page.waitForSelector('#register-source option[value="DealBook"]', { state: "attached" });
    await page.selectOption("#register-source", "DealBook");
    await page.click("#register-read");
    await page.waitForSelector("#register-columns:not([hidden])");
    // How each column was read: "Charge per period" is no payment header; the second notice column is left to the user.
    const readAs = () => page.$$eval("#register-columns tbody select", (selects) => selects.map((s) => (s as HTMLSelectElement).value));
    expect(await readAs()).toEqual(["counterparty", "startDate", "endDate", "", "frequency", "lockInMonths", "noticeDays", "", ""]);
    expect(await page.textContent("#register-message")).toBe("No column gives the payment: choose one. (rows count from the header, on sheet row 3, as row 1) Nothing was inserted.");
    expect(await page.isDisabled("#register-insert")).toBe(true);
    await page.selectOption("#register-column-3", "payment");
    // The bad row, named by row and column, until the columns are mapped right.
    expect(await page.textContent("#register-message")).toMatch(/^Row 4, column "Notice": the notice days must be a number, not the text "by email to legal"\./);
    await page.selectOption("#register-column-6", "");
    await page.selectOption("#register-column-7", "noticeDays");
    expect(await page.textContent("#register-message")).toBe("Ready: 3 deals. Columns mapped by hand: Expected (DEAL.BACKLOG reads headers) is left out. The formulas read 13 more rows below the table for deals you add.");
    expect(await scrollWidth()).toBe(320); // the column mapping fits a 320 px pane
    const syncsBefore = await syncs();
    await page.click("#register-insert");
    await page.waitForSelector("#register-message.ok");
    expect(await page.textContent("#register-message")).toContain(`Inserted the sheet "Portfolio" over 'Deals 2026'!B3:J6`);
    expect((await syncs()) - syncsBefore).toBe(2); // at most 3 whatever the number of deals: read, write (undo only on failure)
    const after = (await snapshot()) as unknown as { sheets: { name: string; cells: Record<string, { formula: string | null }> }[] };
    // The user's sheets, table included, are exactly as they were.
    expect(after.sheets.slice(0, 2)).toEqual(before.sheets);
    expect(after.sheets[2].name).toBe("Portfolio");
    const formulas = Object.values(after.sheets[2].cells).map((c) => c.formula ?? "").join("\n");
    expect(formulas).toContain("'Deals 2026'!$E$4:$E$19");
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it("tells the user when Excel is too old, and disables Insert", async () => {
    const page = await openPane('return new ExcelDouble.WorkbookState({ supportedSets: { ExcelApi: "1.3" } });');
    expect(await page.textContent("#host-warning")).toMatch(/too old/);
    expect(await page.isDisabled("#insert")).toBe(true);
    await page.close();
  });

  it("outside Excel (office.js not loaded, or a plain browser) says so and disables Insert; the preview still works", async () => {
    for (const [office, said] of [["missing", /Office\.js did not load/], ["browser", /not running inside Excel/]] as const) {
      const page = await openPane("return new ExcelDouble.WorkbookState();", 320, office);
      expect(await page.textContent("#host-warning")).toMatch(said);
      expect(await page.isDisabled("#insert")).toBe(true);
      expect(await page.isDisabled("#register-read")).toBe(true);
      expect(await page.textContent("#preview")).toContain("6,300,000,000.00"); // the seed: 42 × 150,000,000
      await page.close();
    }
  });

  it("disables Insert while a field holds an error, such as an ambiguous rate", async () => {
    const page = await openPane("return new ExcelDouble.WorkbookState();");
    expect(await page.isDisabled("#insert")).toBe(false);
    await page.fill("#discountRate", "8");
    expect(await page.textContent("#preview")).toContain("discount_rate 8 is ambiguous: write 8% or 0.08.");
    expect(await page.isDisabled("#insert")).toBe(true);
    await page.fill("#discountRate", "8%");
    expect(await page.isDisabled("#insert")).toBe(false);
    await page.close();
  });

  it("is operable from the keyboard: every control is labelled and reachable with Tab", async () => {
    const page = await openPane("return new ExcelDouble.WorkbookState();");
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, button")]
        .filter((el) => el.tagName !== "BUTTON" && !document.querySelector(`label[for="${el.id}"]`))
        .map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
    await page.focus("#templateId");
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== "insert"; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("insert");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#status.ok");
    expect(await page.textContent("#status")).toContain('Inserted the sheet "Colossus 2 deal"');
    await page.close();
  });
});
