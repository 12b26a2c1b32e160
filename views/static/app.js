// Progressive enhancement only: every page works without this script.
// - "Copy" buttons copy a citation to the clipboard: the text of the element named by data-copy, or the
//   citation held in data-citation (on each search result).
// - The "/" key focuses the search box (unless the user is typing in a field).
(function () {
  'use strict';
  document.querySelectorAll('button.copy').forEach(function (button) {
    var source = button.hasAttribute('data-copy') ? document.getElementById(button.getAttribute('data-copy')) : null;
    var text = source ? source.textContent : button.getAttribute('data-citation');
    if (!text || !navigator.clipboard) return;
    var label = button.textContent;
    button.hidden = false;
    // A row of copy buttons is shown once its buttons work.
    if (button.parentElement && button.parentElement.classList.contains('copy-row')) button.parentElement.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = 'Copied';
        button.classList.add('done');
        setTimeout(function () { button.textContent = label; button.classList.remove('done'); }, 2000);
      }, function () {
        button.textContent = 'Copy failed: use Cite';
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
