package sqlstore

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

// TestSearchPlans runs the same display-name searches with the rarest
// token driving the query and, with the cap lowered to 1, with every token
// common (checked per row): both plans give the same users.
func TestSearchPlans(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tenant, now := uuid.NewString(), time.Now().UTC()
	err = s.CreateTenant(ctx, directory.Tenant{ID: tenant, CreatedAt: now, CursorSecret: []byte("x")}, func(tx directory.Tx) error {
		for i, name := range []string{"Anna de Vries", "Annabel Smit", "Bob Vries", "Vries Anna-Maria"} {
			err := tx.CreateUser(&directory.User{ID: uuid.NewString(), DisplayName: name, UserPrincipalName: "u" + string(rune('a'+i)) + "@x.example",
				MailNickname: "u", AccountEnabled: true, CreatedAt: now, PasswordChangedAt: now})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"anna vri":   {"Anna de Vries", "Vries Anna-Maria"},
		"vries":      {"Anna de Vries", "Bob Vries", "Vries Anna-Maria"},
		"smit annab": {"Annabel Smit"},
		"maria bob":  nil,
	}
	defer func(c int) { tokenCountCap = c }(tokenCountCap)
	for _, limit := range []int{1000, 1} {
		tokenCountCap = limit
		for term, want := range cases {
			err := s.View(ctx, tenant, func(tx directory.Tx) error {
				q := directory.ListQuery{Top: 10, OrderBy: []directory.Order{{Prop: "displayName"}},
					Search: directory.Search{Prop: "displayName", Term: term}}
				page, err := tx.ListUsers(q)
				if err != nil {
					return err
				}
				var got []string
				for _, u := range page.Items {
					got = append(got, u.DisplayName)
				}
				n, err := tx.CountUsers(q)
				if !slices.Equal(got, want) || n != len(want) || err != nil {
					t.Errorf("cap %d, search %q: %v (count %d, %v), want %v", limit, term, got, n, err, want)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}
