#!/usr/bin/env bash
# Issue 4 done-when, in Chinese (--lang zh, Chinese labels asserted): the same flow as t_app_flow_en.sh.
FLOW_LANG=zh
source "$(dirname "$0")/app_flow.sh"
