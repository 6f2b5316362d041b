// The test call page: posts the caller's keys and words, shows the transcript, and speaks each
// prompt with a voice of its language (the Web Speech API). `window.spoken` keeps what was spoken.
(function () {
  var state = null;
  window.spoken = [];

  function csrf() { return document.querySelector("meta[name=csrf-token]").content; }

  function voiceFor(lang) {
    var voices = window.speechSynthesis ? speechSynthesis.getVoices() : [];
    var base = lang.split("-")[0];
    return voices.find(function (v) { return v.lang === lang; }) ||
      voices.find(function (v) { return v.lang.split(/[-_]/)[0] === base; }) || null;
  }

  function speak(items) {
    items.forEach(function (item) {
      window.spoken.push(item);
      if (!document.getElementById("speak").checked || !window.speechSynthesis) { return; }
      var utterance = new SpeechSynthesisUtterance(item.text);
      utterance.lang = item.lang;
      var voice = voiceFor(item.lang);
      if (voice) { utterance.voice = voice; }
      speechSynthesis.speak(utterance);
    });
  }

  function show(lines) {
    var list = document.getElementById("transcript");
    lines.forEach(function (line) {
      var li = document.createElement("li");
      li.className = line.who.replace(/\s+/g, "-");
      li.textContent = (line.who === "ivr" ? "IVR: " : line.who === "transfer" ? "→ transferred to " : line.who + ": ") + line.what;
      list.appendChild(li);
    });
  }

  function post(url, body) {
    document.getElementById("status").textContent = "…";
    return fetch(url, {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf(), "Accept": "application/json"},
      body: JSON.stringify(body)})
      .then(function (r) { return r.json().then(function (data) { return {ok: r.ok, data: data}; }); })
      .then(function (reply) {
        if (!reply.ok) { document.getElementById("status").textContent = reply.data.error || "refused"; return; }
        state = reply.data.state;
        show(reply.data.transcript);
        speak(reply.data.speak);
        document.getElementById("status").textContent = reply.data.ended ? "Call ended." : "Waiting for you.";
        document.getElementById("phone").hidden = reply.data.ended;
      });
  }

  function url(name) { return document.getElementById("conditions").dataset[name]; }

  function act(action, value) { return post(url("act"), {state: state, action: action, value: value || ""}); }

  document.addEventListener("DOMContentLoaded", function () {
    document.getElementById("conditions").addEventListener("submit", function (e) {
      e.preventDefault();
      if (window.speechSynthesis) { speechSynthesis.cancel(); }
      document.getElementById("transcript").textContent = "";
      var live = document.getElementById("live");
      post(url("start"), {hour: document.getElementById("hour").value,
        agent: document.getElementById("agent").value, live: !!(live && live.checked)});
    });
    document.querySelectorAll(".key").forEach(function (b) {
      b.addEventListener("click", function () { act("press", b.dataset.key); });
    });
    document.getElementById("keys-form").addEventListener("submit", function (e) {
      e.preventDefault(); var keys = document.getElementById("keys"); act("press", keys.value); keys.value = "";
    });
    document.getElementById("words-form").addEventListener("submit", function (e) {
      e.preventDefault(); var words = document.getElementById("words"); act("say", words.value); words.value = "";
    });
    document.getElementById("silence").addEventListener("click", function () { act("silence"); });
    document.getElementById("hangup").addEventListener("click", function () { act("hangup"); });
  });
})();
