#!/usr/bin/env bash
# Issue 11 done-when, in English: see daily_flow.sh.
FLOW_LANG=en
source "$(dirname "$0")/daily_flow.sh"
