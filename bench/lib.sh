# Shared by the benchmark scripts (sourced, not run): starts Mutua from its jar on a fresh embedded PostgreSQL,
# creates the admin and the sample data through the setup page, and signs in. Needs curl and bc.

port=${BENCH_PORT:-18080}
email=bench@example.org
password="bench password 1"
base="http://localhost:$port"

# Builds the jar and starts it on a fresh database; sets jar, pid, work (a temporary directory), log, start and ready
# (seconds).
start_mutua() {
    ./mvnw -q -B -DskipTests package
    jar=$(ls target/mutua-*.jar | grep -v plain | head -n 1)
    work=$(mktemp -d)
    log="$work/mutua.log"
    trap stop_mutua EXIT
    launch_mutua
}

# Starts the built jar on the database in $work (created on the first launch, kept by the next), logging to $log,
# and waits until it answers; sets pid, start and ready (seconds).
launch_mutua() {
    start=$(date +%s.%N)
    java ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" \
        --mutua.embedded-postgres.data-dir="$work/postgres" --mutua.embedded-postgres.port=0 \
        --mutua.embedded-mail.port=0 > "$log" 2>&1 &
    pid=$!
    until curl -sf "$base/actuator/health" > /dev/null; do
        kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "Mutua did not start"; exit 1; }
        sleep 0.2
    done
    ready=$(date +%s.%N)
}

# Stops Mutua as a service manager would (SIGTERM: graceful shutdown, the embedded PostgreSQL last) and waits for
# it; keeps $work, so that launch_mutua starts it again on the same data.
halt_mutua() {
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    pid=
}

stop_mutua() {
    halt_mutua
    rm -rf "$work"
}

# Resident memory of the JVM, in MiB.
java_rss_mib() {
    echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
}

# First run: the setup page creates the admin and the sample data, as a visitor would; then signs in.
# Sets cookies (a curl cookie jar with the session) and api_token.
sign_in_with_sample_data() {
    cookies="$work/cookies"
    local token
    token=$(curl -s -c "$cookies" -b "$cookies" "$base/setup" | csrf)
    curl -s -o /dev/null -c "$cookies" -b "$cookies" "$base/setup" \
        --data-urlencode "_csrf=$token" --data-urlencode "name=Bench Admin" --data-urlencode "email=$email" \
        --data-urlencode "password=$password" --data-urlencode "passwordConfirmation=$password" \
        -d "sampleData=true&_sampleData=on"
    token=$(curl -s -c "$cookies" -b "$cookies" "$base/login" | csrf)
    curl -s -o /dev/null -c "$cookies" -b "$cookies" "$base/login" \
        --data-urlencode "_csrf=$token" --data-urlencode "email=$email" --data-urlencode "password=$password"
    api_token=$(curl -s -u "$email:$password" -X POST "$base/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
}

# The session cookie ("MUTUA_SESSION=…") of a fresh sign-in as another user of the sample data (same password).
session_of() {
    local jar="$work/cookies-$1" token
    token=$(curl -s -c "$jar" -b "$jar" "$base/login" | csrf)
    curl -s -o /dev/null -c "$jar" -b "$jar" "$base/login" \
        --data-urlencode "_csrf=$token" --data-urlencode "email=$1" --data-urlencode "password=$password"
    echo "MUTUA_SESSION=$(awk '$6 == "MUTUA_SESSION" {print $7}' "$jar")"
}

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

# The path of the first deal of the sample data that has a plan.
planned_deal() {
    curl -s -b "$cookies" "$base/deals?stage=negotiation" | grep -o '/deals/[0-9a-f-]\{36\}' | head -n 1
}
