import { MyNumbersSchema } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { myNumbers } from "./my-numbers.ts";

export function registerSupervisionRoutes(api: ApiRegistry, core: Reads & { now(): number }): void {
  api.userRoute(
    {
      method: "get",
      path: "/api/me/today",
      summary: "The signed-in user's numbers for today: handled, median first response, load vs capacity",
      tag: "supervision",
      access: "user",
      response: MyNumbersSchema,
    },
    async ({ user }) => myNumbers(core, user.id),
  );
}
