#!/usr/bin/env bash
# Issue 4 done-when, in English: sale for a Chinese-named customer found by pinyin initials, history,
# receivables, partial receipt, resize, quit with unsaved changes. The steps are in app_flow.sh.
FLOW_LANG=en
source "$(dirname "$0")/app_flow.sh"
