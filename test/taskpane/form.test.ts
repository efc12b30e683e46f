import { dealFromForm, formFromTemplate, previewForm } from "../../src/taskpane/form";
import { GOOGLE_SPACEX_STYLE, GPU_CAPACITY_LEASE, REFLECTION_SPACEX } from "../../src/model/templates";
import { serialOf } from "../support/dates";

describe("task pane form", () => {
  it("is prefilled from the seed template: ISO dates, money with separators, percentages", () => {
    const form = formFromTemplate(REFLECTION_SPACEX);
    expect(form).toMatchObject({
      startDate: "2026-07-01",
      endDate: "2029-12-31",
      payment: "150,000,000",
      escalation: "0",
      discountRate: "8",
      lockInMonths: "3",
      noticeDays: "90",
      noticeInLockIn: false,
      noticeDate: "",
      sheetName: "Colossus 2 deal",
    });
  });

  it("reads back into the same terms", () => {
    const deal = dealFromForm(formFromTemplate(REFLECTION_SPACEX));
    expect(deal.terms).toMatchObject({ startDate: 46204, endDate: serialOf("2029-12-31"), payment: 150_000_000, noticeDays: 90 });
    expect(deal.discountRate.value).toBe(0.08);
  });

  it("keeps a template's ramp and its fixed-date lock-in", () => {
    expect(formFromTemplate(GPU_CAPACITY_LEASE).payment).toBe("");
    expect(dealFromForm(formFromTemplate(GPU_CAPACITY_LEASE)).terms.payment).toEqual(GPU_CAPACITY_LEASE.terms.payment);
    const google = dealFromForm(formFromTemplate(GOOGLE_SPACEX_STYLE));
    expect(google.terms.lockInLastDay).toBe(serialOf("2026-12-31"));
  });

  it("previews the headline figures, or names the field that is wrong", () => {
    const form = formFromTemplate(REFLECTION_SPACEX);
    const preview = previewForm(form);
    expect(preview.ok && Object.fromEntries(preview.lines)).toMatchObject({
      "Total contract value": "6,300,000,000.00",
      "Annual run-rate": "1,800,000,000.00",
      "Earliest exit": "2026-12-30",
      "Committed at earliest exit": "900,000,000.00 (14.29%)",
      "Present value": "5,539,137,544.34",
    });
    expect(previewForm({ ...form, payment: "lots" })).toEqual({ ok: false, field: "payment", message: "Payment must be an amount, such as 150,000,000." });
    expect(previewForm({ ...form, discountRate: "8 percent" })).toMatchObject({ ok: false, field: "discountRate" });
    expect(previewForm({ ...form, sheetName: "a/b" })).toMatchObject({ ok: false, field: "sheetName" });
    expect(previewForm({ ...form, payment: "-5" })).toMatchObject({ ok: false, field: null });
    expect(previewForm({ ...form, noticeDate: "2026-09-01" })).toMatchObject({ ok: false, message: expect.stringMatching(/too early/) });
  });
});
