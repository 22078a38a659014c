import { describe, it } from "vitest";
import { openConversation, reply, timeline } from "./support/inbox-page.ts";
import { useInbox } from "./support/use-inbox.ts";

// CSAT (issue 14) in real browsers: an admin turns ratings on for the website's chat, an agent
// answers and resolves a visitor's chat, the visitor's widget shows the rating buttons, the
// visitor taps 4, and the agent sees the rating in the conversation.

const app = useInbox();

describe("satisfaction ratings in the browser", () => {
  it("the visitor rates a resolved web chat with the widget's buttons and the agent sees it in the timeline", async () => {
    const admin = await app.signIn("admin@demo.inbox");
    await admin.goto(app.server.url + "/settings");
    const ratings = admin.getByRole("region", { name: "Satisfaction ratings" });
    await ratings.getByRole("checkbox", { name: "Ask for a rating on Website chat" }).check();
    await ratings.getByText("Website chat now asks customers to rate resolved chats.").waitFor();

    const visitor = await (await app.newContext()).newPage();
    await visitor.goto(app.server.url + "/demo");
    await visitor.getByRole("button", { name: "Open chat" }).click();
    const widget = visitor.getByRole("dialog");
    await widget.getByLabel("Name").fill("Rating Rosa");
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget.getByRole("textbox", { name: "Message" }).fill("Hello! Can I still change the colour of my order?");
    await widget.getByRole("button", { name: "Send" }).click();

    const agent = await app.signIn("ana@demo.inbox");
    await openConversation(agent, "Rating Rosa");
    await timeline(agent).getByText("Hello! Can I still change the colour of my order?").waitFor();
    await reply(agent, "Yes, it's changed to blue.");
    const widgetLog = widget.getByRole("log", { name: "Messages" });
    await widgetLog.getByText("Yes, it's changed to blue.").waitFor();
    await agent.getByRole("main", { name: "Chat" }).getByRole("button", { name: "Resolve", exact: true }).click();

    const choices = widget.getByRole("group", { name: "Choose a reply" });
    await choices.getByRole("button", { name: "4 🙂" }).click();
    await timeline(agent).getByText("Rated 4 of 5").waitFor();
    // The customer panel shows the latest rating too.
    await agent.getByRole("complementary", { name: "Customer info" }).getByText("4 of 5", { exact: true }).waitFor();
    // The rating leaves the chat resolved: the header still offers to reopen it.
    await agent.getByRole("main", { name: "Chat" }).getByRole("button", { name: "Reopen" }).waitFor();
  });
});
