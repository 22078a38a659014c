/**
 * The person's own account: the profile page (name, picture, language, notification choices,
 * password, two-factor sign-in, signed-in devices) and the enrolment card a workspace's
 * two-factor requirement leads to. Online only.
 */
export { EnrolmentCard } from "./EnrolmentCard.tsx";
export { Profile } from "./Profile.tsx";
export { shrinkPicture } from "./shrink-picture.ts";
