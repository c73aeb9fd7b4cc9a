(function () {
  'use strict';
  var dataElement = document.getElementById('ddx-walkthrough-data');
  var data = JSON.parse(dataElement.textContent);
  var steps = Array.prototype.slice.call(document.querySelectorAll('.steps .step'));
  var total = steps.length;
  if (!total) { return; }
  document.documentElement.classList.add('js');
  var graphItems = Array.prototype.slice.call(document.querySelectorAll('.graph .ddx-node, .graph .ddx-edge'));
  var prev = document.getElementById('wt-prev');
  var next = document.getElementById('wt-next');
  var position = document.getElementById('wt-position');
  var bar = document.getElementById('wt-bar');
  var sectionButtons = Array.prototype.slice.call(document.querySelectorAll('.section-button'));
  var current = -1;

  function lookup(list) {
    var set = {};
    (list || []).forEach(function (id) { set[id] = true; });
    return set;
  }

  function show(index, keepHash) {
    index = Math.max(0, Math.min(total - 1, index));
    if (index === current) { return; }
    current = index;
    steps.forEach(function (element, i) { element.hidden = i !== index; });
    var info = data.steps[index] || { nodes: [], edges: [], currentNodes: [], currentEdges: [], section: 0 };
    var lit = lookup(info.nodes.concat(info.edges));
    var now = lookup(info.currentNodes.concat(info.currentEdges));
    graphItems.forEach(function (element) {
      element.classList.toggle('wt-dim', !lit[element.id]);
      element.classList.toggle('wt-current', !!now[element.id]);
    });
    position.textContent = 'Step ' + (index + 1) + ' of ' + total;
    bar.style.width = (total > 1 ? (index / (total - 1)) * 100 : 100) + '%';
    prev.disabled = index === 0;
    next.disabled = index === total - 1;
    sectionButtons.forEach(function (button) {
      button.setAttribute('aria-current', String(Number(button.getAttribute('data-section')) === info.section));
    });
    if (!keepHash) { history.replaceState(null, '', '#step-' + (index + 1)); }
    reveal(document.getElementById((info.currentEdges[0] || info.currentNodes[0]) || ''));
  }

  // Scrolls the graph panel (never the page) so that the current hop is visible.
  function reveal(element) {
    var panel = document.querySelector('.graph');
    if (!element || !panel || !element.getBoundingClientRect) { return; }
    var r = element.getBoundingClientRect();
    var p = panel.getBoundingClientRect();
    if (r.left < p.left || r.right > p.right) { panel.scrollLeft += (r.left + r.right - p.left - p.right) / 2; }
    if (r.top < p.top || r.bottom > p.bottom) { panel.scrollTop += (r.top + r.bottom - p.top - p.bottom) / 2; }
  }

  function fromHash() {
    var match = /^#step-(\d+)$/.exec(location.hash);
    return match ? Number(match[1]) - 1 : null;
  }

  function goToSection(number) {
    var start = data.sections[String(number)];
    if (start) { show(start - 1); }
  }

  prev.addEventListener('click', function () { show(current - 1); });
  next.addEventListener('click', function () { show(current + 1); });
  sectionButtons.forEach(function (button) {
    button.addEventListener('click', function () { show(Number(button.getAttribute('data-start')) - 1); });
  });
  window.addEventListener('hashchange', function () {
    var index = fromHash();
    if (index !== null) { show(index, true); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    var key = event.key;
    if (target && target.tagName === 'BUTTON' && (key === ' ' || key === 'Enter')) { return; }
    if (key === 'ArrowRight' || key === 'PageDown' || (key === ' ' && !event.shiftKey)) {
      show(current + 1);
    } else if (key === 'ArrowLeft' || key === 'PageUp' || (key === ' ' && event.shiftKey)) {
      show(current - 1);
    } else if (key === 'Home') {
      show(0);
    } else if (key === 'End') {
      show(total - 1);
    } else if (/^[1-4]$/.test(key)) {
      goToSection(Number(key));
    } else {
      return;
    }
    event.preventDefault();
  });

  var initial = fromHash();
  show(initial === null ? 0 : initial, initial === null);
}());
