import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connector, ConnectorContext, Credentials } from "./connector.ts";
import type { FakePlatform } from "./testing/fake-platform.ts";
import { httpsUrl } from "./profile.ts";
import { messengerConnector } from "../messenger/index.ts";
import { createFakeMessenger, errorReply as messengerError, FAKE_PAGE_ID, type FakeMessengerProfile } from "../messenger/fake.ts";
import { instagramConnector } from "../instagram/index.ts";
import { createFakeInstagram, errorReply as instagramError, FAKE_INSTAGRAM_CREDENTIALS, type FakeInstagramProfile } from "../instagram/fake.ts";
import { lineConnector } from "../line/index.ts";
import { createFakeLine, errorReply as lineError, type FakeLineProfile } from "../line/fake.ts";
import { wechatConnector } from "../wechat/index.ts";
import { createFakeWechat, fakeWechatCredentials, type FakeWechatProfile } from "../wechat/fake.ts";
import { clearTokenCache } from "../wechat/api.ts";

// Each connector's `fetchProfile` against its fake, which answers the profile endpoint in the
// platform's documented wire format: name and picture read, every failure answered as null.

interface Case {
  connector: Connector;
  credentials: Credentials;
  customer: string;
  start(): Promise<FakePlatform>;
  /** Makes the fake know the customer. */
  setProfile(): void;
  /** Which requests are profile lookups, and a documented error to answer them with. */
  isProfileCall(path: string): boolean;
  failure: Parameters<FakePlatform["failWhere"]>[1];
  expected: { name: string; avatarUrl: string };
}

const messengerProfiles = new Map<string, FakeMessengerProfile>();
const instagramProfiles = new Map<string, FakeInstagramProfile>();
const lineProfiles = new Map<string, FakeLineProfile>();
const wechatProfiles = new Map<string, FakeWechatProfile>();

const cases: Record<string, Case> = {
  messenger: {
    connector: messengerConnector,
    credentials: { pageAccessToken: "EAAG-page-token", pageId: FAKE_PAGE_ID, appSecret: "app-secret", verifyToken: "verify" },
    customer: "6789012345678901",
    start: () => createFakeMessenger({ profiles: messengerProfiles }).start(),
    setProfile: () => messengerProfiles.set("6789012345678901", { first_name: "Ana", last_name: "Souza", profile_pic: "https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=6789012345678901" }),
    isProfileCall: (path) => path === "/6789012345678901",
    failure: messengerError("token_expired"),
    expected: { name: "Ana Souza", avatarUrl: "https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=6789012345678901" },
  },
  instagram: {
    connector: instagramConnector,
    credentials: FAKE_INSTAGRAM_CREDENTIALS,
    customer: "1234567890123456",
    start: () => createFakeInstagram({ profiles: instagramProfiles }).start(),
    setProfile: () => instagramProfiles.set("1234567890123456", { name: "", username: "ana.souza", profile_pic: "https://scontent.cdninstagram.com/v/t51/ana.jpg" }),
    isProfileCall: (path) => path === "/1234567890123456",
    failure: instagramError("server_error"),
    expected: { name: "@ana.souza", avatarUrl: "https://scontent.cdninstagram.com/v/t51/ana.jpg" },
  },
  line: {
    connector: lineConnector,
    credentials: { channelAccessToken: "line-token", channelSecret: "line-secret" },
    customer: "U4af4980629000000000000000000000a",
    start: () => createFakeLine({ profiles: lineProfiles }).start(),
    setProfile: () => lineProfiles.set("U4af4980629000000000000000000000a", { displayName: "陳小明", pictureUrl: "https://profile.line-scdn.net/ch/v2/p/abc", language: "zh-TW" }),
    isProfileCall: (path) => path.startsWith("/v2/bot/profile/"),
    failure: lineError("server_error"),
    expected: { name: "陳小明", avatarUrl: "https://profile.line-scdn.net/ch/v2/p/abc" },
  },
  wechat: {
    connector: wechatConnector,
    credentials: fakeWechatCredentials,
    customer: "oAbC-openid-0001",
    start: () => createFakeWechat(fakeWechatCredentials, { profiles: wechatProfiles }).start(),
    // WeChat hands out http:// head images on qlogo.cn: the connector asks for the https copy.
    setProfile: () => wechatProfiles.set("oAbC-openid-0001", { nickname: "小王", headimgurl: "http://thirdwx.qlogo.cn/mmopen/abc/132" }),
    isProfileCall: (path) => path === "/cgi-bin/user/info",
    failure: { status: 200, body: { errcode: 45009, errmsg: "reach max api daily quota limit" } },
    expected: { name: "小王", avatarUrl: "https://thirdwx.qlogo.cn/mmopen/abc/132" },
  },
};

for (const [platform, c] of Object.entries(cases)) {
  describe(`${platform} fetchProfile`, () => {
    let fake: FakePlatform;
    let ctx: ConnectorContext;
    beforeAll(async () => {
      clearTokenCache();
      fake = await c.start();
      ctx = { fetch, apiBaseUrl: fake.baseUrl, now: Date.now };
    });
    afterAll(() => fake.stop());

    it("is null for someone the platform does not know", async () => {
      expect(await c.connector.fetchProfile!(c.customer, c.credentials, ctx)).toBeNull();
    });

    it("reads the name and the picture", async () => {
      c.setProfile();
      expect(await c.connector.fetchProfile!(c.customer, c.credentials, ctx)).toEqual(c.expected);
      expect(fake.requests.some((r) => c.isProfileCall(r.path))).toBe(true);
    });

    it("answers a failing profile API with null, without throwing", async () => {
      fake.failWhere((req) => c.isProfileCall(req.path), c.failure);
      expect(await c.connector.fetchProfile!(c.customer, c.credentials, ctx)).toBeNull();
      fake.reset();
    });

    it("answers an unreachable platform with null", async () => {
      const down: ConnectorContext = { ...ctx, fetch: () => Promise.reject(new TypeError("fetch failed")) };
      clearTokenCache();
      expect(await c.connector.fetchProfile!(c.customer, c.credentials, down)).toBeNull();
    });
  });
}

describe("wechat fetchProfile details", () => {
  it("is null for someone who unfollowed (subscribe: 0)", async () => {
    clearTokenCache();
    const fake = await createFakeWechat(fakeWechatCredentials, { profiles: new Map([["o-gone", { nickname: "", subscribe: 0 }]]) }).start();
    try {
      expect(await wechatConnector.fetchProfile!("o-gone", fakeWechatCredentials, { fetch, apiBaseUrl: fake.baseUrl, now: Date.now })).toBeNull();
    } finally {
      await fake.stop();
    }
  });
});

describe("profile pictures", () => {
  it("keeps only https URLs", () => {
    expect(httpsUrl("https://profile.line-scdn.net/x")).toBe("https://profile.line-scdn.net/x");
    expect(httpsUrl("http://profile.line-scdn.net/x")).toBeNull();
    expect(httpsUrl("javascript:alert(1)")).toBeNull();
    expect(httpsUrl("data:image/png;base64,AAAA")).toBeNull();
    expect(httpsUrl("https://user:pw@example.com/x")).toBeNull();
    expect(httpsUrl("not a url")).toBeNull();
  });
});
