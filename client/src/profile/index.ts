/**
 * The person's own account: the profile page (name, picture, language, notification choices,
 * password, two-factor sign-in, signed-in devices) and the enrolment card a workspace's
 * two-factor requirement leads to: both loaded on demand, chunks of their own. Online only.
 */
import { lazy } from "solid-js";

export const EnrolmentCard = lazy(() => import("./EnrolmentCard.tsx").then((m) => ({ default: m.EnrolmentCard })));
export const Profile = lazy(() => import("./Profile.tsx").then((m) => ({ default: m.Profile })));
export { shrinkPicture } from "./shrink-picture.ts";
