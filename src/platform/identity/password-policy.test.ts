import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordFlaws } from "./password-policy.ts";

const context = { loginId: "hayama.taro", displayName: "葉山 太郎", municipality: ["葉山町", "ハヤママチ"] };

describe("NIST SP 800-63B-4 §3.1.1.2: password rules", () => {
  it("a single-factor password has at least 15 characters, counted as code points; spaces and any script count", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(15);
    expect(passwordFlaws("short pass 123")).toEqual(["too-short"]);
    expect(passwordFlaws("窓口で使う長い合言葉ですよね")).toEqual(["too-short"]); // 14 characters
    expect(passwordFlaws("窓口で使う長い合言葉ですよね！")).toEqual([]);
    expect(passwordFlaws("🍣🍣🍣 sushi and tea 🍵")).toEqual([]);
  });

  it("refuses blanks, one repeated character or short pattern, and runs of consecutive characters", () => {
    expect(passwordFlaws(" ".repeat(15))).toContain("repetitive");
    expect(passwordFlaws("a".repeat(15))).toContain("repetitive");
    expect(passwordFlaws("abcabcabcabcabcabc")).toContain("repetitive");
    expect(passwordFlaws("123456789012345")).toContain("sequential");
    expect(passwordFlaws("abcdefghijklmnop")).toContain("sequential");
    expect(passwordFlaws("ponmlkjihgfedcba")).toContain("sequential");
  });

  it("refuses passwords of the common and breached list, in any case and with digits or symbols around them", () => {
    expect(passwordFlaws("1qaz2wsx3edc4rfv")).toContain("common");
    expect(passwordFlaws("Password1234567!")).toContain("common");
    expect(passwordFlaws("iloveyou12345678")).toContain("common");
    expect(passwordFlaws("correct horse battery staple")).toEqual([]);
  });

  it("refuses the log-in ID, the name, the municipality and the service's own name inside a password", () => {
    expect(passwordFlaws("hayama.taro-2026-spring", context)).toEqual(["context"]);
    expect(passwordFlaws("my-taro-is-a-good-dog", context)).toEqual(["context"]);
    expect(passwordFlaws("太郎の好きな窓口と長い長い合言葉", context)).toEqual(["context"]);
    expect(passwordFlaws("葉山の海はとても青いのですよ、本当に", context)).toEqual(["context"]);
    expect(passwordFlaws("KYODO winter counter shift")).toEqual(["context"]);
    expect(passwordFlaws("quiet river under old bridge", context)).toEqual([]);
  });

  it("has no composition rule: lower-case words alone pass", () => {
    expect(passwordFlaws("quiet river under old bridge")).toEqual([]);
  });
});
