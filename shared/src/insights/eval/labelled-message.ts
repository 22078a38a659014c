/** One customer message of the evaluation sets, labelled by hand (issue 15). */
export interface LabelledMessage {
  text: string;
  language: "pt" | "en" | "es";
  sentiment: "negative" | "neutral" | "positive";
  urgency: "high" | "normal";
}
