import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiProblem, createApiClient } from "./api-client.ts";

interface Seen {
  method: string;
  headers: Record<string, string>;
}

/** A stand-in for the server: records each request and answers with the given response. */
function serve(answer: () => Response): Seen[] {
  const seen: Seen[] = [];
  vi.stubGlobal("fetch", async (_path: string, init: RequestInit) => {
    seen.push({ method: init.method ?? "GET", headers: init.headers as Record<string, string> });
    return answer();
  });
  return seen;
}

const problem = (status: number, code: string, titleJa: string) =>
  new Response(JSON.stringify({ status, code, title: code, title_ja: titleJa }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("API client", () => {
  it("echoes the session's CSRF token on state-changing requests only", async () => {
    const seen = serve(() => new Response(JSON.stringify({ ok: true }), { headers: { "content-type": "application/json" } }));
    const api = createApiClient(() => {});
    api.setCsrfToken("csrf-1");
    await api.get("/api/staff");
    await api.send("POST", "/api/staff", { loginId: "x" });
    expect(seen[0]!.headers["x-csrf-token"]).toBeUndefined();
    expect(seen[1]!.headers["x-csrf-token"]).toBe("csrf-1");
    expect(seen[1]!.headers["content-type"]).toBe("application/json");
  });

  it("turns problem+json into an ApiProblem with the Japanese title and field errors", async () => {
    serve(
      () =>
        new Response(
          JSON.stringify({ status: 400, code: "invalid-request", title_ja: "入力内容に誤りがあります", errors: [{ field: "body/x", message: "m" }] }),
          { status: 400, headers: { "content-type": "application/problem+json" } },
        ),
    );
    const error = await createApiClient(() => {}).send("POST", "/api/staff", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).titleJa).toBe("入力内容に誤りがあります");
    expect((error as ApiProblem).errors).toEqual([{ field: "body/x", message: "m" }]);
  });

  it("reports an expired session so the app can return to the log-in screen", async () => {
    serve(() => problem(401, "session-expired", "セッションの有効期限が切れました"));
    const ended: string[] = [];
    const api = createApiClient((p) => ended.push(p.titleJa));
    await expect(api.get("/api/audit")).rejects.toBeInstanceOf(ApiProblem);
    expect(ended).toEqual(["セッションの有効期限が切れました"]);
  });

  it("a refused log-in (wrong password) is not a lost session", async () => {
    serve(() => problem(401, "invalid-credentials", "ログインIDまたはパスワードが違います"));
    const ended: string[] = [];
    const api = createApiClient((p) => ended.push(p.code));
    await expect(api.send("POST", "/api/session", {})).rejects.toMatchObject({ code: "invalid-credentials" });
    expect(ended).toEqual([]);
  });

  it("a network failure becomes a Japanese message", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed");
    });
    await expect(createApiClient(() => {}).get("/api/staff")).rejects.toMatchObject({ code: "network-error", status: 0 });
  });
});

describe("API client and 支援措置", () => {
  it("reports each successful answer's count of protected persons, 0 when the header is absent", async () => {
    let answer = 0;
    serve(() => new Response("{}", { headers: { "content-type": "application/json", ...(answer++ === 0 ? { "x-kyodo-protected": "2" } : {}) } }));
    const heard: [string, number][] = [];
    const api = createApiClient(
      () => {},
      (path) => (count) => heard.push([path, count]),
    );
    await api.get("/api/resident/persons?q=a");
    await api.get("/api/resident/persons?q=b");
    expect(heard).toEqual([
      ["/api/resident/persons?q=a", 2],
      ["/api/resident/persons?q=b", 0],
    ]);
  });
});
