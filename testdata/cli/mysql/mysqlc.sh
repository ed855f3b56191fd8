#!/bin/sh
# mysqlc.sh URL [mariadb client args...]: the mariadb client on the server of a
# mysql://user:pass@host:port/ URL (the CLI scripts' $STRATA_MYSQL_URL), in
# batch mode without column names, stopping at the first error.
set -eu
url=$1
shift
rest=${url#*://}
creds=${rest%%@*}
hostpart=${rest#*@}
user=${creds%%:*}
pass=
case $creds in *:*) pass=${creds#*:} ;; esac
hostport=${hostpart%%/*}
host=${hostport%%:*}
port=3306
case $hostport in *:*) port=${hostport#*:} ;; esac
exec mariadb --no-defaults --protocol=tcp -h"$host" -P"$port" -u"$user" ${pass:+-p"$pass"} --batch --skip-column-names --abort-source-on-error "$@"
