// A disclosure's 公示期, shown live as its start and days change: the end
// date comes from the server's holiday calendar (`/_desk/api/period`), never
// from arithmetic in the browser.

import { get, h } from './api.js';
import { t } from './i18n.js';

/// Watches the form's `notice` fieldset (`from`, `days`, `unit`) and writes
/// the period's label under it.
export function trackPeriod(form) {
  const notice = form.controls.get('notice');
  if (!notice || !notice.children) return;
  const out = h('output', { class: 'period', 'aria-live': 'polite' });
  (notice.extra || notice.el).append(out);
  let timer = null;
  let asked = 0;
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const v = notice.get() || {};
      if (!v.from || !v.days) {
        out.textContent = '';
        return;
      }
      const calendar = v.unit === 'calendar_days' ? 'calendar' : 'workdays';
      asked += 1;
      const mine = asked;
      try {
        const r = await get('period', { start: v.from, days: v.days, calendar });
        if (mine === asked) {
          out.textContent = r.label || t('period_fallback', { from: v.from, end: r.end });
          out.dataset.end = r.end || '';
        }
      } catch (e) {
        if (mine === asked) out.textContent = e.message;
      }
    }, 150);
  };
  for (const c of notice.children) {
    c.el.addEventListener('input', update);
    c.el.addEventListener('change', update);
  }
  update();
}
