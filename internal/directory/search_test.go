package directory

import (
	"slices"
	"testing"
)

func TestSearchTokens(t *testing.T) {
	cases := map[string][]string{
		"Anna de Vries":   {"anna", "de", "vries"},
		"OneVideo2":       {"one", "video", "2"},
		"joep.de-vries_x": {"joep", "de", "vries", "x"},
		"ÉMILE Zola":      {"émile", "zola"},
		"  ":              nil,
		"IT-Admins (NL)":  {"it", "admins", "nl"},
		"room42B":         {"room", "42", "b"},
	}
	for in, want := range cases {
		if got := SearchTokens(in); !slices.Equal(got, want) {
			t.Errorf("SearchTokens(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMailNicknameFrom(t *testing.T) {
	for in, want := range map[string]string{"john.doe": "johndoe", "Zoë": "Zo", "a b(c)": "abc", "o'neil": "o'neil", "x_y-z": "x_y-z"} {
		if got := MailNicknameFrom(in); got != want {
			t.Errorf("MailNicknameFrom(%q) = %q, want %q", in, got, want)
		}
		if msg := checkMailNickname(MailNicknameFrom(in)); msg != "" {
			t.Errorf("MailNicknameFrom(%q) is not a valid nickname: %s", in, msg)
		}
	}
}
