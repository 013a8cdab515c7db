// The inputs live in the URL fragment (#…), so a plan can be bookmarked or shared. The fragment is
// never sent to any server, and nothing else is stored.

export function readState() {
  const raw = location.hash.slice(1);
  if (!raw) return null;
  try {
    const value = JSON.parse(decodeURIComponent(raw));
    return value && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

let pending = 0;
export function writeState(state) {
  clearTimeout(pending);
  pending = setTimeout(() => {
    const hash = "#" + encodeURIComponent(JSON.stringify(state));
    if (hash !== location.hash) history.replaceState(null, "", hash);
  }, 250);
}
