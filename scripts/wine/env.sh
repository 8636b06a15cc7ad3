# Sourced by the Windows job (scripts/wine/*): where it lives and how Windows programs run there.
#   W        the work folder (RINGFENCE_WINE_HOME, default /var/cache/ringfence-wine), cached between runs
#   $W/d     the only folder Windows programs see: drive D:  (the checkout under test is D:\rf)
#   WPY      the Windows python.exe (CPython 3.11 embeddable, D:\pywin\python.exe)
#   wpy ARGS…          runs the Windows Python as the unprivileged user, output piped
#   wrun PROGRAM ARGS… runs any Windows program the same way
# Windows programs never run as root, and the prefix has no Z: drive (the host's root): a test that
# names a host file cannot reach it.

W=${RINGFENCE_WINE_HOME:-/var/cache/ringfence-wine}
RINGFENCE_WINE_USER=${RINGFENCE_WINE_USER:-ringfence-wine}
WPY=$W/d/pywin/python.exe
export W RINGFENCE_WINE_USER WPY
export WINEPREFIX=$W/prefix
export WINEDEBUG=-all
# No .NET or HTML engine prompts, no desktop menu entries on the host.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
# Wine drops QT_* variables from the Unix environment; WINE<name> arrives in Windows as <name>.
export WINEQT_QPA_PLATFORM=offscreen

# COMMAND ARGS… as the unprivileged user, with this environment and a home in the work folder.
as_wine_user() {
  local run=(env HOME="$W/home" USER="$RINGFENCE_WINE_USER" LOGNAME="$RINGFENCE_WINE_USER" "$@")
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid="$RINGFENCE_WINE_USER" --regid="$RINGFENCE_WINE_USER" --init-groups "${run[@]}"
  else
    sudo -u "$RINGFENCE_WINE_USER" --preserve-env=W,WPY,RINGFENCE_HOME,WINEPREFIX,WINEDEBUG,WINEDLLOVERRIDES,WINEQT_QPA_PLATFORM "${run[@]}"
  fi
}

# Windows' CPython aborts at start ("init_sys_streams … Invalid handle") when stdout or stderr is a
# regular file, as in a CI log: the output always goes through a pipe.
wrun() {
  rm -f "$WINEPREFIX/dosdevices/z:"
  as_wine_user wine "$@" </dev/null 2>&1 | cat
  return "${PIPESTATUS[0]}"
}

wpy() { wrun "$WPY" "$@"; }
