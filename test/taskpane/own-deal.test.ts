/**
 * The pane offers "Your deal", a neutral template: blank identity and terms, read back as the user's
 * own deal only. Termination fields left blank are no clause (no early exit), not "terminable at once".
 */
import { dealFromForm, formFromTemplate, previewForm } from "../../src/taskpane/form";
import { ALL_TEMPLATES, YOUR_DEAL } from "../../src/model/templates";

test("Your deal is offered, and its form holds nothing of another deal", () => {
  expect(ALL_TEMPLATES.map((t) => t.id)).toContain("your-deal");
  const form = formFromTemplate(YOUR_DEAL);
  expect(form).toMatchObject({ provider: "", client: "", facility: "", hardware: "", startDate: "", endDate: "", payment: "", lockInMonths: "", noticeDays: "", gpuCount: "" });
});

test("blank terms are named; given terms make the deal; blank termination fields mean no early exit", () => {
  const form = formFromTemplate(YOUR_DEAL);
  // The first blank term is marked on its field.
  expect(previewForm(form)).toEqual({ ok: false, field: "startDate", message: "start_date is missing: give a date." });
  const filled = { ...form, client: "Acme Labs", provider: "CoreWeave", startDate: "2027-01-01", endDate: "2029-12-31", payment: "20,000,000" };
  const deal = dealFromForm(filled);
  expect(deal.title).toBe("Acme Labs × CoreWeave");
  const preview = previewForm(filled);
  // 36 × 20,000,000 = 720,000,000, all committed: no clause given.
  expect(preview.ok && preview.lines.slice(0, 4)).toEqual([
    ["Total contract value", "720,000,000.00"],
    ["Annual run-rate", "240,000,000.00"],
    ["Earliest exit", "2030-01-01"],
    ["Committed at earliest exit", "720,000,000.00 (100.00%)"],
  ]);
  // With the clause: notice 2027-04-01 (3-month lock-in) + 90 days = 2027-06-30; Jan–Jun 2027 = 6 × 20M.
  const clause = previewForm({ ...filled, lockInMonths: "3", noticeDays: "90" });
  expect(clause.ok && clause.lines[3]).toEqual(["Committed at earliest exit", "120,000,000.00 (16.67%)"]);
});
