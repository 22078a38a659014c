import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { can } from "@inbox/shared";
import { HttpError, forbiddenBecause, refused } from "./http-error.ts";
import { readJson, validationError } from "./read-body.ts";
import { refuseUntilEnrolled } from "./two-factor-gate.ts";
import type { Access, AppEnv, SessionUser } from "./app-env.ts";

type Method = "get" | "post" | "put" | "patch" | "delete";

export interface RouteSpec<B, Q, R> {
  method: Method;
  /** Hono path, e.g. `/api/conversations/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  response: z.ZodType<R>;
  status?: ContentfulStatusCode | 204;
  bodyLimit?: number;
  /** Open to a session that must still set up two-factor sign-in (enrolment, /api/me, sign-out): http/two-factor-gate.ts. */
  whileEnrolling?: boolean;
}

interface Input<B, Q> {
  c: Context<AppEnv>;
  body: B;
  query: Q;
  params: Record<string, string>;
}

export type UserInput<B, Q> = Input<B, Q> & { user: SessionUser };

/** A refused permission names what the role lacks (shared reasons `no_permission_<flag>`). */
function refusal(access: Exclude<Access, "public">): HttpError {
  return forbiddenBecause(typeof access === "object" && "permission" in access ? `no_permission_${access.permission}` : "no_permission");
}

function allows(access: Exclude<Access, "public">, user: SessionUser): boolean {
  if (access === "user") return true;
  if ("permission" in access) return can(user, access.permission);
  return access.includes(user.role);
}

/**
 * Every REST route is declared here with its schemas and who may call it, so validation,
 * authorisation and the OpenAPI document come from one declaration and cannot drift apart.
 */
export class ApiRegistry {
  private readonly specs: RouteSpec<unknown, unknown, unknown>[] = [];

  constructor(private readonly app: Hono<AppEnv>) {}

  publicRoute<B = undefined, Q = undefined, R = unknown>(
    spec: RouteSpec<B, Q, R> & { access: "public" },
    handler: (input: Input<B, Q>) => Promise<R | Response>,
  ): void {
    this.register(spec, () => null, (input) => handler(input));
  }

  userRoute<B = undefined, Q = undefined, R = unknown>(
    spec: RouteSpec<B, Q, R> & { access: Exclude<Access, "public"> },
    handler: (input: UserInput<B, Q>) => Promise<R | Response>,
  ): void {
    this.register(
      spec,
      (c) => {
        const user = c.get("user");
        if (!user) throw refused(401, "unauthenticated", "sign_in_required");
        if (!allows(spec.access, user)) throw refusal(spec.access);
        if (!spec.whileEnrolling) refuseUntilEnrolled(user);
        return user;
      },
      (input, user) => handler({ ...input, user: user! }),
    );
  }

  /**
   * Who may call is decided before the request is read: an anonymous or unauthorised caller is
   * answered from the session alone and never learns the route's schema from validation errors.
   */
  private register<B, Q, R>(
    spec: RouteSpec<B, Q, R>,
    authorise: (c: Context<AppEnv>) => SessionUser | null,
    run: (input: Input<B, Q>, user: SessionUser | null) => Promise<R | Response>,
  ): void {
    this.specs.push(spec as RouteSpec<unknown, unknown, unknown>);
    this.app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const user = authorise(c);
      const query = spec.query ? parseQuery(spec.query, c.req.query()) : (undefined as Q);
      const body = spec.body ? await readJson(c, spec.body, spec.bodyLimit) : (undefined as B);
      const result = await run({ c, body, query, params: c.req.param() as Record<string, string> }, user);
      if (result instanceof Response) return result;
      if (spec.status === 204) return c.body(null, 204);
      return c.json(result as object, (spec.status ?? 200) as ContentfulStatusCode);
    });
  }

  /** OpenAPI 3.1 document generated from the same zod schemas that validate requests. */
  openApiDocument(info: { title: string; version: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const spec of this.specs) {
      const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
      const pathParams = [...spec.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
        name: m[1],
        in: "path",
        required: true,
        schema: { type: "string" },
      }));
      const queryParams = spec.query ? queryParameters(spec.query) : [];
      const status = String(spec.status ?? 200);
      paths[path] ??= {};
      paths[path]![spec.method] = {
        summary: spec.summary,
        tags: [spec.tag],
        ...(spec.access === "public" ? { security: [] } : {}),
        "x-roles": spec.access === "public" || spec.access === "user" ? spec.access : "permission" in spec.access ? { permission: spec.access.permission } : [...spec.access],
        parameters: [...pathParams, ...queryParams],
        ...(spec.body
          ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(spec.body, "input") } } } }
          : {}),
        responses: {
          [status]:
            status === "204"
              ? { description: "No content" }
              : { description: "OK", content: { "application/json": { schema: toSchema(spec.response, "output") } } },
          default: { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      };
    }
    return {
      openapi: "3.1.0",
      info,
      paths,
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "inbox_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
        schemas: {
          Error: {
            type: "object",
            required: ["error"],
            properties: {
              error: {
                type: "object",
                required: ["code", "message"],
                properties: { code: { type: "string" }, message: { type: "string" }, fields: { type: "object" } },
              },
            },
          },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    };
  }
}

function parseQuery<Q>(schema: z.ZodType<Q>, raw: Record<string, string>): Q {
  const result = schema.safeParse(raw);
  if (!result.success) throw validationError(result.error, raw);
  return result.data;
}

function toSchema(schema: z.ZodType, io: "input" | "output"): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: "any" });
}

function queryParameters(schema: z.ZodType): unknown[] {
  const json = toSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}
