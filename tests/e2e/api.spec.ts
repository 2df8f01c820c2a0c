import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** A signed-in API client, signed in the way scripts do: csrf token, then the credentials callback. */
async function signedInClient(baseURL: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const email = `api-${unique()}@example.com`;
  const password = "api client password";
  expect((await api.post("/api/auth/signup", { data: { email, password, name: "Api" } })).status()).toBe(201);
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const callback = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(callback.status());
  const session = await (await api.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
  return api;
}

test.describe("REST API", () => {
  let alice: APIRequestContext;
  let bob: APIRequestContext;

  test.beforeAll(async ({ baseURL }) => {
    alice = await signedInClient(baseURL!);
    bob = await signedInClient(baseURL!);
  });
  test.afterAll(async () => {
    await alice.dispose();
    await bob.dispose();
  });

  test("projects CRUD, files, versions and templates", async () => {
    const templates = await (await alice.get("/api/templates")).json();
    expect(templates.items.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining(["saas", "event", "portfolio", "blank"]),
    );

    const created = await alice.post("/api/projects", { data: { name: "API page", templateId: "event" } });
    expect(created.status()).toBe(201);
    expect(created.headers()["x-request-id"]).toBeTruthy();
    const project = await created.json();
    expect(project).toMatchObject({ name: "API page", templateId: "event", currentVersionNumber: 1 });

    const list = await (await alice.get("/api/projects?sort=name&limit=10")).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(project.id);
    expect(list).toHaveProperty("nextCursor");

    const files = await (await alice.get(`/api/projects/${project.id}/files`)).json();
    expect(files.versionId).toBe(project.currentVersionId);
    const appEntry = files.items.find((f: { path: string }) => f.path === "src/App.tsx");
    expect(appEntry.sha256).toMatch(/^[0-9a-f]{64}$/);
    const raw = await alice.get(`/api/projects/${project.id}/files/src/App.tsx`);
    expect(raw.status()).toBe(200);
    expect(await raw.text()).toContain("export default");

    const renamed = await alice.patch(`/api/projects/${project.id}`, { data: { name: "Renamed via API" } });
    expect((await renamed.json()).name).toBe("Renamed via API");

    const copy = await alice.post(`/api/projects/${project.id}/duplicate`);
    expect(copy.status()).toBe(201);
    const copyBody = await copy.json();
    const versions = await (await alice.get(`/api/projects/${copyBody.id}/versions`)).json();
    expect(versions.items).toHaveLength(1);
    expect(versions.items[0].message).toContain("Duplicated");

    expect((await alice.delete(`/api/projects/${copyBody.id}`)).status()).toBe(204);
    expect((await alice.get(`/api/projects/${copyBody.id}`)).status()).toBe(404);
  });

  test("a second user gets 404 on every project route of the first", async () => {
    const project = await (
      await alice.post("/api/projects", { data: { name: "Secret", templateId: "blank" } })
    ).json();
    const id = project.id;
    const attempts = [
      bob.get(`/api/projects/${id}`),
      bob.patch(`/api/projects/${id}`, { data: { name: "Stolen" } }),
      bob.delete(`/api/projects/${id}`),
      bob.post(`/api/projects/${id}/duplicate`),
      bob.get(`/api/projects/${id}/files`),
      bob.get(`/api/projects/${id}/files/index.html`),
      bob.get(`/api/projects/${id}/versions`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status()).toBe(404);
      expect((await response.json()).error.code).toMatch(/^not_found:/);
    }
    const bobs = await (await bob.get("/api/projects")).json();
    expect(bobs.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await (await alice.get(`/api/projects/${id}`)).json()).name).toBe("Secret");
  });

  test("bad input gets a clear 4xx and writes nothing", async () => {
    const count = async () => (await (await alice.get("/api/projects?limit=100")).json()).items.length;
    const before = await count();

    const malformed = await alice.post("/api/projects", {
      data: Buffer.from("{not json"),
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe("bad_request:json");

    const wrongType = await alice.post("/api/projects", { data: { name: 42, templateId: "blank" } });
    expect(wrongType.status()).toBe(422);
    expect((await wrongType.json()).error.field).toBe("name");

    const unknownField = await alice.post("/api/projects", {
      data: { name: "x", templateId: "blank", owner: "me" },
    });
    expect(unknownField.status()).toBe(422);
    expect((await unknownField.json()).error.message).toContain("owner");

    const unknownTemplate = await alice.post("/api/projects", { data: { name: "x", templateId: "nope" } });
    expect(unknownTemplate.status()).toBe(422);
    expect((await unknownTemplate.json()).error.field).toBe("templateId");

    const huge = await alice.post("/api/projects", {
      data: { name: "x".repeat(2_000_000), templateId: "blank" },
    });
    expect(huge.status()).toBe(413);

    const project = await (
      await alice.post("/api/projects", { data: { name: "Paths", templateId: "blank" } })
    ).json();
    for (const path of ["..%2F..%2Fetc%2Fpasswd", "src%2F..%2F..%2Fsecret", "a%5Cb"]) {
      const res = await alice.get(`/api/projects/${project.id}/files/${path}`);
      expect(res.status(), path).toBe(400);
    }
    expect((await alice.get(`/api/projects/${project.id}/files/no/such/file.ts`)).status()).toBe(404);
    expect(await count()).toBe(before + 1);

    const badQuery = await alice.get("/api/projects?sort=sideways");
    expect(badQuery.status()).toBe(422);
  });

  test("unauthenticated requests get 401 with a request id", async ({ request }) => {
    const res = await request.get("/api/projects");
    expect(res.status()).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe("unauthorized:session");
    expect(body.error.requestId).toBe(res.headers()["x-request-id"]);
  });

  test("sign-up validates and refuses a taken email", async ({ request }) => {
    const email = `dup-${unique()}@example.com`;
    expect(
      (
        await request.post("/api/auth/signup", { data: { email, password: "long password", name: "A" } })
      ).status(),
    ).toBe(201);
    const again = await request.post("/api/auth/signup", {
      data: { email, password: "long password", name: "A" },
    });
    expect(again.status()).toBe(409);
    const short = await request.post("/api/auth/signup", {
      data: { email: `x${email}`, password: "short", name: "A" },
    });
    expect(short.status()).toBe(422);
    expect((await short.json()).error.field).toBe("password");
  });

  test("health, OpenAPI document", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    const report = await health.json();
    expect(report.dependencies.database).toMatchObject({ driver: "pglite", status: "ok" });
    expect(report.dependencies.storage).toMatchObject({ driver: "local", status: "ok" });

    const doc = await (await request.get("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/api/auth/signup",
      "/api/projects",
      "/api/projects/{projectId}",
      "/api/projects/{projectId}/duplicate",
      "/api/projects/{projectId}/files",
      "/api/projects/{projectId}/files/{path}",
      "/api/projects/{projectId}/versions",
      "/api/templates",
      "/api/health",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths["/api/projects"].post.requestBody.content["application/json"].schema).toBeTruthy();
  });
});
