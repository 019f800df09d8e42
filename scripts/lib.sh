# Helpers the scripts share; sourced, never run:  . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   say TEXT...              a line of progress on stdout
#   fail TEXT...             the reason on stderr, then exit 1 (usage_error: exit 2)
#   print_usage FILE         the comment block at the top of FILE, without the '# '
#   need_packages PKG=FILE...  install the Debian packages whose FILE is missing, after saying which;
#                            with MLA_NO_INSTALL=1 install nothing: name what is missing and exit 1
#   as_root                  the prefix that runs a command as root here: nothing for root, else sudo
#   port_in_use PORT         true when something listens on 127.0.0.1:PORT
#   field NAME               reads JSON on stdin, prints the first string value of "NAME" (no jq needed)

say() { printf '%s\n' "$*"; }

fail() { printf '%s\n' "$*" >&2; exit 1; }

usage_error() { printf '%s\n' "$*" >&2; exit 2; }

print_usage() { sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$1"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then return 0; fi
  command -v sudo >/dev/null || fail "not root and sudo not found: run as root, or install sudo"
  printf 'sudo'
}

need_packages() {
  local pair missing=() prefix
  for pair in "$@"; do [ -e "${pair#*=}" ] || missing+=("${pair%%=*}"); done
  [ ${#missing[@]} -gt 0 ] || return 0
  if [ "${MLA_NO_INSTALL:-0}" = 1 ]; then
    fail "missing Debian packages: ${missing[*]} (MLA_NO_INSTALL=1, so nothing is installed: apt-get install ${missing[*]}, then run again)"
  fi
  command -v apt-get >/dev/null || fail "apt-get not found: install ${missing[*]} by hand"
  prefix=$(as_root) || exit 1
  say "installing with apt-get: ${missing[*]} (a minute or two; MLA_NO_INSTALL=1 installs nothing and stops instead)"
  $prefix apt-get update -qq
  $prefix env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -n 1; }
