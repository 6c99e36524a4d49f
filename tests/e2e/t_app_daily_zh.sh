#!/usr/bin/env bash
# Issue 11 done-when, in Chinese (--lang zh): see daily_flow.sh.
FLOW_LANG=zh
source "$(dirname "$0")/daily_flow.sh"
