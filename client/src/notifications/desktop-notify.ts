/** Desktop notifications through the Notification API; permission is asked only from a click. */

export function desktopSupported(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

export function desktopPermission(): NotificationPermission | "unsupported" {
  return desktopSupported() ? Notification.permission : "unsupported";
}

/** Call from a user's click (browsers refuse the prompt otherwise). True when allowed. */
export async function askDesktopPermission(): Promise<boolean> {
  if (!desktopSupported()) return false;
  if (Notification.permission === "granted") return true;
  if (Notification.permission === "denied") return false;
  return (await Notification.requestPermission()) === "granted";
}

export function showDesktop(title: string, body: string, tag: string, onClick: () => void): void {
  if (desktopPermission() !== "granted") return;
  try {
    const n = new Notification(title, { body, tag, icon: "/icon.svg" });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some mobile browsers only allow notifications from a service worker: the bell still shows it.
  }
}
