// Shows, beside the request form, only what the chosen legal basis and kind require (without script, everything stays visible).
(function () {
  var form = document.getElementById('request-form');
  if (!form) return;
  var basis = document.getElementById('legal-basis');
  var kind = document.getElementById('kind');
  function update() {
    document.querySelectorAll('[data-basis]').forEach(function (s) { s.hidden = basis.value !== '' && s.dataset.basis !== basis.value; });
    document.querySelectorAll('[data-kind]').forEach(function (s) { s.hidden = s.dataset.kind !== kind.value; });
  }
  basis.addEventListener('change', update);
  kind.addEventListener('change', update);
  update();
})();

// The language and time zone pickers apply as soon as they change (the Content-Security-Policy allows no inline handlers).
document.querySelectorAll('select[data-submit-on-change]').forEach(function (select) {
  select.addEventListener('change', function () { select.form.submit(); });
});
