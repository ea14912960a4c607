import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "@/lib/csv";
import { planMerge } from "@/lib/surveys/merge-plan";
import { normalizeQuestions, validateAnswers } from "@/lib/surveys/schemas";
import { parseCsv } from "../support/csv";

describe("S3 CSV cells", () => {
  it("S3: quotes, commas and line breaks are quoted and survive a round trip", () => {
    const values = ['say "hi"', "a,b", "two\nlines", "cr\r\nlf", "plain", ""];
    const parsed = parseCsv(csvRow(values));
    expect(parsed).toEqual([values]);
  });

  it.each(["=SUM(A1:A9)", "+1", "-2+3", "@cmd", "\tTAB", "\rCR"])("S3: %j cannot run as a spreadsheet formula: it starts with a quote", (value) => {
    const [[cell]] = parseCsv(csvRow([value]));
    expect(cell).toBe(`'${value}`);
  });

  it("S3: null and numbers are written plainly", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("S2 merge plan: every answer keeps a question", () => {
  const ids = () => {
    let n = 0;
    return () => `fresh-${++n}`;
  };

  it("S2: a question the target already asks (ignoring case and spaces) receives the answers; others are added", () => {
    const plan = planMerge(
      [
        { id: "a", text: "Are all exits  clear?" },
        { id: "b", text: "Anything else?" },
      ],
      [
        { id: "x", text: "are all exits clear?" },
        { id: "y", text: "Rate us" },
      ],
      ids(),
    );
    expect(plan.rename).toEqual({ a: "x" });
    expect(plan.added).toEqual([{ id: "b", text: "Anything else?" }]);
    expect(plan.matched).toHaveLength(1);
    expect(plan.targetIds.sort()).toEqual(["b", "x", "y"]);
  });

  it("S2: a source question whose id the target already uses for another question gets a fresh id", () => {
    const plan = planMerge([{ id: "q1", text: "Batch number" }], [{ id: "q1", text: "How likely are you to recommend us?" }], ids());
    expect(plan.added).toEqual([{ id: "fresh-1", text: "Batch number" }]);
    expect(plan.rename).toEqual({ q1: "fresh-1" });
  });

  it("S2: a required source question is added as optional: the target's respondents are not bound by it", () => {
    const plan = planMerge([{ id: "a", text: "Batch number", required: true }], [{ id: "b", text: "Rate us" }], ids());
    expect(plan.added).toEqual([{ id: "a", text: "Batch number" }]);
  });

  it("S2: identical surveys merge without renaming anything", () => {
    const questions = [
      { id: "q1", text: "One" },
      { id: "q2", text: "Two" },
    ];
    const plan = planMerge(questions, questions, ids());
    expect(plan.rename).toEqual({});
    expect(plan.added).toEqual([]);
  });

  it("S2: two source questions with the same text do not both claim one target question", () => {
    const plan = planMerge(
      [
        { id: "a", text: "Same" },
        { id: "b", text: "Same" },
      ],
      [{ id: "t", text: "Same" }],
      ids(),
    );
    expect(plan.rename).toEqual({ a: "t" });
    expect(plan.added).toEqual([{ id: "b", text: "Same" }]);
  });
});

describe("S1 editing questions", () => {
  it("S1: known ids are kept, new and forged ids get fresh ones, duplicates too", () => {
    let n = 0;
    const { questions, fieldErrors } = normalizeQuestions(
      { questionId: ["q1", "", "not-ours", "q1"], questionText: [" One ", "Two", "Three", "Four"], questionRequired: ["true", "false", "true", "no"] },
      [{ id: "q1", text: "Old one" }],
      () => `new-${++n}`,
    );
    expect(fieldErrors).toEqual({});
    expect(questions).toEqual([
      { id: "q1", text: "One", required: true },
      { id: "new-1", text: "Two", required: false },
      { id: "new-2", text: "Three", required: true },
      { id: "new-3", text: "Four", required: false },
    ]);
  });

  it("§10: an empty, overlong or NUL question is named by its position", () => {
    const { fieldErrors } = normalizeQuestions(
      { questionId: ["", "", ""], questionText: ["  ", "x".repeat(501), "a\u0000b"], questionRequired: [] },
      [],
      () => "n",
    );
    expect(Object.keys(fieldErrors).sort()).toEqual(["question.0", "question.1", "question.2"]);
  });
});

describe("Share-link answers", () => {
  const questions = [
    { id: "q1", text: "Required one", required: true },
    { id: "q2", text: "Optional" },
  ];

  it("answers are trimmed, empty ones left out, unknown fields ignored", () => {
    const result = validateAnswers(questions, { "answer.q1": "  Yes ", "answer.q2": "", "answer.zzz": "ignored", other: "x" });
    expect(result).toEqual({ answers: { q1: "Yes" }, fieldErrors: {} });
  });

  it("§10: a missing required answer, an overlong one, a NUL and a repeated field are refused on their field", () => {
    expect(validateAnswers(questions, { "answer.q2": "fine" }).fieldErrors).toHaveProperty("answer.q1");
    expect(validateAnswers(questions, { "answer.q1": "x".repeat(5001) }).fieldErrors).toHaveProperty("answer.q1");
    expect(validateAnswers(questions, { "answer.q1": "a\u0000" }).fieldErrors).toHaveProperty("answer.q1");
    expect(validateAnswers(questions, { "answer.q1": ["a", "b"] }).fieldErrors).toHaveProperty("answer.q1");
  });

  it("nothing answered at all is a form error", () => {
    expect(validateAnswers([{ id: "q", text: "Optional" }], {}).formError).toMatch(/at least one/);
  });
});
