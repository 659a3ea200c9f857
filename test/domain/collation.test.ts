import { describe, expect, it } from "vitest";
import { byVietnamese, sortByName } from "../../src/domain/collation.ts";

describe("Vietnamese alphabetical order", () => {
  it("puts ă before r and Đ after D, where code-point order puts them after z", () => {
    const names = ["UBND huyện Chư Prông", "UBND huyện Đức Cơ", "UBND huyện Chư Păh", "UBND huyện Ia Grai"];
    expect([...names].sort()).toEqual([
      "UBND huyện Chư Prông",
      "UBND huyện Chư Păh",
      "UBND huyện Ia Grai",
      "UBND huyện Đức Cơ",
    ]);
    expect([...names].sort(byVietnamese)).toEqual([
      "UBND huyện Chư Păh",
      "UBND huyện Chư Prông",
      "UBND huyện Đức Cơ",
      "UBND huyện Ia Grai",
    ]);
  });

  it("orders the letters a ă â, d đ, o ô ơ, u ư as the Vietnamese alphabet does", () => {
    expect(["ư", "ơ", "đ", "â", "u", "ô", "ă", "o", "d", "a"].sort(byVietnamese)).toEqual([
      "a",
      "ă",
      "â",
      "d",
      "đ",
      "o",
      "ô",
      "ơ",
      "u",
      "ư",
    ]);
    expect(byVietnamese("Dân tộc", "Đài Phát thanh")).toBeLessThan(0);
    expect(byVietnamese("Đài Phát thanh", "Gia Lai")).toBeLessThan(0);
  });

  it("reads numbers in names as numbers", () => {
    expect(["Phường 10", "Phường 2", "Phường 1"].sort(byVietnamese)).toEqual([
      "Phường 1",
      "Phường 2",
      "Phường 10",
    ]);
  });

  it("sorts a copy by a name and keeps equal names in their order", () => {
    const rows = [
      { id: 1, name: "Sở Y tế" },
      { id: 2, name: "Sở Tài chính" },
      { id: 3, name: "Sở Y tế" },
    ];
    expect(sortByName(rows, (row) => row.name).map((row) => row.id)).toEqual([2, 1, 3]);
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3]);
  });
});
