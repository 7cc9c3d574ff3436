package password

import "testing"

// TestBannedExamples holds the published examples of users-and-passwords.md
// §4.3 and a few more.
func TestBannedExamples(t *testing.T) {
	contoso := Terms{Custom: []string{"contoso"}}
	cases := []struct {
		pw      string
		terms   Terms
		refused bool
		score   int
	}{
		{"C0ntos0Blank12", contoso, true, 4},
		{"ContoS0Bl@nkf9!", contoso, false, 5},
		{"Bl@nK", Terms{}, true, 1},
		{"abcdeg", Terms{Custom: []string{"abcdef"}}, true, -1},
		{"abcdefg", Terms{Custom: []string{"abcdef"}}, true, -1},
		{"abcde", Terms{Custom: []string{"abcdef"}}, true, -1},
		{"p0LL23fb", Terms{Personal: []string{"Poll"}}, true, 5},
		{"Correct-Horse-9", Terms{}, false, -1},
		{"Summer2024!", Terms{}, false, 6},  // summer + 5 characters
		{"Summer24", Terms{}, true, 3},      // summer + 2 + 4
		{"Welkom01!", Terms{}, true, 4},     // welkom + o + l + !
		{"Wachtwoord123", Terms{}, true, 2}, // wachtwoord + "l23", one edit from 1234
		{"Xq7#mP2$vL9!", Terms{}, false, -1},
	}
	for _, c := range cases {
		v := CheckBanned(c.pw, c.terms)
		if v.Refused != c.refused || (c.score >= 0 && v.Score != c.score) {
			t.Errorf("CheckBanned(%q) = %+v, want refused=%v score=%d", c.pw, v, c.refused, c.score)
		}
	}
	if v := CheckBanned("C0ntos0Blank12", contoso); !v.CustomHit {
		t.Error("a custom term's match is not reported")
	}
	// A tenant name is scored like a list term, so Entra's Contoso example
	// stays accepted in a tenant named Contoso.
	if v := CheckBanned("ContoS0Bl@nkf9!", Terms{Tenant: []string{"Contoso"}}); v.Refused {
		t.Errorf("tenant name refused Entra's accepted example: %+v", v)
	}
}

func TestWithinOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{{"abcdef", "abcdef", true}, {"abcdeg", "abcdef", true}, {"abcde", "abcdef", true}, {"abcdefg", "abcdef", true},
		{"abcd", "abcdef", false}, {"xbcdeg", "abcdef", false}, {"bacdef", "abcdef", false}} {
		if got := withinOneEdit([]rune(c.a), []rune(c.b)); got != c.want {
			t.Errorf("withinOneEdit(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestGlobalList(t *testing.T) {
	if len(GlobalBanned) < 80 {
		t.Fatalf("global list has %d terms", len(GlobalBanned))
	}
	for _, term := range GlobalBanned {
		if n := len([]rune(term)); n < 4 || n > 16 {
			t.Errorf("term %q has %d characters", term, n)
		}
	}
}
