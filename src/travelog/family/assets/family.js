/* travelog: open family-only pages with the family passphrase.
 *
 * The page holds its text sealed with AES-256-GCM (see travelog/family/crypto.py for the
 * format); photos are sealed files beside it. The key is derived here with WebCrypto's
 * PBKDF2 and never leaves the browser. It is kept for this tab (sessionStorage) so every
 * family page opens without asking again, and, on "Remember on this device", as a
 * non-extractable key in IndexedDB. The passphrase itself is never stored.
 */
(() => {
  "use strict";

  const FORMAT = 1;
  const NONCE_BYTES = 12;
  const CHECK_ITEM = "check";
  const SESSION_PREFIX = "travelog-family-key:";
  const DATABASE = "travelog-family";
  const STORE = "keys";
  const MESSAGES = {
    opening: "Opening…",
    wrong: "That passphrase does not open these pages. Check it and try again.",
    changed: "The family passphrase has changed since this device remembered it. Enter the new one.",
    tampered:
      "The passphrase is right, but this page has been changed or damaged since it was " +
      "published, so it cannot be shown. Ask the writer to publish it again.",
    photo: "This photo could not be opened: its file is missing or has been changed.",
    unsupported:
      "This browser cannot open family pages here: they need a secure (https://) address " +
      "and a current browser.",
  };

  const root = document.querySelector("[data-travelog-family]");
  if (!root) return;
  const content = root.querySelector(".travelog-family-content");
  const dataElement = document.getElementById("travelog-family-data");
  if (!dataElement) {
    // The writer's preview: the page is already open.
    startLightbox();
    return;
  }

  const data = JSON.parse(dataElement.textContent);
  const locked = root.querySelector(".travelog-family-locked");
  const form = root.querySelector(".travelog-family-unlock");
  const field = form.querySelector("input[type=password]");
  const remember = form.querySelector("input[type=checkbox]");
  const status = form.querySelector("[role=status]");
  const encoder = new TextEncoder();
  const journalId = data.kdf.salt;

  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const toBase64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
  const say = (message) => {
    status.textContent = message;
  };

  form.hidden = false;
  if (!window.crypto || !crypto.subtle || !window.indexedDB) {
    say(MESSAGES.unsupported);
    form.querySelector("button").disabled = true;
    return;
  }

  function unseal(key, sealed, item) {
    return crypto.subtle.decrypt(
      {
        name: "AES-GCM",
        iv: sealed.subarray(0, NONCE_BYTES),
        additionalData: encoder.encode(`travelog-family/${FORMAT}/${item}`),
      },
      key,
      sealed.subarray(NONCE_BYTES),
    );
  }

  async function opens(key) {
    try {
      await unseal(key, fromBase64(data.check), CHECK_ITEM);
      return true;
    } catch {
      return false;
    }
  }

  async function deriveRawKey(passphrase) {
    const material = await crypto.subtle.importKey(
      "raw",
      encoder.encode(passphrase.trim().normalize("NFC")),
      "PBKDF2",
      false,
      ["deriveBits"],
    );
    return crypto.subtle.deriveBits(
      {
        name: "PBKDF2",
        hash: data.kdf.hash,
        iterations: data.kdf.iterations,
        salt: fromBase64(data.kdf.salt),
      },
      material,
      256,
    );
  }

  const importKey = (raw) =>
    crypto.subtle.importKey("raw", raw, { name: "AES-GCM" }, false, ["decrypt"]);

  // IndexedDB holds remembered keys as CryptoKey objects that scripts cannot read out.
  function database() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function remembered(change) {
    const db = await database();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, change ? "readwrite" : "readonly");
      const store = transaction.objectStore(STORE);
      const request = change ? change(store) : store.get(journalId);
      transaction.oncomplete = () => {
        db.close();
        resolve(request.result);
      };
      transaction.onerror = () => reject(transaction.error);
    });
  }

  async function storedKey() {
    const raw = sessionStorage.getItem(SESSION_PREFIX + journalId);
    if (raw) return importKey(fromBase64(raw));
    try {
      return (await remembered()) || null;
    } catch {
      return null;
    }
  }

  async function forget() {
    sessionStorage.removeItem(SESSION_PREFIX + journalId);
    try {
      await remembered((store) => store.delete(journalId));
    } catch {
      // Nothing was remembered.
    }
  }

  async function keep(raw, key) {
    sessionStorage.setItem(SESSION_PREFIX + journalId, toBase64(raw));
    if (remember.checked) await remembered((store) => store.put(key, journalId));
  }

  async function openPage(key) {
    let page;
    try {
      const plain = await unseal(key, fromBase64(data.sealed), data.item);
      page = JSON.parse(new TextDecoder().decode(plain));
    } catch {
      say(MESSAGES.tampered);
      return false;
    }
    show(page, key);
    return true;
  }

  function show(page, key) {
    const parsed = new DOMParser().parseFromString(page.html, "text/html");
    const photos = detachPhotos(parsed.body, page.files);
    content.replaceChildren(toolbar(), ...parsed.body.childNodes);
    locked.hidden = true;
    content.hidden = false;
    if (page.title) document.title = `${page.title} - ${data.site}`;
    loadPhotos(photos, page.files, key);
  }

  function toolbar() {
    const bar = document.createElement("p");
    bar.className = "travelog-family-toolbar";
    const list = document.createElement("a");
    list.href = data.list;
    list.textContent = "All family entries";
    const lock = document.createElement("button");
    lock.type = "button";
    lock.className = "travelog-family-button travelog-family-button--quiet";
    lock.textContent = "Lock on this device";
    lock.addEventListener("click", async () => {
      await forget();
      location.reload();
    });
    // The list itself needs no link to the list.
    if (new URL(data.list, location.href).pathname !== location.pathname) bar.append(list, " ");
    bar.append(lock);
    return bar;
  }

  // Take every sealed photo address out of the parsed page before it is shown, so the
  // browser never asks for a file that is not published.
  function detachPhotos(body, files) {
    const pictures = [];
    for (const picture of body.querySelectorAll("picture")) {
      const candidates = [];
      for (const element of picture.querySelectorAll("source, img")) {
        for (const part of (element.getAttribute("srcset") || "").split(",")) {
          const [url, width] = part.trim().split(/\s+/);
          if (files[url]) candidates.push({ url, width: parseInt(width, 10) || 0 });
        }
      }
      picture.querySelectorAll("source").forEach((source) => source.remove());
      const image = picture.querySelector("img");
      if (!image) continue;
      for (const name of ["src", "srcset", "sizes"]) image.removeAttribute(name);
      candidates.sort((a, b) => a.width - b.width);
      pictures.push({ image, candidates });
    }
    const links = [];
    for (const link of body.querySelectorAll("a[href]")) {
      const url = link.getAttribute("href");
      if (files[url]) {
        // The lightbox gets the one large photo opened here, not a choice of sealed files.
        for (const name of ["data-srcset", "data-sizes"]) link.removeAttribute(name);
        link.setAttribute("href", "#");
        links.push({ link, url });
      }
    }
    return { pictures, links };
  }

  async function loadPhotos({ pictures, links }, files, key) {
    const opened = new Map();
    const open = (url) => {
      if (!opened.has(url)) opened.set(url, openFile(files[url], key));
      return opened.get(url);
    };
    await Promise.all(
      pictures.map(async ({ image, candidates }) => {
        if (!candidates.length) return;
        const needed = (image.getBoundingClientRect().width || 800) * (devicePixelRatio || 1);
        const best = candidates.find((c) => c.width >= needed) || candidates.at(-1);
        try {
          image.src = await open(best.url);
        } catch {
          photoFailed(image);
        }
      }),
    );
    await Promise.all(
      links.map(async ({ link, url }) => {
        try {
          link.href = await open(url);
        } catch {
          photoFailed(link);
        }
      }),
    );
    startLightbox();
    root.dataset.travelogFamilyPhotos = "ready";
  }

  async function openFile(file, key) {
    const response = await fetch(file.url);
    if (!response.ok) throw new Error(`${file.url}: ${response.status}`);
    const plain = await unseal(key, new Uint8Array(await response.arrayBuffer()), file.item);
    return URL.createObjectURL(new Blob([plain], { type: file.type }));
  }

  function photoFailed(element) {
    const figure = element.closest("figure") || element;
    if (figure.querySelector(".travelog-family-photo-error")) return;
    const note = document.createElement("p");
    note.className = "travelog-family-photo-error";
    note.textContent = MESSAGES.photo;
    figure.append(note);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    say(MESSAGES.opening);
    try {
      const raw = await deriveRawKey(field.value);
      const key = await importKey(raw);
      if (!(await opens(key))) {
        say(MESSAGES.wrong);
        field.select();
        return;
      }
      field.value = "";
      await keep(raw, key);
      await openPage(key);
    } finally {
      button.disabled = false;
    }
  });

  (async () => {
    const key = await storedKey();
    if (!key) return;
    if (await opens(key)) {
      await openPage(key);
    } else {
      await forget();
      say(MESSAGES.changed);
    }
  })();

  function startLightbox() {
    if (typeof GLightbox !== "function") return;
    GLightbox({ selector: ".travelog-family-content a.glightbox", loop: false });
  }
})();
