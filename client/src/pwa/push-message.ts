/**
 * A push notification was clicked: the service worker (public/push-sw.js) asks the open app to
 * show this chat. Apart from device-push.ts, which loads only when pushes are turned on or off.
 */
export const OPEN_CONVERSATION_MESSAGE = "inbox:open-conversation";
