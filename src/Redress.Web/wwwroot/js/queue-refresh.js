// Keeps the staff queue current without a reload: fetches this same page now and then and swaps in its results
// region, so the server renders (and localizes) rows in one place. Without JavaScript the page works as before.
(() => {
    'use strict';
    const region = document.getElementById('queue-results');
    if (!region) {
        return;
    }

    const seconds = Number(region.dataset.refreshSeconds) || 10;

    async function refresh() {
        if (document.hidden) {
            return;
        }

        try {
            const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
            if (!response.ok || response.redirected) {
                return;
            }

            const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('queue-results');
            if (fresh && fresh.innerHTML !== region.innerHTML) {
                region.innerHTML = fresh.innerHTML;
            }
        } catch {
            // Offline for a moment: the next tick tries again.
        }
    }

    window.setInterval(refresh, seconds * 1000);
})();
