// A small IndexedDB record store for what the person chooses to keep in this browser (the
// collection log). Nothing exists until they turn saving on: opening without `create` never makes
// the database, so merely visiting the page stores nothing.

const VERSION = 1;

const promised = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = (e) => {
    e.preventDefault(); // handled here; not an uncaught error
    reject(request.error);
  };
});

/**
 * Opens database `name` with one object store `store` keyed by `id`. With `create: false` it
 * resolves to null when the database does not exist yet (the upgrade that would create it is
 * aborted), so the caller can tell "saving is on" from "never turned on".
 */
export function openStore(name, store, { create }) {
  if (typeof indexedDB === "undefined") return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, VERSION);
    let aborted = false;
    request.onupgradeneeded = (e) => {
      if (e.oldVersion === 0 && !create) {
        aborted = true;
        request.transaction.abort();
        return;
      }
      if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store, { keyPath: "id" });
    };
    request.onsuccess = () => resolve(wrap(request.result, store));
    request.onerror = (e) => {
      e.preventDefault();
      if (aborted) resolve(null);
      else reject(request.error);
    };
    request.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
}

function wrap(db, store) {
  const run = (mode, fn) => promised(fn(db.transaction(store, mode).objectStore(store)));
  return {
    all: () => run("readonly", (s) => s.getAll()),
    put: (record) => run("readwrite", (s) => s.put(record)),
    putAll: (records) => new Promise((resolve, reject) => {
      const tx = db.transaction(store, "readwrite");
      for (const r of records) tx.objectStore(store).put(r);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    }),
    remove: (id) => run("readwrite", (s) => s.delete(id)),
    close: () => db.close(),
  };
}

/** Deletes database `name` and everything in it. */
export function deleteStore(name) {
  if (typeof indexedDB === "undefined") return Promise.resolve();
  return promised(indexedDB.deleteDatabase(name));
}
