/**
 * Each area of the UI declares its own strings next to its components, in English and
 * Brazilian Portuguese. The Portuguese table must have exactly the English keys (the type
 * says so), so a missing translation is a compile error, not a blank label.
 *
 *   const t = defineMessages({ hello: "Hello, {name}" }, { hello: "Olá, {name}" });
 *   t("hello", { name: "Ana" })
 */
import { locale, type UiLocale } from "./locale.ts";

export type Vars = Record<string, string | number>;
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

export interface MessageTables {
  en: Readonly<Record<string, string>>;
  "pt-BR": Readonly<Record<string, string>>;
}

const defined: MessageTables[] = [];

/** Every table defined so far, in order: for the test that checks nothing was left untranslated. */
export function definedTables(): readonly MessageTables[] {
  return defined;
}

export function defineMessages<K extends string>(en: Record<K, string>, ptBR: NoInfer<Record<K, string>>): Translate<K> {
  const tables: Record<UiLocale, Record<K, string>> = { en, "pt-BR": ptBR };
  defined.push(tables);
  return (key, vars) => interpolate(tables[locale()][key] ?? en[key], vars);
}

/** `{name}` placeholders; a missing variable stays visible rather than silently vanishing. */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
