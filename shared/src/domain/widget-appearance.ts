import { z } from "zod";
import { AvatarSchema } from "../api/account.ts";
import { SCHEMA_MESSAGES } from "../api/schema-messages.ts";

/**
 * How a web chat inbox's widget looks and greets (issue 16), set per inbox in Settings → Channels
 * and served to the widget by its public `/config`. Stored as one JSON string in the inbox's
 * settings (`widgetAppearance`), so it is read and written whole; nothing here is secret.
 */

/** The languages the widget speaks; the visitor's browser chooses among them (widget/i18n.ts). */
export const WIDGET_LANGUAGES = ["en", "pt-BR", "es"] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];
export const WidgetLanguageSchema = z.enum(WIDGET_LANGUAGES);

export const WIDGET_POSITIONS = ["bottom-right", "bottom-left"] as const;
export type WidgetPosition = (typeof WIDGET_POSITIONS)[number];

export const HexColorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, SCHEMA_MESSAGES.widget_colour_format)
  .transform((v) => v.toLowerCase());

const GreetingSchema = z.string().trim().max(500, SCHEMA_MESSAGES.widget_greeting_too_long);

export const WidgetAppearanceSchema = z.object({
  color: HexColorSchema,
  /** Said in every language unless `greetings` has one for the visitor's. Empty: no greeting. */
  greeting: GreetingSchema,
  greetings: z.partialRecord(WidgetLanguageSchema, GreetingSchema),
  position: z.enum(WIDGET_POSITIONS),
  /** A small picture shown in the widget's header, as a data URL whose bytes the server checked. */
  avatar: AvatarSchema.nullable(),
  /** Who the visitor is talking to ("Acme support"); empty: the inbox's name. */
  teamName: z.string().trim().max(80, SCHEMA_MESSAGES.widget_team_name_too_long),
  /**
   * Outside business hours, or when nobody of the inbox's team is available, the widget offers a
   * "leave a message" form instead of the live chat. Off until an admin turns it on, since the
   * workspace's business hours may not be set yet.
   */
  leaveMessage: z.boolean(),
});
export type WidgetAppearance = z.infer<typeof WidgetAppearanceSchema>;

export const DEFAULT_WIDGET_COLOR = "#2563eb";
export const DEFAULT_WIDGET_GREETING = "Hi! How can we help?";

/** The key in `inboxes.settings` that holds the appearance as JSON text. */
export const WIDGET_APPEARANCE_SETTING = "widgetAppearance";

/** An inbox's appearance from its settings; older inboxes (a bare `color` / `greeting`) read as defaults around those. */
export function widgetAppearanceOf(settings: Record<string, string | number | boolean>): WidgetAppearance {
  const raw = settings[WIDGET_APPEARANCE_SETTING];
  if (typeof raw === "string") {
    try {
      const parsed = WidgetAppearanceSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // unreadable: fall back below
    }
  }
  const color = HexColorSchema.safeParse(settings.color);
  return {
    color: color.success ? color.data : DEFAULT_WIDGET_COLOR,
    greeting: typeof settings.greeting === "string" ? settings.greeting : DEFAULT_WIDGET_GREETING,
    greetings: {},
    position: "bottom-right",
    avatar: null,
    teamName: "",
    leaveMessage: false,
  };
}

/** The greeting in the visitor's language, else the one text. */
export function greetingFor(appearance: Pick<WidgetAppearance, "greeting" | "greetings">, language: WidgetLanguage): string {
  return appearance.greetings[language]?.trim() || appearance.greeting;
}

// ---- contrast (WCAG 2.x) ----

/** Pure black: with white it guarantees at least 4.58:1 on any colour (a softer grey would not). */
const DARK_TEXT = "#000000";
const LIGHT_TEXT = "#ffffff";

const HEX_COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A #rgb or #rrggbb colour (what contrast can be worked out for). */
export const isHexColour = (text: string): boolean => HEX_COLOUR.test(text.trim());

/** Relative luminance of a #rrggbb (or #rgb) colour; 0 for anything else. */
export function relativeLuminance(hex: string): number {
  const m = HEX_COLOUR.exec(hex.trim());
  if (!m) return 0;
  const digits = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black text, whichever contrasts more with the colour it sits on. */
export function textColorOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}

/** The colour's contrast with the text chosen for it; below 4.5 normal text is hard to read (WCAG AA). */
export function accentContrast(background: string): number {
  return contrastRatio(background, textColorOn(background));
}
