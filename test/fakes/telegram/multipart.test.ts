import { describe, expect, it } from "vitest";
import { parseMultipart } from "./multipart.ts";

describe("the fake Bot API's multipart parser", () => {
  it("parses multipart with quoted, unquoted and extended parameters", () => {
    const b = "XyZ";
    const body = Buffer.from(
      [
        `--${b}`,
        'Content-Disposition: form-data; name="chat_id"',
        "",
        "42",
        `--${b}`,
        'content-disposition:form-data;name="f1";filename=a b.txt',
        "content-type:application/octet-stream",
        "",
        "one\r\ntwo",
        `--${b}`,
        'Content-Disposition: form-data; name="f2"; filename="x.bin"; filename*=UTF-8\'\'B%C3%A1o.bin',
        "",
        "",
        `--${b}--`,
        "",
      ].join("\r\n"),
    );
    const { fields, files } = parseMultipart(body, b);
    expect(fields).toEqual({ chat_id: "42" });
    expect(files.map((f) => [f.field, f.filename, f.bytes.toString()])).toEqual([
      ["f1", "a b.txt", "one\r\ntwo"],
      ["f2", "Báo.bin", ""],
    ]);
    expect(() => parseMultipart(Buffer.from(`--${b}\r\nno end`), b)).toThrow();
  });
});
