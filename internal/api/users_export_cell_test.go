package api

import "testing"

// TestNeutralise: every cell a spreadsheet would run as a formula gets a
// leading quote; others stay as they are.
func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{"": "", "Anna": "Anna", "=1+1": "'=1+1", "+31 6": "'+31 6", "-x": "'-x",
		"@SUM(A1)": "'@SUM(A1)", "\tcmd": "'\tcmd", "\rcmd": "'\rcmd", "a=b": "a=b", "Zoë 😀": "Zoë 😀", "'quoted": "'quoted"} {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}
