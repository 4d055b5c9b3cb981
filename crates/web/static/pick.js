// Progressive enhancement of the "find an organisation" boxes: the page works without script
// (the search form reloads the page with ?q=); with it, typing asks the same page for the same
// query and puts its list of matches in place, so that the organisation is picked as one types.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[role=search][data-results]");
  Array.prototype.forEach.call(forms, function (form) {
    var box = form.querySelector("input[type=search]");
    var target = document.getElementById(form.getAttribute("data-results"));
    if (!box || !target) return;
    var timer = null, asked = 0;
    function ask() {
      var q = box.value.trim();
      // Two letters, or one Hangul syllable (a Korean surname), as the server wants.
      if (q.length < 2 && !/^[\uAC00-\uD7A3]$/.test(q)) return;
      var n = ++asked;
      var url = new URL(form.getAttribute("action"), window.location.href);
      url.searchParams.set("q", q);
      var lang = document.documentElement.getAttribute("lang");
      if (lang) url.searchParams.set("lang", lang);
      fetch(url.toString(), { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html === null || n !== asked) return;
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.getElementById(target.id);
          if (!fresh) return;
          target.innerHTML = fresh.innerHTML;
          var hidden = target.parentNode.querySelector("input[type=hidden][name=q]");
          if (hidden) hidden.value = q;
        })
        .catch(function () { /* the button still searches */ });
    }
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 250);
    });
  });
})();
