/**
 * The person's own account: the profile page (name, picture, language, notification choices,
 * password, two-factor sign-in, signed-in devices; loaded on demand, its own chunk) and the
 * enrolment card a workspace's two-factor requirement leads to. Online only.
 */
import { lazy } from "solid-js";

export { EnrolmentCard } from "./EnrolmentCard.tsx";
export const Profile = lazy(() => import("./Profile.tsx").then((m) => ({ default: m.Profile })));
export { shrinkPicture } from "./shrink-picture.ts";
