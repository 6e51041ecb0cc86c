// The workshop page's behaviour: send the form on each change, swap in the advice the server
// rendered, place each problem beside its field. Plain fetch, no framework; every call goes
// through one queue so the server sees the changes in the order they were made.
"use strict";
(() => {
  const form = document.getElementById("profile-form");
  const formBody = document.getElementById("form-body");
  const adviceBody = document.getElementById("advice-body");
  const explain = document.getElementById("explain");
  const status = document.getElementById("status");
  const undoButton = document.getElementById("undo");
  const downloads = document.getElementById("downloads");
  const TYPING_PAUSE_MS = 300;
  let queue = Promise.resolve();
  let typingTimer = null;

  function collect() {
    const fields = {};
    for (const el of form.querySelectorAll("[name]")) {
      const kind = el.dataset.kind;
      if (kind === "multi") {
        fields[el.name] = fields[el.name] || [];
        if (el.checked) fields[el.name].push(el.value);
      } else if (kind === "bool") {
        fields[el.name] = el.checked;
      } else {
        fields[el.name] = el.value;
      }
    }
    return fields;
  }

  function say(text, isError) {
    status.textContent = text || "";
    status.classList.toggle("error", Boolean(isError));
  }

  function focusKey(el) {
    if (!el || !el.name) return null;
    return el.dataset.kind === "multi" ? [el.name, el.value] : [el.name, null];
  }

  function refocus(key) {
    if (!key) return;
    for (const el of form.querySelectorAll("[name]")) {
      if (el.name === key[0] && (key[1] === null || el.value === key[1])) { el.focus(); return; }
    }
  }

  function placeProblems(problems, general) {
    for (const p of form.querySelectorAll("[data-problem-for]")) {
      p.hidden = true;
      p.textContent = "";
    }
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    for (const [name, text] of Object.entries(problems)) {
      const p = form.querySelector(`[data-problem-for="${CSS.escape(name)}"]`);
      if (p) { p.textContent = text; p.hidden = false; }
      const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
      if (control) control.setAttribute("aria-invalid", "true");
    }
    const box = document.getElementById("general-problems");
    if (box) {
      box.replaceChildren(...general.map((text) => {
        const p = document.createElement("p");
        p.className = "problem";
        p.textContent = text;
        return p;
      }));
      box.hidden = general.length === 0;
    }
  }

  function show(reply) {
    const active = document.activeElement;
    if (reply.form !== null) {
      const key = focusKey(active);
      formBody.innerHTML = reply.form;
      refocus(key);
    } else {
      placeProblems(reply.problem_map, reply.general);
    }
    const explained = active && active.dataset && active.dataset.action === "explain"
      ? active.dataset.channel : null;
    adviceBody.innerHTML = reply.advice;
    if (explained) {
      const again = adviceBody.querySelector(`[data-channel="${CSS.escape(explained)}"] button`);
      if (again) again.focus();
    }
    if (reply.explain !== null) explain.innerHTML = reply.explain;
    undoButton.disabled = !reply.undo;
    downloads.classList.toggle("disabled", !reply.valid);
    for (const a of downloads.querySelectorAll("a")) {
      a.setAttribute("aria-disabled", String(!reply.valid));
    }
    const problems = reply.problems ? `${reply.problems} problem(s) in the form` : "";
    say([reply.status, problems].filter(Boolean).join("; "), Boolean(reply.problems));
  }

  async function call(url, body) {
    document.body.classList.add("busy");
    try {
      const response = await fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const reply = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
      if (!response.ok || reply.error) {
        say(reply.error || `the server answered ${response.status}`, true);
        return null;
      }
      show(reply);
      return reply;
    } catch (err) {
      say("the workshop server cannot be reached: is `advisor workshop` still running?", true);
      return null;
    } finally {
      document.body.classList.remove("busy");
    }
  }

  // Each call is made when its turn comes, so it sends the form as it is then.
  function send(url, makeBody) {
    const turn = queue.then(() => call(url, makeBody()));
    queue = turn.catch(() => null);
    return turn;
  }

  function changed() {
    clearTimeout(typingTimer);
    typingTimer = null;
    return send("api/change", () => ({ form: collect() }));
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", () => { changed(); });
  form.addEventListener("input", (event) => {
    const kind = event.target.dataset.kind;
    if (kind === "multi" || kind === "bool" || kind === "choice") return;  // "change" sends these
    clearTimeout(typingTimer);
    typingTimer = setTimeout(changed, TYPING_PAUSE_MS);
  });

  const actions = {
    add: async (button) => {
      const path = button.dataset.path;
      const reply = await send("api/change", () => ({ form: collect(), add: path }));
      if (reply) {
        const first = form.querySelector(`[name^="${CSS.escape(path)}."]`);
        if (first) first.focus();
      }
    },
    remove: async (button) => {
      const list = button.closest("[data-list]").dataset.list;
      const reply = await send("api/change", () => ({ form: collect(), remove: button.dataset.path }));
      if (reply) {
        const add = form.querySelector(`[data-list="${CSS.escape(list)}"] > .add`);
        if (add) add.focus();
      }
    },
    explain: async (button) => {
      const reply = await send("api/explain", () => ({ channel: button.dataset.channel }));
      if (reply) {
        explain.scrollIntoView({ block: "start" });
        explain.focus({ preventScroll: true });
      }
    },
    apply: (button) => send("api/apply", () => ({ fix: Number(button.dataset.fix) })),
    undo: () => send("api/undo", () => ({})),
    pin: () => send("api/pin", () => ({})),
    start: (button) => send("api/start", () => ({ from: button.dataset.from })),
    "close-explain": () => { explain.replaceChildren(); document.getElementById("advice").focus(); },
  };

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button && actions[button.dataset.action]) {
      event.preventDefault();
      actions[button.dataset.action](button);
      return;
    }
    const link = event.target.closest("a[aria-disabled=true]");
    if (link) {
      event.preventDefault();
      say("the form has problems: fix them before downloading", true);
    }
  });

  document.getElementById("load-file").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    const text = await file.text();
    event.target.value = "";
    send("api/start", () => ({ from: "text", text, name: file.name }));
  });
})();
