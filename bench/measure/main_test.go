package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSplitCommands(t *testing.T) {
	got := splitCommands([]string{"gen", "build", "--", "hugo", "--quiet", "--", "floor"})
	want := [][]string{{"gen", "build"}, {"hugo", "--quiet"}, {"floor"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("splitCommands = %q, want %q", got, want)
	}
	if got := splitCommands([]string{"--", "--"}); len(got) != 0 {
		t.Errorf("empty commands = %q, want none", got)
	}
}

func TestSummarize(t *testing.T) {
	s := time.Second
	rs := []run{
		{wall: 4 * s, user: 3 * s, sys: s, rssKB: 2048},
		{wall: 1 * s, user: s, rssKB: 4096},
		{wall: 3 * s, user: 2 * s, rssKB: 1024},
		{wall: 2 * s, user: 2 * s, sys: s, rssKB: 3072},
	}
	got := summarize(rs)
	want := summary{runs: 4, wall: 2500 * time.Millisecond, minWall: s, maxWall: 4 * s, cpu: 2500 * time.Millisecond, rssKB: 4096}
	if got != want {
		t.Errorf("summarize = %+v, want %+v", got, want)
	}
	if got := summarize(rs[:3]).wall; got != 3*s {
		t.Errorf("median of three = %v, want the middle one, 3s", got)
	}
}

func TestRatioLine(t *testing.T) {
	sums := map[string]summary{
		"gen":  {wall: time.Second, cpu: 3 * time.Second, rssKB: 100},
		"hugo": {wall: 4 * time.Second, cpu: 4 * time.Second, rssKB: 400},
	}
	line, err := ratioLine("gen/hugo", sums)
	if err != nil || line != "gen/hugo: wall 0.25, user+sys 0.75, peak RSS 0.25" {
		t.Errorf("ratioLine = %q, %v", line, err)
	}
	for _, bad := range []string{"gen", "gen/floor", "floor/hugo"} {
		if _, err := ratioLine(bad, sums); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("ratioLine(%q) error = %v, want one naming it", bad, err)
		}
	}
}
