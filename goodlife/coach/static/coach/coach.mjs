// The language coach as someone types: findings appear beneath a text box after a pause.
// Progressive enhancement: without JavaScript, "Check the wording" or "Save draft" shows
// the same findings. The text box itself is never touched, so the cursor never moves.

const PAUSE_MS = 700;

function setUp(textarea) {
  const container = document.getElementById(`${textarea.id}-coach`);
  const form = textarea.form;
  if (!container || !form) return;
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
  if (!csrf) return;
  const status = container.querySelector("[data-coach-status]");
  const findings = container.querySelector("[data-coach-findings]");
  let timer = null;
  let latest = 0;

  async function check() {
    const asked = ++latest;
    const body = new FormData();
    body.set("text", textarea.value);
    body.set("context", textarea.dataset.coachContext || "general");
    body.set("scope", textarea.dataset.coachScope || "");
    body.set("field_id", textarea.id);
    body.set("field_name", textarea.name);
    try {
      const response = await fetch(textarea.dataset.coachUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrf.value },
      });
      if (!response.ok || asked !== latest) return;
      const html = new DOMParser().parseFromString(await response.text(), "text/html");
      const newStatus = html.querySelector("[data-coach-status]");
      const newFindings = html.querySelector("[data-coach-findings]");
      if (newFindings) findings.innerHTML = newFindings.innerHTML;
      if (newStatus && status.textContent !== newStatus.textContent) {
        status.textContent = newStatus.textContent;
      }
    } catch {
      // The coach is a help, not a gate: when Goodlife cannot be reached, typing goes on.
    }
  }

  textarea.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, PAUSE_MS);
  });

  // "Keep my wording": remembered at once, without leaving the page or its typing.
  container.addEventListener("click", async (event) => {
    const button = event.target.closest("button[name=coach_keep]");
    if (!button) return;
    event.preventDefault();
    const body = new FormData();
    body.set("scope", button.dataset.coachScope);
    body.set("phrase", button.dataset.coachPhrase);
    body.set("text", button.dataset.coachText);
    try {
      await fetch(container.dataset.coachKeepUrl || "/language/keep/", {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrf.value },
      });
    } finally {
      check();
      textarea.focus({ preventScroll: true });
    }
  });
}

document.querySelectorAll("textarea[data-coach-url]").forEach(setUp);
