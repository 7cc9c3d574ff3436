package api

import (
	"testing"
	"time"
)

func TestISODuration(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Duration
		ok   bool
		out  string
	}{
		{"PT30M", 30 * time.Minute, true, "PT30M"},
		{"pt1h30m", 90 * time.Minute, true, "PT1H30M"},
		{"P1D", 24 * time.Hour, true, "P1D"},
		{"P1DT2H", 26 * time.Hour, true, "P1DT2H"},
		{"PT90M", 90 * time.Minute, true, "PT1H30M"},
		{"PT10M5S", 10*time.Minute + 5*time.Second, true, "PT10M5S"},
		{"P0D", 0, true, "PT0S"},
		{"PT", 0, false, ""},
		{"P", 0, false, ""},
		{"30M", 0, false, ""},
		{"P1M", 0, false, ""}, // months
		{"P1W", 0, false, ""},
		{"PT1M1H", 0, false, ""}, // out of order
		{"PT1H1H", 0, false, ""},
		{"PT1.5H", 0, false, ""},
		{"PT-5M", 0, false, ""},
		{"PT999999999999H", 0, false, ""},
	} {
		got, ok := parseDuration(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("parseDuration(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
		if ok && formatDuration(got) != c.out {
			t.Errorf("formatDuration(%v) = %q, want %q", got, formatDuration(got), c.out)
		}
	}
}
