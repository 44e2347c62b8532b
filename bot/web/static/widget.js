/*
 * Website live chat for the intake assistant. A landlord pastes one line into its site:
 *
 *   <script src="http://127.0.0.1:5005/chat/widget.js" data-open="false"></script>
 *
 * Plain JavaScript, no framework. Messages travel over Rasa's socket.io channel; the server that
 * served this file also serves the socket.io client, the landlord's details and the history.
 *
 * Safety: text from the assistant or the resident only ever reaches the page as text nodes
 * (textContent, append), never as HTML.
 * Nothing is lost: the session id, the open state and the unsent draft live in sessionStorage
 * (kept across a reload, gone when the tab closes, so the next person on a shared computer does
 * not see the conversation), and after every (re)connection the widget asks the server for the
 * conversation so far and shows what it missed.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  if (!script || document.querySelector(".ichat")) {
    return;
  }
  const server = new URL(script.src, document.baseURI).origin;
  const startOpen = script.dataset.open === "true";

  const WORDS = {
    launcher: "Chat with us",
    title: (landlord) => `Chat with ${landlord}`,
    region: "Live chat",
    close: "Close",
    closeLabel: "Close chat",
    conversation: "Conversation",
    assistant: "Assistant said:",
    resident: "You said:",
    person: (name) => `${name} said:`,
    message: "Your message",
    send: "Send",
    choices: "Choose an answer",
    privacy: "How we use your information",
    newTab: "(opens in a new tab)",
    connecting: "Connecting to the chat…",
    reconnecting: "Connection lost. Trying to reconnect. Anything you type is kept.",
    notSent: "Not sent yet: we are not connected. Your message is kept. Try again in a moment.",
  };
  const URL_IN_TEXT = /https?:\/\/[^\s<>"]*[^\s<>".,;:!?)]/g;

  const storage = (() => {
    const memory = new Map();
    let session = null;
    try {
      session = window.sessionStorage;
      session.setItem("ichat-probe", "1");
      session.removeItem("ichat-probe");
    } catch (_) {
      session = null;
    }
    const key = (name) => `intake-chat:${server}:${name}`;
    return {
      get: (name) => (session ? session.getItem(key(name)) : memory.get(name) ?? null),
      set: (name, value) => (session ? session.setItem(key(name), value) : memory.set(name, value)),
      remove: (name) => (session ? session.removeItem(key(name)) : memory.delete(name)),
    };
  })();

  /** An element with attributes and children; strings become text nodes, never HTML. */
  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
  };

  const newTabNote = () => el("span", { class: "ichat-sr" }, ` ${WORDS.newTab}`);

  /** Text with its web addresses made into links, built from text nodes. */
  const textWithLinks = (text) => {
    const parts = [];
    let from = 0;
    for (const match of text.matchAll(URL_IN_TEXT)) {
      parts.push(text.slice(from, match.index));
      parts.push(
        el("a", { href: match[0], target: "_blank", rel: "noopener noreferrer" }, match[0],
          newTabNote()),
      );
      from = match.index + match[0].length;
    }
    parts.push(text.slice(from));
    return parts;
  };

  /** A loader that runs once, or again after it failed. */
  const once = (load) => {
    let loading = null;
    return () => {
      loading = loading || load().catch((error) => {
        loading = null;
        throw error;
      });
      return loading;
    };
  };

  const loadFrom = (tag) =>
    new Promise((resolve, reject) => {
      tag.onload = resolve;
      tag.onerror = () => {
        tag.remove();
        reject(new Error(`could not load ${tag.href || tag.src}`));
      };
      document.head.append(tag);
    });

  const loadStylesheet = once(() =>
    loadFrom(el("link", { rel: "stylesheet", href: `${server}/chat/widget.css` })));

  /** The socket.io client, without disturbing a page that has its own `io`. */
  const loadSocketIo = once(async () => {
    const pagesOwn = window.io;
    await loadFrom(el("script", { src: `${server}/chat/socket.io.min.js` }));
    const ours = window.io;
    if (pagesOwn !== undefined) {
      window.io = pagesOwn;
    }
    return ours;
  });

  const fetchJson = async (path, body) => {
    // A JSON body sent as text/plain: across origins the browser sends it without a preflight.
    const response = await fetch(`${server}${path}`, body === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`${path}: ${response.status}`);
    }
    return response.json();
  };

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function buildWidget(config, io) {
    const launcher = el("button", { type: "button", class: "ichat-launcher" }, WORDS.launcher);
    const title = el("h2", { id: "ichat-title", class: "ichat-title" },
      WORDS.title(config.landlord_name));
    const closeButton = el("button",
      { type: "button", class: "ichat-close", "aria-label": WORDS.closeLabel }, WORDS.close);
    const status = el("p", { class: "ichat-status", role: "status" });
    const log = el("div", {
      class: "ichat-log", role: "log", "aria-live": "polite", "aria-label": WORDS.conversation,
      tabindex: "0",
    });
    const choices = el("div", { class: "ichat-choices", role: "group",
      "aria-label": WORDS.choices });
    choices.hidden = true;
    const input = el("input", { id: "ichat-input", class: "ichat-input", type: "text",
      autocomplete: "off", spellcheck: "true" });
    const form = el("form", { class: "ichat-form" },
      el("label", { for: "ichat-input", class: "ichat-label" }, WORDS.message),
      el("div", { class: "ichat-row" }, input,
        el("button", { type: "submit", class: "ichat-send" }, WORDS.send)));
    const person = config.talk_to_a_person;
    const personButton = el("button", { type: "button", class: "ichat-person" }, person.title);
    const privacy = el("a", { class: "ichat-privacy", href: config.privacy_url, target: "_blank",
      rel: "noopener noreferrer" }, WORDS.privacy, newTabNote());
    const panel = el("div", { class: "ichat-panel", id: "ichat-panel" },
      el("div", { class: "ichat-header" }, title, closeButton),
      status, log, choices, form,
      el("div", { class: "ichat-footer" }, personButton, privacy));
    const root = el("aside", { class: "ichat", "aria-label": WORDS.region }, launcher, panel);
    document.body.append(root);

    let socket = null;
    let sessionId = storage.get("session");
    let connected = false;
    const onScreen = []; // entries shown (speaker and text), lined up with the server's history
    let syncing = false;
    let missedWhileSyncing = false;
    let residentHasSpoken = false;

    const setStatus = (text) => {
      status.textContent = text;
    };

    const setOpen = (open, moveFocus) => {
      panel.hidden = !open;
      launcher.hidden = open;
      storage.set("open", String(open));
      if (!moveFocus) {
        return;
      }
      if (open) {
        (choices.hidden ? input : choices.firstElementChild).focus();
      } else {
        launcher.focus();
      }
    };

    const showChoices = (offered) => {
      choices.replaceChildren(
        ...offered.map((choice) => {
          const button = el("button", { type: "button", class: "ichat-choice" }, choice.title);
          button.addEventListener("click", () => {
            if (send(choice.payload, choice.title)) {
              input.focus();
            }
          });
          return button;
        }),
      );
      choices.hidden = offered.length === 0;
    };

    /** Brings the newest message into view. In the log, a message taller than the log
     * shows from its start; on small screens the whole panel scrolls, to the end, so the answer
     * buttons and the message box stay in view. */
    const reveal = (message) => {
      if (log.scrollHeight <= log.clientHeight) {
        panel.scrollTop = panel.scrollHeight;
        return;
      }
      const view = log.getBoundingClientRect();
      const place = message.getBoundingClientRect();
      log.scrollTop = place.height > view.height - 32
        ? log.scrollTop + place.top - view.top - 16
        : log.scrollHeight;
    };

    const show = (entry) => {
      onScreen.push({ speaker: entry.speaker, text: entry.text, id: entry.id || "" });
      showChoices(entry.speaker === "assistant" ? entry.choices : []);
      if (entry.text) {
        const said = entry.speaker === "person" ? WORDS.person(entry.name)
          : entry.speaker === "assistant" ? WORDS.assistant : WORDS.resident;
        // A member of staff is named where everyone can see it; the others only to readers.
        const label = entry.speaker === "person"
          ? el("span", { class: "ichat-name" }, `${entry.name}:`, el("br"))
          : el("span", { class: "ichat-sr" }, `${said} `);
        const message = el("p", { class: `ichat-message ichat-message--${entry.speaker}` },
          label, ...textWithLinks(entry.text));
        log.append(message);
        reveal(message);
      }
    };

    /** After a live reply to the resident: the first choice if they are not typing, else leave
     * focus be. Focus never moves before they have used the chat, so a page's reader is not
     * pulled into it by the greeting. */
    const settleFocus = () => {
      const active = document.activeElement;
      const focusLost = !active || active === document.body;
      if (!residentHasSpoken || panel.hidden || !(focusLost || active === input)) {
        return;
      }
      if (!choices.hidden && input.value.trim() === "") {
        choices.firstElementChild.focus();
      } else if (focusLost) {
        input.focus();
      }
    };

    function send(message, shownAs) {
      if (!connected) {
        setStatus(WORDS.notSent);
        return false;
      }
      socket.emit("user_uttered", { message, session_id: sessionId });
      residentHasSpoken = true;
      show({ speaker: "resident", text: shownAs, choices: [] });
      return true;
    }

    /** How many of the server's entries are on screen. They line up in order, except that a
     * message of the resident's that the server never stored (its replica stopped in the middle
     * of the turn) is passed over, so the entries after it are not taken as shown. Anything else
     * that differs lines up by count. */
    const shownOf = (entries) => {
      let next = 0;
      for (let i = 0; i < onScreen.length; i += 1) {
        const mine = onScreen[i];
        const same = (entry) => entry.speaker === mine.speaker && entry.text === mine.text;
        if (next < entries.length && same(entries[next])) {
          next += 1;
        } else if (mine.speaker !== "resident" || entries.slice(next).some(same)) {
          return next + onScreen.length - i;
        }
      }
      return next;
    };

    /** Shows whatever the server holds beyond what is on screen; the server's record wins. */
    const catchUp = async () => {
      syncing = true;
      try {
        do {
          missedWhileSyncing = false;
          const { entries } = await fetchJson("/chat/history", { session_id: sessionId });
          const restored = entries.slice(shownOf(entries));
          log.setAttribute("aria-busy", "true");
          restored.forEach(show);
          log.removeAttribute("aria-busy");
          if (missedWhileSyncing) {
            await sleep(500);
          }
        } while (missedWhileSyncing);
      } catch (_) {
        // The history is a courtesy: live messages still arrive without it.
      } finally {
        syncing = false;
      }
    };

    const fromSocket = (message) => ({
      speaker: message.staff_name ? "person" : "assistant",
      name: message.staff_name || "",
      text: message.text || "",
      choices: (message.quick_replies || []).map(({ title, payload }) => ({ title, payload })),
      id: message.message_id || "",
    });

    /** A staff message is stored before it is sent, so a catch-up between the two has shown it
     * already: its id says so. */
    const alreadyShown = (entry) =>
      entry.id !== "" && onScreen.some((shown) => shown.id === entry.id);

    const connect = () => {
      setStatus(WORDS.connecting);
      socket = io(server, { transports: ["websocket", "polling"], tryAllTransports: true });
      socket.on("connect", () => socket.emit("session_request", { session_id: sessionId }));
      socket.on("session_confirm", async (confirmed) => {
        sessionId = typeof confirmed === "string" ? confirmed : confirmed.session_id;
        storage.set("session", sessionId);
        await catchUp();
        connected = true;
        setStatus("");
        if (onScreen.length === 0) {
          socket.emit("user_uttered", { message: config.opening_payload, session_id: sessionId });
        }
      });
      socket.on("bot_uttered", (message) => {
        const entry = fromSocket(message);
        if (!entry.text && entry.choices.length === 0) {
          return;
        }
        if (syncing) {
          missedWhileSyncing = true;
          return;
        }
        if (alreadyShown(entry)) {
          return;
        }
        show(entry);
        settleFocus();
      });
      socket.on("disconnect", (reason) => {
        connected = false;
        setStatus(WORDS.reconnecting);
        if (reason === "io server disconnect") {
          socket.connect();
        }
      });
      socket.on("connect_error", () => setStatus(WORDS.reconnecting));
    };

    launcher.addEventListener("click", () => setOpen(true, true));
    closeButton.addEventListener("click", () => setOpen(false, true));
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        setOpen(false, true);
      }
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (text && send(text, text)) {
        input.value = "";
        storage.remove("draft");
      }
      input.focus();
    });
    input.value = storage.get("draft") || "";
    input.addEventListener("input", () => storage.set("draft", input.value));
    personButton.addEventListener("click", () => send(person.payload, person.title));

    const remembered = storage.get("open");
    setOpen(remembered === null ? startOpen : remembered === "true", false);
    connect();
  }

  const start = async (wait) => {
    try {
      const [config, io] = await Promise.all([
        fetchJson("/chat/config"), loadSocketIo(), loadStylesheet(),
      ]);
      buildWidget(config, io);
    } catch (_) {
      // The chat server is not reachable yet: try again later, more slowly each time.
      setTimeout(() => start(Math.min(wait * 2, 60000)), wait);
    }
  };
  start(2000);
})();
