export { foldText as fold } from "@inbox/shared/api/content";
