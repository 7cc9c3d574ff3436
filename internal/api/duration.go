package api

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// parseDuration reads an ISO 8601 duration of days, hours, minutes and
// seconds, as Graph writes them (PT30M, PT1H30M, P1D, P1DT12H). Years,
// months and weeks, which have no fixed length here, and fractions are
// refused.
func parseDuration(s string) (time.Duration, bool) {
	rest, ok := strings.CutPrefix(strings.ToUpper(strings.TrimSpace(s)), "P")
	if !ok || rest == "" {
		return 0, false
	}
	date, clock, hasT := strings.Cut(rest, "T")
	if hasT && clock == "" {
		return 0, false
	}
	var total time.Duration
	part := func(s, units string, scale []time.Duration) bool {
		next := 0 // each unit at most once, in order
		for s != "" {
			i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
			if i <= 0 {
				return false
			}
			n, err := strconv.Atoi(s[:i])
			u := strings.IndexByte(units[next:], s[i])
			if err != nil || n > 100000 || u < 0 {
				return false
			}
			next += u + 1
			total += time.Duration(n) * scale[next-1]
			s = s[i+1:]
		}
		return true
	}
	ok = part(date, "D", []time.Duration{24 * time.Hour}) && part(clock, "HMS", []time.Duration{time.Hour, time.Minute, time.Second})
	return total, ok
}

// formatDuration writes d (whole seconds) the way Graph does: PT30M,
// PT1H30M, P1DT2H, PT0S.
func formatDuration(d time.Duration) string {
	days, d := d/(24*time.Hour), d%(24*time.Hour)
	h, d := d/time.Hour, d%time.Hour
	m, sec := d/time.Minute, (d%time.Minute)/time.Second
	out := "P"
	if days > 0 {
		out += fmt.Sprintf("%dD", days)
	}
	if h == 0 && m == 0 && sec == 0 {
		if days > 0 {
			return out
		}
		return "PT0S"
	}
	out += "T"
	for _, c := range []struct {
		n    time.Duration
		unit string
	}{{h, "H"}, {m, "M"}, {sec, "S"}} {
		if c.n > 0 {
			out += fmt.Sprintf("%d%s", c.n, c.unit)
		}
	}
	return out
}
