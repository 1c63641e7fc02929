#!/bin/sh
# Chromium as the kiosk screen: full screen on the daemon's page, no pinch zoom, no context menu, no error or
# "restore pages" bubbles, no translate bar, and no omnibox pop-up page preloaded (a kiosk has no address bar, and
# Chromium would load that WebUI page in a renderer of its own beside the kiosk's, about 200 requests: CPU a kiosk PC
# needs for its first screen). Waits for the daemon, restarts the browser when it exits, and
# restarts it when the daemon reports the page silent (/api/health ui.silent: the page stopped sending
# heartbeats, e.g. a hung renderer).
#
# Run it from the kiosk user's graphical session (deploy/browser/kiosk-browser.desktop in ~/.config/autostart).
# Environment: KIOSK_URL (default http://127.0.0.1:8080/), CHROMIUM (binary), KIOSK_BROWSER_PROFILE,
# KIOSK_BROWSER_ONCE=1 (start once and return when the browser exits: for tests).
set -eu

URL="${KIOSK_URL:-http://127.0.0.1:8080/}"
HEALTH="${URL%/}/api/health"
PROFILE="${KIOSK_BROWSER_PROFILE:-${XDG_CACHE_HOME:-$HOME/.cache}/kiosk-browser}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || echo chromium)}"
CHECK_EVERY="${KIOSK_BROWSER_CHECK_SECONDS:-15}"

health() { curl -fsS --max-time 3 "$HEALTH" 2>/dev/null; }

# A browser killed by the watchdog would offer "restore pages" next time: mark the last exit as clean.
mark_clean_exit() {
  prefs="$PROFILE/Default/Preferences"
  [ -f "$prefs" ] && sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[A-Za-z]*"/"exit_type":"Normal"/' "$prefs" || true
}

until health >/dev/null; do sleep 2; done
mkdir -p "$PROFILE"

while :; do
  mark_clean_exit
  "$CHROMIUM" \
    --kiosk "$URL" \
    --user-data-dir="$PROFILE" \
    --no-first-run --no-default-browser-check \
    --noerrdialogs --disable-infobars --disable-session-crashed-bubble \
    --disable-pinch --overscroll-history-navigation=0 \
    --disable-features=Translate,TranslateUI,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation,HardwareMediaKeyHandling,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI \
    --disable-translate --disable-sync --disable-background-networking --disable-component-update \
    --check-for-update-interval=31536000 \
    --autoplay-policy=no-user-gesture-required \
    --password-store=basic \
    --enable-features=OverlayScrollbar \
    --touch-events=enabled \
    ${KIOSK_BROWSER_EXTRA_FLAGS:-} &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep "$CHECK_EVERY"
    if health | grep -q '"silent":true'; then
      echo "kiosk-browser: the page stopped sending heartbeats; restarting the browser" >&2
      kill "$pid" 2>/dev/null || true
    fi
  done
  wait "$pid" || true
  [ "${KIOSK_BROWSER_ONCE:-0}" = 1 ] && exit 0
  sleep 2
done
