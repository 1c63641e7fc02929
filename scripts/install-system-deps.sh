#!/usr/bin/env bash
# Debian packages the test suite needs (the kiosk itself needs none on simulated devices):
#   socat            real pseudo-terminal pairs for the serial integration tests
#   chromium         browser tests (driven by playwright-core); fonts-wqy-zenhei so Chinese renders
#   sane-utils       scanimage and the SANE `test` backend, a real scanner device
#   poppler-utils    pdftotext / pdfinfo, to check the PDFs the kiosk writes
#   espeak-ng        the kiosk's voice (Mandarin `cmn`, Cantonese `yue`): 关爱模式 and hall calls; a kiosk needs it too
#   libusb-1.0-0     node-hid's runtime; udev for SerialPort.list()
#   postgresql-15    a throwaway server for the hall-wide (PostgreSQL) tests
#   gcc libc6-dev    the tests compile a stand-in vendor reader library (test/support/vendor-sdk) for the FFI path
#   ffmpeg           the 高拍仪 (document camera) driver's capture program; its lavfi input stands in for a camera
#   libreoffice-calc-nogui  soffice --headless --convert-to csv: the manager's XLSX export opens in LibreOffice
# Idempotent: installs only what is missing. Needs root (or sudo).
set -euo pipefail
PACKAGES=(socat chromium fonts-wqy-zenhei sane-utils poppler-utils espeak-ng libusb-1.0-0 udev postgresql-15 gcc libc6-dev ffmpeg libreoffice-calc-nogui ca-certificates)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"
