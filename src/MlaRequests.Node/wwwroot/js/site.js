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
    // Fields of one instrument (why UNTOC applies) only under it; a person's fields only for their kind (natural or legal).
    document.querySelectorAll('[data-when-basis]').forEach(function (s) { s.hidden = s.dataset.whenBasis !== basis.value; });
    document.querySelectorAll('.row.person').forEach(function (row) {
      var personKind = row.querySelector('select.person-kind').value;
      row.querySelectorAll('[data-person]').forEach(function (f) { f.hidden = f.dataset.person !== personKind; });
    });
  }
  basis.addEventListener('change', update);
  perCountry.forEach(function (s) { s.addEventListener('change', update); });
  kind.addEventListener('change', update);
  document.querySelectorAll('select.person-kind').forEach(function (s) { s.addEventListener('change', update); });
  update();
})();

// The language and time zone pickers apply as soon as they change (the Content-Security-Policy allows no inline handlers).
document.querySelectorAll('select[data-submit-on-change]').forEach(function (select) {
  select.addEventListener('change', function () { select.form.submit(); });
});
