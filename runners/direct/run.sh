#!/usr/bin/env bash
# Runs the profiler locally on Beam's DirectRunner with the JVM flags it runs best with
# (runners/jvm.sh: heap, collector, C1 only, class-data sharing).
# Usage: runners/direct/run.sh [--option=value ...]   (builds the jar first when it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../jvm.sh
. runners/jvm.sh
stream_profiler_run DirectRunner "$@"
