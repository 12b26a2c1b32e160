// Progressive enhancement only: every page works without this script.
// - "Copy" buttons copy a citation to the clipboard.
// - The "/" key focuses the search box (unless the user is typing in a field).
(function () {
  'use strict';
  document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent).then(function () {
        button.textContent = 'Copied';
        button.classList.add('done');
        setTimeout(function () { button.textContent = 'Copy'; button.classList.remove('done'); }, 2000);
      }, function () {
        button.textContent = 'Select the text to copy';
      });
    });
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.getElementById('q');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
})();
