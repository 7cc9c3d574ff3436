package password

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"unicode"
)

//go:embed data/banned.txt
var bannedFile string

// GlobalBanned is the shipped list of banned terms, normalized.
var GlobalBanned = func() []string {
	var out []string
	for _, line := range strings.Split(bannedFile, "\n") {
		if t := Normalize(strings.TrimSpace(line)); len(t) >= 4 && !strings.HasPrefix(t, "#") {
			out = append(out, t)
		}
	}
	return out
}()

// Normalize lowercases s and undoes the common character swaps
// (0→o, 1→l, $→s, @→a), as the banned-password check compares.
func Normalize(s string) string {
	return strings.NewReplacer("0", "o", "1", "l", "$", "s", "@", "a").Replace(strings.ToLower(s))
}

// Terms are the words a password is checked against besides the global
// list.
type Terms struct {
	Custom   []string // the tenant's own banned terms
	Personal []string // the user's given name and surname
	Tenant   []string // the organization's name and initial domain prefix
}

// NameTokens splits names on non-alphanumerics and keeps tokens of 4 or
// more characters.
func NameTokens(names ...string) []string {
	var out []string
	for _, n := range names {
		for _, t := range strings.FieldsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len([]rune(t)) >= 4 {
				out = append(out, t)
			}
		}
	}
	return out
}

// match is one matched term in the normalized password.
type match struct {
	start, end int
	personal   bool
	custom     bool
}

// BannedVerdict is the outcome of the banned-password check.
type BannedVerdict struct {
	Score        int
	Refused      bool
	CustomHit    bool // a term of the tenant's own list matched
	PersonalRule bool // refused by the personal-name rule
}

// CheckBanned scores pw against the global list and terms, following the
// algorithm of users-and-passwords.md §4.3: normalize, exact matches
// (longest first, then leftmost, without overlap), one-edit fuzzy matches
// of list terms in what remains, score = matches + characters left over.
// A password is refused below 5 points, or when a personal name matched and
// fewer than 5 characters remain beside the matches.
func CheckBanned(pw string, terms Terms) BannedVerdict {
	p := []rune(Normalize(pw))
	covered := make([]bool, len(p))
	var matches []match
	type term struct {
		t                []rune
		personal, custom bool
	}
	var exact []term
	for _, t := range GlobalBanned {
		exact = append(exact, term{t: []rune(t)})
	}
	for _, t := range terms.Custom {
		if n := Normalize(t); len(n) >= 4 {
			exact = append(exact, term{t: []rune(n), custom: true})
		}
	}
	for _, t := range terms.Personal {
		exact = append(exact, term{t: []rune(Normalize(t)), personal: true})
	}
	for _, t := range terms.Tenant {
		exact = append(exact, term{t: []rune(Normalize(t))})
	}
	sort.SliceStable(exact, func(i, j int) bool { return len(exact[i].t) > len(exact[j].t) })
	free := func(a, b int) bool { return !slices.Contains(covered[a:b], true) }
	take := func(a, b int, personal, custom bool) {
		for i := a; i < b; i++ {
			covered[i] = true
		}
		matches = append(matches, match{start: a, end: b, personal: personal, custom: custom})
	}
	for _, t := range exact {
		for i := 0; i+len(t.t) <= len(p); i++ {
			if free(i, i+len(t.t)) && slices.Equal(p[i:i+len(t.t)], t.t) {
				take(i, i+len(t.t), t.personal, t.custom)
				i += len(t.t) - 1
			}
		}
	}
	// Fuzzy pass: list terms (global and custom) within one edit, in the
	// uncovered parts, longest window first.
	var fuzzy []term
	for _, t := range exact {
		if !t.personal && len(t.t) >= 4 && !slices.ContainsFunc(terms.Tenant, func(x string) bool { return Normalize(x) == string(t.t) }) {
			fuzzy = append(fuzzy, t)
		}
	}
	for size := len(p); size >= 3; size-- {
		for i := 0; i+size <= len(p); i++ {
			if !free(i, i+size) {
				continue
			}
			for _, t := range fuzzy {
				if abs(len(t.t)-size) <= 1 && withinOneEdit(p[i:i+size], t.t) {
					take(i, i+size, false, t.custom)
					break
				}
			}
		}
	}
	v := BannedVerdict{}
	left := 0
	for _, c := range covered {
		if !c {
			left++
		}
	}
	personal := false
	for _, m := range matches {
		personal = personal || m.personal
		v.CustomHit = v.CustomHit || m.custom
	}
	v.Score = len(matches) + left
	v.PersonalRule = personal && left < 5
	v.Refused = v.Score < 5 || v.PersonalRule
	return v
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// withinOneEdit reports whether a and b differ by at most one
// substitution, insertion or deletion.
func withinOneEdit(a, b []rune) bool {
	if abs(len(a)-len(b)) > 1 {
		return false
	}
	i, j, edits := 0, 0, 0
	for i < len(a) && j < len(b) {
		if a[i] == b[j] {
			i, j = i+1, j+1
			continue
		}
		edits++
		if edits > 1 {
			return false
		}
		switch {
		case len(a) > len(b):
			i++
		case len(a) < len(b):
			j++
		default:
			i, j = i+1, j+1
		}
	}
	return edits+(len(a)-i)+(len(b)-j) <= 1
}
