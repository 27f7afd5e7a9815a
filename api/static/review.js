// The review queue from the keyboard: j/k or the arrow keys move between items, a accepts, r rejects,
// f opens the fix, u takes back the latest decision. A decision is the item's own form, sent in the
// background with the page's one token field and answered as JSON, so the decided item leaves the
// page without a reload; the answer names what an undo takes back, which fills the "Ångra" form. An
// undo reloads the queue, so the item comes back in its place. Without this script every item is a
// plain form with its own token field, and "Ångra" comes with the page after a decision.
(function () {
  "use strict";
  const queue = document.getElementById("queue");
  const keys = document.getElementById("review-keys");
  const tokenField = document.getElementById("review-token");
  const status = document.getElementById("review-status");
  const counter = document.getElementById("queue-count");
  const undoForm = document.getElementById("undo-form");
  if (!keys || !tokenField || !status || !undoForm) return;
  keys.hidden = false;
  for (const label of document.querySelectorAll(".item-token")) {
    label.hidden = true;
    label.querySelector("input").required = false;
  }
  const items = () => (queue ? Array.from(queue.querySelectorAll(".review-item")) : []);
  let current = 0;

  function mark(index, focus) {
    const all = items();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((el, n) => el.classList.toggle("current", n === current));
    if (focus) all[current].focus();
  }

  function say(text) {
    status.hidden = false;
    status.textContent = text;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function recount(kind) {
    if (!counter) return;
    const facts = Number(counter.dataset.facts) - (kind === "fact" ? 1 : 0);
    const candidates = Number(counter.dataset.candidates) - (kind === "fact" ? 0 : 1);
    counter.dataset.facts = String(facts);
    counter.dataset.candidates = String(candidates);
    counter.textContent =
      plural(facts + candidates, "sak att granska", "saker att granska") + ": " +
      plural(facts, "faktauppgift", "faktauppgifter") + " och " +
      plural(candidates, "kandidat", "kandidater") + " till sammanslagning.";
  }

  // A form sent in the background with the page's token (and `extra` fields), answered as JSON:
  // {status, body}; null when no token is given yet. A 403 puts the focus on the token field.
  async function send(form, extra, unreachable) {
    if (!tokenField.value.trim()) {
      say("Skriv API-nyckeln först.");
      tokenField.focus();
      return null;
    }
    const data = new FormData(form);
    data.set("token", tokenField.value);
    for (const [name, value] of Object.entries(extra)) data.set(name, value);
    let status = 0, body;
    try {
      const answer = await fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" } });
      status = answer.status;
      body = await answer.json();
    } catch (e) {
      body = { ok: false, message: unreachable };
    }
    if (!body.ok) {
      say(body.message);
      if (status === 403) tokenField.focus();
    }
    return { status, body };
  }

  async function decide(item, decision) {
    const form = item.querySelector("form.review-form");
    if (!form.querySelector('button[value="' + decision + '"]')) {
      say("Det här kan inte avvisas, bara rättas: tryck f.");
      return;
    }
    const sent = await send(form, { decision }, "Beslutet sparades inte: servern gick inte att nå.");
    if (!sent || !sent.body.ok) return;
    say(sent.body.message);
    offerUndo(sent.body.undo);
    const index = items().indexOf(item);
    item.remove();
    recount(item.dataset.kind);
    mark(index, true);
  }

  function offerUndo(undo) {
    undoForm.hidden = !undo;
    if (!undo) return;
    undoForm.elements.undo.value = undo;
    undoForm.elements.reason.value = "";
  }

  async function undoLatest() {
    if (undoForm.hidden) {
      say("Inget beslut att ångra.");
      return;
    }
    const sent = await send(undoForm, {}, "Ångrandet sparades inte: servern gick inte att nå.");
    if (!sent || !sent.body.ok) return;
    // the queue again, where the item is back in its place (the token stays in this field only)
    const params = new URLSearchParams(window.location.search);
    params.set("message", sent.body.message);
    params.delete("undo");
    window.location.href = "/granska?" + params.toString() + "#queue";
  }

  undoForm.addEventListener("submit", (event) => {
    event.preventDefault();
    undoLatest();
  });

  for (const form of queue ? queue.querySelectorAll("form.review-form") : []) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const item = form.closest(".review-item");
      mark(items().indexOf(item), false);
      decide(item, event.submitter ? event.submitter.value : "accept");
    });
  }
  if (queue) {
    queue.addEventListener("focusin", (event) => {
      const item = event.target.closest(".review-item");
      if (item) mark(items().indexOf(item), false);
    });
  }

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (typing) {
      if (event.key === "Escape" && items().length) mark(current, true);
      return;
    }
    if (event.key === "u") {
      event.preventDefault();
      undoLatest();
      return;
    }
    const all = items();
    if (!all.length) return;
    const item = all[Math.min(current, all.length - 1)];
    if (event.key === "j" || event.key === "ArrowDown") mark(current + 1, true);
    else if (event.key === "k" || event.key === "ArrowUp") mark(current - 1, true);
    else if (event.key === "a") decide(item, "accept");
    else if (event.key === "r") decide(item, "reject");
    else if (event.key === "f") window.location.href = item.querySelector("a.fix").href;
    else return;
    event.preventDefault();
  });
  mark(0, false);
})();
