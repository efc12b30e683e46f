/**
 * Issue 15 §2: register files as spreadsheets export them — comma, semicolon or tab; UTF-8 with or
 * without a byte-order mark, UTF-16, Windows-1252 — read correctly or refused naming the encoding,
 * never with replacement characters; a size cap so that /dev/zero neither hangs nor eats memory.
 * Each test failed first (noted in a comment).
 */
import fs from "fs";
import os from "os";
import path from "path";
import { RegisterError } from "../../src/core";
import { decodeRegisterBytes, detectDelimiter, main, parseCsv, readRegisterCsv, readRegisterFile, refusalLines } from "../../src/cli/register";
import { serialOf } from "../support/dates";
import { refusal } from "../support/refusal";


const REGISTER = "Customer;Contract start;Expiry;Monthly fee ($)\nSociété X;1-Jul-2026;30-Jun-2027;$1,000\nSociètà X;2026-07-01;2027-06-30;2,000\n";

describe("delimiters", () => {
  // Failed with: decodeRegisterBytes / detectDelimiter not exported; a semicolon file read as one column.
  it("detects comma, semicolon or tab from the header row, outside quotes", () => {
    expect(detectDelimiter("a,b,c\n1,2,3")).toBe(",");
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
    expect(detectDelimiter('"x;y;z",b\n')).toBe(",");
    expect(parseCsv("a;b\n1,5;\"x;y\"\n")).toEqual([["a", "b"], ["1,5", "x;y"]]);
    expect(parseCsv("a;b\n1;2\n", ",")).toEqual([["a;b"], ["1;2"]]);
  });
});

describe("encodings", () => {
  const bytes = (text: string, encoding: BufferEncoding) => new Uint8Array(Buffer.from(text, encoding));

  // Failed with: the file was read as UTF-8 whatever its bytes, so both names became "Soci�t� X".
  it("reads UTF-8 with or without a BOM, UTF-16 LE/BE with a BOM, and Windows-1252, keeping é and è apart", () => {
    const utf8 = bytes(REGISTER, "utf8");
    const le = new Uint8Array([0xff, 0xfe, ...bytes(REGISTER, "utf16le")]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(bytes(REGISTER, "utf16le")).swap16()]);
    const cp1252 = new Uint8Array(Buffer.from(REGISTER, "latin1")); // é è à are single bytes in Windows-1252 as in Latin-1
    expect(decodeRegisterBytes(utf8)).toEqual({ text: REGISTER, encoding: "UTF-8" });
    expect(decodeRegisterBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: REGISTER, encoding: "UTF-8" });
    expect(decodeRegisterBytes(le)).toEqual({ text: REGISTER, encoding: "UTF-16LE" });
    expect(decodeRegisterBytes(be)).toEqual({ text: REGISTER, encoding: "UTF-16BE" });
    expect(decodeRegisterBytes(cp1252)).toEqual({ text: REGISTER, encoding: "Windows-1252" });
    expect(decodeRegisterBytes(new Uint8Array([0x80, 0x41]), "windows-1252").text).toBe("€A");
  });

  it("refuses, naming the encoding, what it cannot decode", () => {
    expect(refusal(() => decodeRegisterBytes(new Uint8Array([0x41, 0x81, 0x42])))).toBe(
      "The file is neither UTF-8 nor Windows-1252 (byte 0x81 at offset 1): save it as CSV UTF-8, or state --encoding.",
    );
    expect(refusal(() => decodeRegisterBytes(new Uint8Array([0x41, 0xe9]), "utf-8"))).toBe("The file is not valid UTF-8 (as --encoding says): save it as CSV UTF-8, or state its encoding.");
    expect(refusal(() => decodeRegisterBytes(new Uint8Array(Buffer.from("a,b\n", "utf16le"))))).toBe(
      "The file looks like UTF-16 without a byte-order mark: save it as CSV UTF-8, or state --encoding utf-16le or utf-16be.",
    );
  });

  it("reads a semicolon Windows-1252 register whole: two counterparties, currency and typed dates", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-files-"));
    const file = path.join(dir, "deals.csv");
    fs.writeFileSync(file, Buffer.from(REGISTER, "latin1"));
    const read = readRegisterFile(file);
    expect(read.register.deals.map((d) => [d.counterparty, d.terms.startDate])).toEqual([["Société X", serialOf("2026-07-01")], ["Sociètà X", serialOf("2026-07-01")]]);
    expect(read.notes).toEqual(["Read as Windows-1252 (the file is not UTF-8), with ';' between fields."]);
  });
});

describe("size", () => {
  // Failed with: readFileSync read /dev/zero until memory ran out (17 GB, exit 134).
  it("refuses a file larger than the cap without reading it all (/dev/zero ends at the cap)", () => {
    const started = Date.now();
    expect(refusal(() => readRegisterFile("/dev/zero", { maxBytes: 1 << 20 }))).toBe("/dev/zero is larger than 1 MB: a register is read up to that size.");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("the command line", () => {
  // Failed with: Unknown option '--date-order'; and only the first bad row was printed.
  it("states the date order and the delimiter, and prints every bad row", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-cli-"));
    fs.writeFileSync(path.join(dir, "d.csv"), "Client\tStart\tEnd\tFee\nA\t7/1/2026\t6/30/2027\t1\nTotal\t\t\t1\n");
    const lines: string[] = [];
    expect(main(["d.csv", "--date-order", "mdy", "--delimiter", "tab"], dir, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe("1 deals (2 rows, 0 blank skipped)");
    expect(lines).toContain('Skipped row 3: a total ("Total")');
    let error: unknown;
    try {
      main(["d.csv", "--delimiter", "tab"], dir, () => undefined);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegisterError);
    expect(refusalLines(error as RegisterError)).toEqual([
      'Row 2, column "Start": the start date "7/1/2026" is ambiguous: 7 January 2026 or July 1, 2026? Write it as 2026-01-07 or 2026-07-01, or state the order (--date-order dmy or mdy; the pane\'s "Dates typed as").',
    ]);
    expect(() => main(["d.csv", "--date-order", "ymd"], dir, () => undefined)).toThrow('--date-order must be "dmy" or "mdy", not "ymd".');
  });
});

describe("characters a workbook cannot hold", () => {
  // Failed with: parseCsv returned the cell, and the model CLI wrote a corrupt workbook (LibreOffice showed totals of 0).
  it("are refused in any cell of the file, read or not, naming the row and field", () => {
    expect(refusal(() => parseCsv("Client,Region\nAcme,North\u0001\n"))).toBe("Row 2, field 2: a control character (U+0001) that a workbook cannot hold: remove it.");
    expect(refusal(() => parseCsv("Client,Reg\uFFFEion\nAcme,North\n"))).toBe("Row 1, field 2: a character (U+FFFE) that a workbook cannot hold: remove it.");
  });
});

describe("text already decoded with replacement characters", () => {
  // Failed with: "Soci\uFFFDt\uFFFD X" read as a counterparty — two names merged (the model CLI reads the file as UTF-8 text).
  it("is refused, saying the file was probably not UTF-8", () => {
    expect(refusal(() => readRegisterCsv("Client,Start,End,Payment\nSoci\uFFFDt\uFFFD X,2026-07-01,2027-06-30,1\n"))).toBe(
      "Line 2 holds U+FFFD replacement characters: the file was read as UTF-8 but is not (Windows-1252?). Read it with readRegisterFile, or save it as CSV UTF-8.",
    );
  });
});

describe("a register as a finance team keeps it, in one run", () => {
  // Failed first with: "Contract start" not recognised (then, one by one, 01-Jul-2026, $150,000,000, 3%, the Total row).
  it("gives the figures of the same deals written plainly: units in headers, currency, %, typed dates, a blank row and a Total row", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-kept-"));
    const kept = [
      "Customer;Contract start;Term end;Monthly fee ($);Escalation (%/yr);Lock-in (months);Notice (days);Region",
      "Société X;01-Jul-2026;June 30, 2029;$150,000,000;3%;12;90;EU",
      "Sociètà X;1 Jan 2027;31/12/2028;USD 20,000,000.00;0%;6;30;EU",
      ";;;;;;;",
      "Acme Labs;2026-10-01;2027-09-30;5,000,000;2.5 %;3;60;US",
      "Total;;;$175,000,000;;;;",
    ].join("\r\n");
    const plain = [
      "Counterparty,Start date,End date,Payment,Escalation,Lock-in months,Notice days",
      "Société X,2026-07-01,2029-06-30,150000000,0.03,12,90",
      "Sociètà X,2027-01-01,2028-12-31,20000000,0,6,30",
      "Acme Labs,2026-10-01,2027-09-30,5000000,0.025,3,60",
    ].join("\n");
    fs.writeFileSync(path.join(dir, "kept.csv"), Buffer.from(kept, "latin1"));
    fs.writeFileSync(path.join(dir, "plain.csv"), plain);
    const run = (file: string) => {
      const lines: string[] = [];
      expect(main([file], dir, (l) => lines.push(l))).toBe(0);
      return lines;
    };
    const [keptLines, plainLines] = [run("kept.csv"), run("plain.csv")];
    expect(keptLines.slice(0, 4)).toEqual([
      "3 deals (5 rows, 1 blank skipped)",
      "Read as Windows-1252 (the file is not UTF-8), with ';' between fields.",
      'Skipped row 6: a total ("Total")',
      'Ignored columns: "Region"',
    ]);
    expect(plainLines[0]).toBe("3 deals (3 rows, 0 blank skipped)");
    expect(keptLines.slice(4)).toEqual(plainLines.slice(1));
    // Headline by hand: 36 × 150,000,000 with 3% from each anniversary = 12 × 150M × (1 + 1.03 + 1.0609) = 5,563,620,000.
    expect(keptLines.find((l) => l.startsWith("Société X"))).toContain("5,563,620,000.00");
  });
});

describe("rows beyond the limit", () => {
  // Failed with: 100,000 rows were all split into records before the register refused them (and the model CLI then aborted out of memory).
  it("are refused while splitting the file, with the register's plain message", () => {
    const text = "Client,Start,End,Payment\n" + "A,2026-07-01,2027-06-30,1\n".repeat(100_000);
    expect(refusal(() => readRegisterCsv(text))).toBe("The register has more than 20,000 rows below its header; at most 20,000 are read. Split it into smaller registers.");
  });
});
