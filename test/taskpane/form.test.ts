import { dealFromForm, FIELDS, formFromTemplate, paneGroups, PANE_INPUTS, previewForm } from "../../src/taskpane/form";
import * as F from "../../src/functions/functions";
import { CustomFunctionsErrorStub } from "../support/customFunctionsStub";
import { GOOGLE_SPACEX_STYLE, GPU_CAPACITY_LEASE, REFLECTION_SPACEX } from "../../src/model/templates";
import { serialOf } from "../support/dates";

describe("task pane form", () => {
  it("is prefilled from the seed template: ISO dates, money with separators, percentages with their sign", () => {
    const form = formFromTemplate(REFLECTION_SPACEX);
    expect(form).toEqual({
      templateId: "reflection-spacex",
      provider: "SpaceX",
      client: "Reflection AI",
      facility: "Colossus 2",
      hardware: "NVIDIA GB300",
      frequency: "monthly",
      timing: "advance",
      proration: "full",
      lockInLastDay: "",
      terminationFee: "0",
      startDate: "2026-07-01",
      endDate: "2029-12-31",
      payment: "150,000,000",
      escalation: "0%",
      discountRate: "8%",
      lockInMonths: "3",
      noticeDays: "90",
      noticeInLockIn: false,
      noticeDate: "",
      gpuCount: "", // not disclosed
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
    expect(previewForm({ ...form, payment: "lots" })).toEqual({ ok: false, field: "payment", message: 'payment must be a number, not the text "lots".' });
    expect(previewForm({ ...form, discountRate: "8 percent" })).toMatchObject({ ok: false, field: "discountRate" });
    expect(previewForm({ ...form, sheetName: "a/b" })).toMatchObject({ ok: false, field: "sheetName" });
    expect(previewForm({ ...form, payment: "-5" })).toMatchObject({ ok: false, field: null });
    expect(previewForm({ ...form, noticeDate: "2026-09-01" })).toMatchObject({ ok: false, message: expect.stringMatching(/too early/) });
  });

  it("lists its controls in sheet order, from the input declarations", () => {
    expect(FIELDS).toEqual([
      "templateId", "sheetName", "provider", "client", "facility", "hardware", "startDate", "endDate", "payment", "frequency", "escalation", "timing",
      "proration", "lockInMonths", "lockInLastDay", "noticeDays", "noticeInLockIn", "noticeDate", "terminationFee", "discountRate",
      "gpuCount",
    ]);
  });

  it("places every pane input exactly once in its groups", () => {
    const placed = paneGroups().flatMap((g) => g.rows.flat().map((d) => d.name));
    expect([...placed].sort()).toEqual(PANE_INPUTS.map((d) => d.name).sort());
    expect(paneGroups().map((g) => g.legend)).toEqual(["Contract", "Payments", "Termination"]);
    expect(paneGroups().every((g) => g.rows.every((row) => row.length >= 1 && row.length <= 2))).toBe(true);
  });

  it("reads rates as 8% or 0.08, and refuses a bare 8 with the functions' own message", () => {
    const form = formFromTemplate(REFLECTION_SPACEX);
    // README: present value 5,539,137,544.34 at 8%, 5,223,242,691.40 at 12%.
    const pv = (discountRate: string) => {
      const preview = previewForm({ ...form, discountRate });
      return preview.ok ? Object.fromEntries(preview.lines)["Present value"] : preview;
    };
    expect(pv("8%")).toBe("5,539,137,544.34");
    expect(pv("0.08")).toBe("5,539,137,544.34");
    expect(pv("12%")).toBe("5,223,242,691.40");
    expect(pv("0.12")).toBe("5,223,242,691.40");
    const refusal = previewForm({ ...form, discountRate: "8" });
    expect(refusal).toEqual({ ok: false, field: "discountRate", message: "discount_rate 8 is ambiguous: write 8% or 0.08." });
    let excelMessage = "";
    try {
      F.contractPv(46204, 47483, [[150_000_000]], 8);
    } catch (error) {
      excelMessage = (error as CustomFunctionsErrorStub).message;
    }
    expect(!refusal.ok && refusal.message).toBe(excelMessage);
  });

  it("shows semi-annual and percentages of other templates as the sheet words them", () => {
    // gpu-capacity-lease: quarterly, 3% escalation, 10% discount rate, 50,000,000 fee, notice in lock-in.
    expect(formFromTemplate(GPU_CAPACITY_LEASE)).toMatchObject({
      frequency: "quarterly",
      escalation: "3%",
      discountRate: "10%",
      terminationFee: "50,000,000",
      timing: "arrears",
      proration: "actual",
      noticeInLockIn: true,
    });
    const form = formFromTemplate(REFLECTION_SPACEX);
    const semi = dealFromForm({ ...form, frequency: "semi-annual", payment: "900,000,000" });
    expect(semi.terms).toMatchObject({ frequency: "semiannual", payment: 900_000_000 });
    expect(formFromTemplate(semi).frequency).toBe("semi-annual");
    expect(previewForm({ ...form, frequency: "weekly" })).toMatchObject({ ok: false, field: "frequency" });
    expect(previewForm({ ...form, noticeDays: "90.5" })).toEqual({
      ok: false,
      field: "noticeDays",
      message: 'notice_days must be a whole number, not the text "90.5".',
    });
  });
});

describe("the GPU count, a field declared once (src/core/fields.ts)", () => {
  it("is a pane field: shown, read back, and blank when not disclosed", () => {
    // GOOGLE_SPACEX_STYLE reports about 110,000 GPUs.
    const form = formFromTemplate(GOOGLE_SPACEX_STYLE);
    expect(form.gpuCount).toBe("110000");
    const kept = dealFromForm(form);
    expect(kept.gpuCount).toEqual({ value: 110_000, basis: "reported" }); // unchanged: keeps its basis
    const changed = dealFromForm({ ...form, gpuCount: "100,000" });
    expect(changed.gpuCount).toEqual({ value: 100_000, basis: "assumed" });
    expect(dealFromForm({ ...form, gpuCount: "" }).gpuCount).toEqual({ value: null, basis: "not disclosed" });
    expect(() => dealFromForm({ ...form, gpuCount: "1.5" })).toThrow("gpu_count must be a whole number, not the text \"1.5\".");
  });
});
