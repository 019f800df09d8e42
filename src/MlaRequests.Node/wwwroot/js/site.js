// Shows, beside the request form, only what the chosen legal bases (the request's and each country's own) and kind require
// (without script, everything stays visible).
(function () {
  var form = document.getElementById('request-form');
  if (!form) return;
  var basis = document.getElementById('legal-basis');
  var kind = document.getElementById('kind');
  var perCountry = document.querySelectorAll('select[data-target-basis]');
  function update() {
    var chosen = [basis.value];
    perCountry.forEach(function (s) { chosen.push(s.value); });
    chosen = chosen.filter(function (v) { return v !== ''; });
    document.querySelectorAll('[data-basis]').forEach(function (s) { s.hidden = chosen.length > 0 && chosen.indexOf(s.dataset.basis) < 0; });
    document.querySelectorAll('[data-kind]').forEach(function (s) { s.hidden = s.dataset.kind !== kind.value; });
  }
  basis.addEventListener('change', update);
  perCountry.forEach(function (s) { s.addEventListener('change', update); });
  kind.addEventListener('change', update);
  update();
})();

// The language and time zone pickers apply as soon as they change (the Content-Security-Policy allows no inline handlers).
document.querySelectorAll('select[data-submit-on-change]').forEach(function (select) {
  select.addEventListener('change', function () { select.form.submit(); });
});
