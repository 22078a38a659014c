import { afterAll, beforeAll, beforeEach } from "vitest";
import type { ConnectorContext } from "../src/connector.ts";
import { createFakeWhatsapp, FAKE_WABA_ID, type FakeTemplate, type FakeWhatsapp } from "./fake.ts";

/**
 * The WhatsApp fake for a connector test file: started once on loopback, emptied before each
 * test (with `templates()` as the business account's approved templates, when given), stopped
 * at the end. `ready` receives the fake and a connector context pointing at it.
 */
export function useFakeWhatsapp(ready: (fake: FakeWhatsapp, ctx: ConnectorContext) => void, templates?: () => FakeTemplate[]): void {
  let fake: FakeWhatsapp;
  beforeAll(async () => {
    fake = await createFakeWhatsapp().start();
    ready(fake, { fetch, apiBaseUrl: fake.baseUrl, now: Date.now });
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.reset();
    fake.requests.length = 0;
    if (templates) fake.setTemplates(FAKE_WABA_ID, templates());
  });
}
