package password

import (
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		pw   string
		rule Rule // "" = accepted
	}{
		{"Short1!", RuleLength},
		{strings.Repeat("Aa1", 86), RuleLength},
		{"abcdefgh", RuleComplexity},
		{"abcdEFGH", RuleComplexity},
		{"abcdEF12", ""},
		{"abcd12!!", ""},
		{"Wachtwoord€12", RuleCharacters},
		{"Pass word 1", ""},
		{"Tab\tPass1", RuleCharacters},
	}
	for _, c := range cases {
		err := Check(c.pw)
		var pe *PolicyError
		switch {
		case c.rule == "" && err != nil:
			t.Errorf("Check(%q) = %v, want accepted", c.pw, err)
		case c.rule != "" && (!errors.As(err, &pe) || pe.Rule != c.rule):
			t.Errorf("Check(%q) = %v, want rule %s", c.pw, err, c.rule)
		case err != nil && strings.Contains(err.Error(), c.pw):
			t.Errorf("Check(%q) error leaks the password: %v", c.pw, err)
		}
	}
}

func TestCheckAllAndMessages(t *testing.T) {
	cases := []struct {
		pw    string
		terms Terms
		rule  Rule
	}{
		{"Correct-Horse-9", Terms{}, ""},
		{"Password123!", Terms{}, RuleBanned},
		{"C0ntos0Blank12", Terms{Custom: []string{"contoso"}}, RuleCustom},
		{"p0LL23fb", Terms{Personal: []string{"Poll"}}, RuleName},
		{"short", Terms{}, RuleLength},
	}
	for _, c := range cases {
		err := CheckAll(c.pw, c.terms)
		var pe *PolicyError
		if c.rule == "" && err != nil || c.rule != "" && (!errors.As(err, &pe) || pe.Rule != c.rule) {
			t.Errorf("CheckAll(%q) = %v, want rule %q", c.pw, err, c.rule)
		}
	}
	var pe *PolicyError
	errors.As(CheckAll("Password123!", Terms{}), &pe)
	if pe.Message("nl-NL") == pe.Message("en-US") || !strings.HasPrefix(pe.Message("nl"), "Uw wachtwoord") {
		t.Errorf("Dutch message = %q", pe.Message("nl"))
	}
	for rule, m := range messages {
		if m[0] == "" || m[1] == "" || m[0] == m[1] {
			t.Errorf("rule %s lacks an English or Dutch message", rule)
		}
	}
}

func TestHashVerify(t *testing.T) {
	h := Hasher{Params{Memory: 1024, Time: 1, Threads: 1}}
	hash, err := h.Hash("Correct horse 1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Fatalf("hash %q lacks the PHC prefix", hash)
	}
	if ok, rehash, err := h.Verify(hash, "Correct horse 1"); !ok || rehash || err != nil {
		t.Fatalf("Verify(right) = %v, %v, %v", ok, rehash, err)
	}
	if ok, _, err := h.Verify(hash, "Correct horse 2"); ok || err != nil {
		t.Fatalf("Verify(wrong) = %v, %v", ok, err)
	}
	stronger := Hasher{Params{Memory: 2048, Time: 1, Threads: 1}}
	if ok, rehash, _ := stronger.Verify(hash, "Correct horse 1"); !ok || !rehash {
		t.Fatalf("Verify with new params = %v, rehash %v; want ok and rehash", ok, rehash)
	}
	if _, _, err := h.Verify("$2a$10$bcrypt", "x"); err == nil {
		t.Fatal("Verify accepted a non-argon2 hash")
	}
	h2, _ := h.Hash("Correct horse 1")
	if h2 == hash {
		t.Fatal("two hashes of one password are equal: salt is not random")
	}
}

func TestGenerateLegacy(t *testing.T) {
	for i := 0; i < 100; i++ {
		pw := GenerateLegacy()
		if len(pw) != 8 || pw[0] < 'A' || pw[0] > 'Z' || !strings.ContainsRune("aeiou", rune(pw[1])) || strings.Trim(pw[3:], "0123456789") != "" {
			t.Fatalf("GenerateLegacy() = %q", pw)
		}
		if err := Check(pw); err != nil {
			t.Fatalf("GenerateLegacy() = %q breaks the basic rules: %v", pw, err)
		}
	}
}

func TestGenerate(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 200; i++ {
		pw := Generate()
		if len(pw) != 16 {
			t.Fatalf("Generate() = %q, want 16 characters", pw)
		}
		if err := Check(pw); err != nil {
			t.Fatalf("Generate() = %q breaks the policy: %v", pw, err)
		}
		if seen[pw] {
			t.Fatalf("Generate() repeated %q", pw)
		}
		seen[pw] = true
	}
}
