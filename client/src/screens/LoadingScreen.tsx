/** Shown while the app asks the server who is signed in. */
export function LoadingScreen() {
  return (
    <main class="centered-screen" aria-label="Loading">
      <p class="loading-text" role="status">
        Loading your inbox…
      </p>
    </main>
  );
}
