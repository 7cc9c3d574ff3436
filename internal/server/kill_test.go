package server_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/sqlstore"
)

// TestKillLeavesConsistentData kills a real atrium process with SIGKILL
// while clients create users, then checks the database: it opens cleanly
// and every user that exists has its "Add user" audit record.
func TestKillLeavesConsistentData(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the atrium binary; skipped with -short")
	}
	proc := newProcess(t)
	c := proc.c
	srv := proc.serve()
	var wg sync.WaitGroup
	var mu sync.Mutex
	created := 0
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; ; i++ {
				_, err := c.CreateUser(bg, map[string]any{"accountEnabled": true, "displayName": "U", "mailNickname": "u",
					"userPrincipalName": fmt.Sprintf("w%d-%d@org.atrium.test", w, i), "passwordProfile": map[string]any{"password": "Strong-Pass-1"}})
				if err != nil {
					return // the server is gone
				}
				mu.Lock()
				created++
				mu.Unlock()
			}
		}(w)
	}
	time.Sleep(3 * time.Second)
	if err := srv.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = srv.Wait()
	wg.Wait()

	app := replica(t, sqlstore.Config{DataDir: proc.common[1]}, proc.c.BaseURL)
	tid, err := app.Directory.ResolveTenant(bg, "org.atrium.test")
	if err != nil {
		t.Fatal(err)
	}
	ctx := authz.WithPrincipal(bg, authz.Operator)
	users := map[string]bool{}
	q := directory.ListQuery{Top: 999}
	for {
		page, err := app.Directory.ListUsers(ctx, tid, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range page.Items {
			users[u.ID] = true
		}
		if q.After = page.Next; q.After == "" {
			break
		}
	}
	audited := map[string]bool{}
	q = directory.ListQuery{Top: 999}
	for {
		page, err := app.Directory.ListAudit(ctx, tid, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Items {
			if e.Activity == "Add user" {
				audited[e.Targets[0].ID] = true
			}
		}
		if q.After = page.Next; q.After == "" {
			break
		}
	}
	if len(users) < created+1 || created == 0 {
		t.Fatalf("%d users in the database, but clients saw %d creates succeed (+1 admin)", len(users), created)
	}
	for id := range users {
		if !audited[id] {
			t.Errorf("user %s exists without its audit record", id)
		}
	}
	if len(audited) != len(users) {
		t.Errorf("%d users, %d Add user audit records", len(users), len(audited))
	}
	t.Logf("killed after %d acknowledged creates; %d users, all audited", created, len(users)-1)
}
