package server_test

import (
	"errors"
	"fmt"
	"net"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/sqlstore"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

const skuBasic = "4c379c46-e966-4606-9a6c-1c591d62591d"

// startServe runs `atrium serve` on dbURL and returns a client for it.
func startServe(t *testing.T, bin, dbURL, public, token string) *client.Client {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	srv := exec.Command(bin, "serve", "--listen", addr, "--database-url", dbURL, "--public-url", public, "--platform-domain", "atrium.test")
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Process.Kill(); _ = srv.Wait() })
	c := client.New("http://"+addr, token)
	for i := 0; ; i++ {
		if _, err := c.Me(bg); err == nil {
			return c
		} else if i > 200 {
			t.Fatalf("server did not come up: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSeatsTwoProcessesOnePostgres races license assignments through two
// atrium processes on one PostgreSQL database: exactly the free seats are
// assigned, every other attempt gets Graph's "no available licenses".
func TestSeatsTwoProcessesOnePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the atrium binary; skipped with -short")
	}
	const seats, attempts = 7, 40
	dbURL := testdb.PostgresURL(t)
	const public = "http://atrium.test"
	bin := atriumBinary(t)
	setup := replica(t, sqlstore.Config{DatabaseURL: dbURL}, public)
	ct := createTenant(t, setup)
	op := authz.WithPrincipal(bg, authz.Operator)
	if _, err := setup.Directory.PlaceOrder(op, ct.TenantID, skuBasic, seats, ""); err != nil {
		t.Fatal(err)
	}
	users := make([]string, attempts)
	for i := range users {
		u, err := setup.Directory.CreateUser(op, ct.TenantID, directory.Changes{"accountEnabled": true, "displayName": "U",
			"mailNickname": fmt.Sprint("u", i), "userPrincipalName": fmt.Sprintf("u%d@%s", i, ct.InitialDomain), "usageLocation": "NL"},
			&directory.PasswordProfile{Password: "Strong-Pass-1"})
		if err != nil {
			t.Fatal(err)
		}
		users[i] = u.ID
	}
	tok, err := setup.Tokens.Mint(bg, ct.TenantID, ct.AdminID, time.Hour, "test")
	if err != nil {
		t.Fatal(err)
	}
	replicas := []*client.Client{startServe(t, bin, dbURL, public, tok), startServe(t, bin, dbURL, public, tok)}

	var wg sync.WaitGroup
	errs := make([]error, attempts)
	for i, id := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = replicas[i%2].AssignLicense(bg, id, []client.AssignedLicense{{SkuID: skuBasic, DisabledPlans: []string{}}}, nil)
		}()
	}
	wg.Wait()
	ok, full := 0, 0
	for _, err := range errs {
		var ce *client.Error
		switch {
		case err == nil:
			ok++
		case errors.As(err, &ce) && ce.Status == 400 && ce.Message == "Subscription with SKU "+skuBasic+" does not have any available licenses.":
			full++
		default:
			t.Errorf("unexpected answer: %v", err)
		}
	}
	skus, err := replicas[0].SubscribedSkus(bg)
	if err != nil || len(skus) != 1 {
		t.Fatalf("subscribedSkus: %+v, %v", skus, err)
	}
	t.Logf("%d seats, %d attempts through 2 processes: %d assigned, %d refused, consumedUnits %d", seats, attempts, ok, full, skus[0].ConsumedUnits)
	if ok != seats || full != attempts-seats || skus[0].ConsumedUnits != seats {
		t.Fatalf("%d assigned, %d refused, consumedUnits %d; want exactly %d assigned", ok, full, skus[0].ConsumedUnits, seats)
	}
}
