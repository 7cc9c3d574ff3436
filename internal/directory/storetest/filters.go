package storetest

import (
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

func str(s string) directory.Value { return directory.Value{Kind: directory.KindString, Str: s} }

func testFilters(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	mk := func(alias, display, dept, city string, enabled bool, created int, others ...string) *directory.User {
		u := f.user(alias, display)
		u.Department, u.City, u.AccountEnabled = dept, city, enabled
		u.CreatedAt = time.Date(2025, 1, created, 0, 0, 0, 0, time.UTC)
		u.OtherMails = append([]string{}, others...)
		u.Mail = alias + ".mail@" + f.domain
		f.mustUpdate(func(tx directory.Tx) error { return tx.CreateUser(u) })
		return u
	}
	mk("anna", "Anna de Vries", "Sales", "Amsterdam", true, 1, "anna@example.net")
	mk("annabel", "Annabel Smit", "sales", "", true, 2)
	mk("bob", "Bob O'Neil", "IT", "Utrecht", false, 3)
	mk("zoe", "Zoë Ünal", "", "Ámsterdam", true, 4, "zoe@example.net", "z@example.org")
	mk("pct", "100% Done_x", "IT", "Utrecht", true, 5)
	emile := mk("emile", "Émile Zola", "Économie", "Ørsted", true, 6)
	f.mustUpdate(func(tx directory.Tx) error {
		emile.GivenName, emile.JobTitle = "Émile", "Éditeur"
		return tx.UpdateUser(emile)
	})

	and := func(l, r directory.Expr) directory.Expr { return directory.And{Left: l, Right: r} }
	cases := []struct {
		name string
		q    directory.ListQuery
		want []string // aliases
	}{
		{"eq displayName ignores case", directory.ListQuery{Filter: directory.Compare{Prop: "displayName", Op: directory.OpEq, Value: str("ANNA DE VRIES")}}, []string{"anna"}},
		{"startswith displayName", directory.ListQuery{Filter: directory.StartsWith{Prop: "displayName", Prefix: "anna"}}, []string{"anna", "annabel"}},
		{"startswith non-ASCII", directory.ListQuery{Filter: directory.StartsWith{Prop: "displayName", Prefix: "ZOË"}}, []string{"zoe"}},
		{"startswith with LIKE wildcards is literal", directory.ListQuery{Filter: directory.StartsWith{Prop: "displayName", Prefix: "100%"}}, []string{"pct"}},
		{"wildcard not matched", directory.ListQuery{Filter: directory.StartsWith{Prop: "displayName", Prefix: "1_0"}}, nil},
		{"eq department on text column", directory.ListQuery{Filter: directory.Compare{Prop: "department", Op: directory.OpEq, Value: str("SALES")}}, []string{"anna", "annabel"}},
		{"ne department includes unset", directory.ListQuery{Filter: directory.Compare{Prop: "department", Op: directory.OpNe, Value: str("it")}}, []string{"anna", "annabel", "emile", "zoe"}},
		{"eq null", directory.ListQuery{Filter: directory.Compare{Prop: "city", Op: directory.OpEq, Value: directory.Value{Kind: directory.KindNull}}}, []string{"annabel"}},
		{"in", directory.ListQuery{Filter: directory.In{Prop: "city", Values: []directory.Value{str("utrecht"), str("Amsterdam")}}}, []string{"anna", "bob", "pct"}},
		{"bool", directory.ListQuery{Filter: directory.Compare{Prop: "accountEnabled", Op: directory.OpEq, Value: directory.Value{Kind: directory.KindBool}}}, []string{"bob"}},
		{"and", directory.ListQuery{Filter: and(directory.Compare{Prop: "department", Op: directory.OpEq, Value: str("IT")},
			directory.Compare{Prop: "accountEnabled", Op: directory.OpEq, Value: directory.Value{Kind: directory.KindBool, Bool: true}})}, []string{"pct"}},
		{"or", directory.ListQuery{Filter: directory.Or{Left: directory.StartsWith{Prop: "displayName", Prefix: "bob"},
			Right: directory.StartsWith{Prop: "userPrincipalName", Prefix: "zoe@"}}}, []string{"bob", "zoe"}},
		{"not", directory.ListQuery{Filter: directory.Not{X: directory.StartsWith{Prop: "displayName", Prefix: "anna"}}}, []string{"bob", "emile", "pct", "zoe"}},
		{"endswith mail", directory.ListQuery{Filter: directory.EndsWith{Prop: "mail", Suffix: "bel.mail@" + f.domain}}, []string{"annabel"}},
		{"createdDateTime ge", directory.ListQuery{Filter: directory.Compare{Prop: "createdDateTime", Op: directory.OpGe,
			Value: directory.Value{Kind: directory.KindTime, Time: time.Date(2025, 1, 4, 0, 0, 0, 0, time.UTC)}}}, []string{"emile", "pct", "zoe"}},
		{"otherMails any eq", directory.ListQuery{Filter: directory.Any{Prop: "otherMails", Var: "x",
			Cond: directory.Compare{Prop: "x", Op: directory.OpEq, Value: str("Z@example.org")}}}, []string{"zoe"}},
		{"otherMails count", directory.ListQuery{Filter: directory.Compare{Prop: "otherMails/$count", Op: directory.OpEq,
			Value: directory.Value{Kind: directory.KindNumber}}}, []string{"annabel", "bob", "emile", "pct"}},
		{"proxyAddresses any", directory.ListQuery{Filter: directory.Any{Prop: "proxyAddresses", Var: "p",
			Cond: directory.StartsWith{Prop: "p", Prefix: "SMTP:bob."}}}, []string{"bob"}},
		{"search token prefix", directory.ListQuery{Search: directory.Search{Prop: "displayName", Term: "vri"}}, []string{"anna"}},
		{"search tokens any order", directory.ListQuery{Search: directory.Search{Prop: "displayName", Term: "smit anna"}}, []string{"annabel"}},
		{"search mail prefix", directory.ListQuery{Search: directory.Search{Prop: "mail", Term: "ZOE."}}, []string{"zoe"}},
		{"non-ASCII eq on a text property", directory.ListQuery{Filter: directory.Compare{Prop: "department", Op: directory.OpEq, Value: str("économie")}}, []string{"emile"}},
		{"non-ASCII startswith, other case", directory.ListQuery{Filter: directory.StartsWith{Prop: "givenName", Prefix: "é"}}, []string{"emile"}},
		{"non-ASCII startswith, same case", directory.ListQuery{Filter: directory.StartsWith{Prop: "jobTitle", Prefix: "Édit"}}, []string{"emile"}},
		{"non-ASCII in", directory.ListQuery{Filter: directory.In{Prop: "city", Values: []directory.Value{str("ØRSTED")}}}, []string{"emile"}},
		{"endswith non-ASCII", directory.ListQuery{Filter: directory.EndsWith{Prop: "displayName", Suffix: "ZOLA"}}, []string{"emile"}},
		{"range on text is bytewise", directory.ListQuery{Filter: directory.Compare{Prop: "city", Op: directory.OpGe, Value: str("u")}}, []string{"bob", "emile", "pct", "zoe"}}, // "á" > "u" bytewise
		{"search with filter", directory.ListQuery{Search: directory.Search{Prop: "displayName", Term: "ann"},
			Filter: directory.Compare{Prop: "city", Op: directory.OpEq, Value: str("amsterdam")}}, []string{"anna"}},
	}
	for _, c := range cases {
		got := listAllUsers(t, f, c.q)
		var aliases []string
		for _, u := range got {
			aliases = append(aliases, u.MailNickname)
		}
		sort.Strings(aliases)
		if !slices.Equal(aliases, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, aliases, c.want)
		}
		f.view(func(tx directory.Tx) error {
			n, err := tx.CountUsers(c.q)
			if err != nil || n != len(c.want) {
				t.Errorf("%s: count = %d, %v; want %d", c.name, n, err, len(c.want))
			}
			return nil
		})
	}
	_ = f.update(func(tx directory.Tx) error {
		_, err := tx.ListUsers(directory.ListQuery{Filter: directory.Compare{Prop: "passwordHash", Op: directory.OpEq, Value: str("x")}})
		wantKind(t, "filter on an unknown property", err, directory.KindUnsupportedQuery)
		return nil
	})

	// $search follows renames, and another tenant's users never match.
	emile.DisplayName = "Emil Zátopek"
	f.mustUpdate(func(tx directory.Tx) error { return tx.UpdateUser(emile) })
	other := newTenant(t, s)
	other.addUser("zola", "Zola Budd")
	for term, want := range map[string]int{"zola": 0, "zátopek": 1, "emil": 1, "budd": 0} {
		f.view(func(tx directory.Tx) error {
			page, err := tx.ListUsers(directory.ListQuery{Top: 10, Search: directory.Search{Prop: "displayName", Term: term}})
			if err != nil || len(page.Items) != want {
				t.Errorf("search %q after a rename: %d users, %v; want %d", term, len(page.Items), err, want)
			}
			return nil
		})
	}
}

// testBadText sends text no database should choke on (NUL, invalid UTF-8)
// through lookups and filters: not found or invalid, never an internal error.
func testBadText(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	for _, bad := range []string{"a\x00b", "\xff\xfe"} {
		err := f.s.View(ctx, f.id, func(tx directory.Tx) error {
			_, err := tx.GetUserByUPN(bad + "@" + f.domain)
			return err
		})
		if k := directory.KindOf(err); k != directory.KindNotFound && k != directory.KindInvalid {
			t.Errorf("GetUserByUPN(%q): %v", bad, err)
		}
		err = f.s.View(ctx, f.id, func(tx directory.Tx) error {
			_, err := tx.ListUsers(directory.ListQuery{Filter: directory.Compare{Prop: "givenName", Op: directory.OpEq, Value: str(bad)}})
			return err
		})
		if k := directory.KindOf(err); err != nil && k != directory.KindInvalid {
			t.Errorf("filter on %q: %v", bad, err)
		}
	}
}
