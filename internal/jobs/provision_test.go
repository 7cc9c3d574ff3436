package jobs_test

import (
	"context"
	"crypto/hmac"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/jobs"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/sqlstore"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

const (
	skuBasic  = "4c379c46-e966-4606-9a6c-1c591d62591d" // mail, files, chat, web apps; audit (company)
	planChat  = "51d374ca-f14d-44f8-8773-98e9775cb11b"
	hookToken = "a-secret-of-at-least-16"
)

// receiver is a webhook endpoint on loopback that checks signatures and
// records the events; fail makes it answer 500.
type receiver struct {
	mu     sync.Mutex
	events []jobs.WebhookEvent
	fail   bool
	bad    int // calls with a wrong signature
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	sig := r.Header.Get("Atrium-Signature")
	ts, _, _ := strings.Cut(strings.TrimPrefix(sig, "t="), ",")
	var ev jobs.WebhookEvent
	_ = json.Unmarshal(body, &ev)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	n, _ := strconv.ParseInt(ts, 10, 64)
	if !hmac.Equal([]byte(sig), []byte(jobs.Sign([]byte(hookToken), time.Unix(n, 0), body))) {
		rc.bad++
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if rc.fail {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	rc.events = append(rc.events, ev)
}

func (rc *receiver) setFail(fail bool) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.fail = fail
}

func (rc *receiver) take() []jobs.WebhookEvent {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	out := rc.events
	rc.events = nil
	return out
}

// storeConfigs are the databases the job is tested on: SQLite, and
// PostgreSQL when the test server is configured.
func storeConfigs(t *testing.T) map[string]sqlstore.Config {
	out := map[string]sqlstore.Config{"sqlite": {DataDir: t.TempDir()}}
	if os.Getenv(testdb.EnvPostgres) != "" {
		out["postgres"] = sqlstore.Config{DatabaseURL: testdb.PostgresURL(t)}
	}
	return out
}

// TestProvisioningWebhook follows one user's plans through the job: the
// signed events of an assignment, a failing service retried with backoff,
// a plan switched off and the license removed, replicas that don't run a
// task twice, and a queue that survives a restart.
func TestProvisioningWebhook(t *testing.T) {
	for name, cfg := range storeConfigs(t) {
		t.Run(name, func(t *testing.T) { testProvisioning(t, cfg) })
	}
}

func testProvisioning(t *testing.T, cfg sqlstore.Config) {
	ctx := authz.WithPrincipal(context.Background(), authz.Operator)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var clock sync.Mutex
	open := func() (*sqlstore.Store, *directory.Service) {
		st, err := sqlstore.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		return st, directory.NewService(directory.Config{Store: st, PlatformDomain: "atrium.test", NewSigningKey: fakeKey,
			Hasher: password.Hasher{Params: password.Params{Memory: 64, Time: 1, Threads: 1}},
			Now:    func() time.Time { clock.Lock(); defer clock.Unlock(); return now }})
	}
	advance := func(d time.Duration) { clock.Lock(); now = now.Add(d); clock.Unlock() }
	st, svc := open()
	rc := &receiver{}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	conns := jobs.Connectors{Default: jobs.Webhook{URL: hook.URL + "/provision", Secret: []byte(hookToken), Now: svc.Now}}

	ct, err := svc.CreateTenant(ctx, directory.NewTenant{Name: "Org", DomainPrefix: "org", AdminUsername: "admin", AdminPassword: "Admin-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	tid := ct.TenantID
	if _, err := svc.PlaceOrder(ctx, tid, skuBasic, 1, ""); err != nil {
		t.Fatal(err)
	}
	u, err := svc.CreateUser(ctx, tid, directory.Changes{"accountEnabled": true, "displayName": "Anna", "mailNickname": "anna",
		"userPrincipalName": "anna@" + ct.InitialDomain, "usageLocation": "NL"}, &directory.PasswordProfile{Password: "Strong-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	if got := jobs.Provision(ctx, svc, conns, log); got != 0 || len(rc.take()) != 0 {
		t.Fatalf("a user without a license was provisioned (%d)", got)
	}
	change := func(add []directory.License, remove ...string) {
		t.Helper()
		if _, _, err := svc.AssignLicense(ctx, tid, u.ID, directory.LicenseChange{Add: add, Remove: remove}); err != nil {
			t.Fatal(err)
		}
	}
	states := func() map[string]directory.PlanProvisioning {
		t.Helper()
		m, err := svc.UserPlanStates(ctx, tid, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	plans := func(evs []jobs.WebhookEvent, typ string) map[string]bool {
		t.Helper()
		out := map[string]bool{}
		for _, ev := range evs {
			if ev.Type != typ || ev.TenantID != tid || ev.User.ID != u.ID || ev.User.UserPrincipalName != u.UserPrincipalName || ev.Plan.Workload == "" {
				t.Fatalf("event %+v, want %s of %s", ev, typ, u.ID)
			}
			out[ev.Plan.ID] = true
		}
		return out
	}

	// Assigned with chat switched off: the four user plans are pending,
	// then provisioned by one signed call each; the company plan isn't.
	change([]directory.License{{SkuID: skuBasic, DisabledPlans: []string{planChat}}})
	if s := states(); len(s) != 3 || s[planChat].PlanID != "" {
		t.Fatalf("queued %+v, want the three enabled user plans", s)
	}
	for _, s := range states() {
		if s.Status != directory.ProvisionPending || !s.Wanted {
			t.Fatalf("before the job: %+v", s)
		}
	}
	if got := jobs.Provision(ctx, svc, conns, log); got != 3 {
		t.Fatalf("provisioned %d, want 3", got)
	}
	if got := plans(rc.take(), "servicePlan.provision"); len(got) != 3 {
		t.Fatalf("events for %v", got)
	}
	for _, s := range states() {
		if s.Status != directory.ProvisionSuccess {
			t.Fatalf("after the job: %+v", s)
		}
	}
	if got := jobs.Provision(ctx, svc, conns, log); got != 0 || len(rc.take()) != 0 {
		t.Fatal("a provisioned plan was sent again")
	}

	// Chat switched on while the service fails: an error with the
	// reason and no address of the webhook, retried after the backoff.
	rc.setFail(true)
	change([]directory.License{{SkuID: skuBasic}})
	jobs.Provision(ctx, svc, conns, log)
	chat := states()[planChat]
	if chat.Status != directory.ProvisionError || chat.LastError != "webhook answered 500 Internal Server Error" || chat.Attempts != 1 {
		t.Fatalf("failed chat: %+v", chat)
	}
	rc.setFail(false)
	if jobs.Provision(ctx, svc, conns, log) != 0 {
		t.Fatal("retried before the backoff")
	}
	advance(31 * time.Second)
	if got := jobs.Provision(ctx, svc, conns, log); got != 1 || !plans(rc.take(), "servicePlan.provision")[planChat] {
		t.Fatal("chat not provisioned on retry")
	}
	if s := states()[planChat]; s.Status != directory.ProvisionSuccess || s.LastError != "" || s.Attempts != 0 {
		t.Fatalf("chat after retry: %+v", s)
	}

	// Chat switched off: one deprovision event. The task waits in the
	// database across a restart, and two replicas run it once.
	change([]directory.License{{SkuID: skuBasic, DisabledPlans: []string{planChat}}})
	st.Close()
	st, svc = open()
	second := directory.NewService(directory.Config{Store: st, PlatformDomain: "atrium.test", Now: svc.Now})
	var wg sync.WaitGroup
	counts := make([]int, 2)
	for i, s := range []*directory.Service{svc, second} {
		wg.Add(1)
		go func() { defer wg.Done(); counts[i] = jobs.Provision(ctx, s, conns, log) }()
	}
	wg.Wait()
	if evs := rc.take(); counts[0]+counts[1] != 1 || len(evs) != 1 || !plans(evs, "servicePlan.deprovision")[planChat] {
		t.Fatalf("replicas ran %v, events %+v", counts, evs)
	}
	if s := states()[planChat]; s.Status != directory.ProvisionDisabled || s.Wanted {
		t.Fatalf("chat switched off: %+v", s)
	}

	// The license removed: every plan deprovisioned.
	change(nil, skuBasic)
	if got := jobs.Provision(ctx, svc, conns, log); got != 3 || len(plans(rc.take(), "servicePlan.deprovision")) != 3 {
		t.Fatalf("deprovisioned %d", got)
	}
	for _, s := range states() {
		if s.Status != directory.ProvisionDisabled {
			t.Fatalf("after removal: %+v", s)
		}
	}

	// A service that keeps failing is given up after ten attempts; the
	// next license change queues it again.
	rc.setFail(true)
	change([]directory.License{{SkuID: skuBasic}})
	for i := 0; i < 12; i++ {
		jobs.Provision(ctx, svc, conns, log)
		advance(time.Hour)
	}
	for _, s := range states() {
		if s.Status != directory.ProvisionError || s.Attempts != 10 || !s.NextAt.IsZero() {
			t.Fatalf("given up: %+v", s)
		}
	}
	rc.setFail(false)
	change([]directory.License{{SkuID: skuBasic, DisabledPlans: []string{planChat}}})
	if got := jobs.Provision(ctx, svc, conns, log); got != 4 {
		t.Fatalf("after the admin's change: %d tasks, want 4 (3 provisioned, chat removed)", got)
	}
	rc.take()
	// Deleting the user deprovisions what they had.
	if err := svc.DeleteUser(ctx, tid, u.ID); err != nil {
		t.Fatal(err)
	}
	if got := jobs.Provision(ctx, svc, conns, log); got != 3 || len(plans(rc.take(), "servicePlan.deprovision")) != 3 {
		t.Fatalf("deprovisioned %d for a deleted user", got)
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.bad != 0 {
		t.Fatalf("%d calls with a bad signature", rc.bad)
	}
	st.Close()
}
