// Saves a draft conversation record to the server a few seconds after typing stops.
// Progressive enhancement: without JavaScript the "Save draft" button does the same.
// Nothing is kept in browser storage, and the fields being typed in are never touched.

// Save after a pause in typing, and at least this often while typing goes on.
const DELAY_MS = 3000;
const MAX_WAIT_MS = 10000;

function setUp(form) {
  const status = form.querySelector("[data-autosave-status]");
  const version = form.querySelector("input[name=version]");
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  let timer = null;
  let waitingSince = null;
  let inFlight = null;
  let again = false;
  let stopped = false;

  const say = (text) => {
    if (status) status.textContent = text;
  };

  async function save() {
    timer = null;
    waitingSince = null;
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    const body = new FormData(form);
    body.set("autosave", "1");
    inFlight = fetch(form.action, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrf },
    })
      .then(async (response) => {
        if (response.ok) {
          const saved = await response.json();
          version.value = saved.version;
          if (saved.edit_url && !form.action.endsWith(saved.edit_url)) {
            form.action = saved.edit_url;
            window.history.replaceState(null, "", saved.edit_url);
          }
          say(`Draft saved automatically at ${saved.saved_at}.`);
        } else if (response.status === 401) {
          stopped = true;
          say("You have been signed out. What you typed is still here: select Save draft, sign in again and it will be kept.");
        } else if (response.status === 409) {
          stopped = true;
          say("This draft was saved somewhere else, perhaps in another tab. Automatic saving has stopped: select Save draft to decide.");
        } else if (response.status >= 500) {
          say("Goodlife cannot save just now (its database is not answering). Your typing is still here: it will be saved automatically when you next type, or select Save draft in a minute.");
        } else {
          say("Not saved automatically yet: some answers need checking. Select Save draft to see which.");
        }
      })
      .catch(() => say("Could not reach Goodlife to save automatically. Your typing is still here."))
      .finally(() => {
        inFlight = null;
        if (again) {
          again = false;
          save();
        }
      });
  }

  form.addEventListener("input", () => {
    if (stopped) return;
    window.clearTimeout(timer);
    waitingSince = waitingSince ?? Date.now();
    const waited = Date.now() - waitingSince;
    timer = window.setTimeout(save, waited >= MAX_WAIT_MS ? 0 : DELAY_MS);
  });

  // Never let a button press race an automatic save into two records.
  form.addEventListener("submit", (event) => {
    window.clearTimeout(timer);
    stopped = true;
    if (inFlight) {
      event.preventDefault();
      const submitter = event.submitter;
      inFlight.then(() => form.requestSubmit(submitter));
    }
  });
}

document.querySelectorAll("form[data-autosave]").forEach(setUp);
