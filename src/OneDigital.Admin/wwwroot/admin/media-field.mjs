// Why: a focal point is easiest to set by pointing at the subject; when scripts run, a click on a chosen image's
// thumbnail fills its X and Y inputs with the click's position (fractions of the width and height). The inputs stay
// the way to set it by keyboard and without scripts.
for (const chosen of document.querySelectorAll('[data-media-chosen]')) {
  const thumb = chosen.querySelector('[data-media-thumb]');
  const x = chosen.querySelector('[data-media-anchor-x]');
  const y = chosen.querySelector('[data-media-anchor-y]');
  if (!thumb || !x || !y) continue;
  thumb.style.cursor = 'crosshair';
  thumb.title = 'Click the subject to set the focal point';
  thumb.addEventListener('click', (event) => {
    const box = thumb.getBoundingClientRect();
    const fraction = (value) => Math.min(1, Math.max(0, value)).toFixed(3).replace(/\.?0+$/, '') || '0';
    x.value = fraction((event.clientX - box.left) / box.width);
    y.value = fraction((event.clientY - box.top) / box.height);
  });
}
