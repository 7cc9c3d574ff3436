// Command bench measures Atrium's hot directory paths over HTTP, the way
// clients call them: user create, get (by id and by user principal name)
// and list (first page, a deep keyset page, filtered, searched, counted),
// on tenants of growing size, on SQLite and (with -postgres) PostgreSQL.
// It prints a Markdown table for the README; -signins and
// -client-credentials add the sign-in and token rates; -licenses measures
// subscribedSkus and license assignments instead of the user operations;
// -partner-customers measures a partner's agent acting in a customer.
//
//	go run ./bench -sizes 1000,10000,100000 [-postgres postgres://...] [-signins 20s] [-client-credentials 20s]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/server"
	"github.com/atriumhq/atrium/internal/sqlstore"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
	"github.com/google/uuid"
)

func main() {
	sizes := flag.String("sizes", "1000,10000,100000", "tenant sizes (users) to measure")
	users := flag.Int("users", 0, "measure one tenant size (overrides -sizes)")
	pg := flag.String("postgres", os.Getenv("ATRIUM_BENCH_POSTGRES_DSN"), "PostgreSQL URL; empty measures SQLite only")
	reps := flag.Int("n", 300, "requests per measurement")
	signins := flag.Duration("signins", 0, "also measure password sign-ins for this long (e.g. 10s)")
	cc := flag.Duration("client-credentials", 0, "also measure client-credentials tokens for this long (e.g. 10s)")
	lic := flag.Duration("licenses", 0, "also measure subscribedSkus with every user licensed, and license assignments for this long (e.g. 10s)")
	imports := flag.Int("import", 0, "measure a bulk import of this many rows instead (e.g. 100000)")
	partners := flag.Int("partner-customers", 0, "measure a partner's agent acting in a customer instead, the partner having this many customers (e.g. 1000)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	var ns []int
	if *users > 0 {
		ns = []int{*users}
	} else {
		for _, s := range strings.Split(*sizes, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				fail(err)
			}
			ns = append(ns, n)
		}
	}
	backends := []string{"sqlite"}
	if *pg != "" {
		backends = append(backends, "postgres")
	}
	fmt.Printf("Go %s, %s/%s, %d CPUs, %d requests per row; latency p50 / p95 in milliseconds, over loopback HTTP\n\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), *reps)
	fmt.Println("| backend | users | operation | p50 ms | p95 ms |")
	fmt.Println("|---|---|---|---|---|")
	for _, b := range backends {
		if *imports > 0 {
			importBench(b, *pg, *imports)
			continue
		}
		for _, n := range ns {
			if *partners > 0 {
				partnerBench(b, *pg, n, *partners, *reps)
				continue
			}
			if *lic > 0 {
				licenseBench(b, *pg, n, *reps, *lic)
			} else {
				run(b, *pg, n, *reps)
			}
		}
	}
	if *signins > 0 {
		signInRate(*signins)
	}
	if *cc > 0 {
		clientCredentialsRate(*cc)
	}
}

// clientCredentialsRate measures the client credentials grant over HTTP
// (client secret check, the app's permissions, an RS256-signed JWT) with
// one worker per CPU for d, on SQLite.
func clientCredentialsRate(d time.Duration) {
	e, done := setup("sqlite", "", 1000)
	defer done()
	ctx := context.Background()
	var app client.Application
	if err := e.c.Do(ctx, http.MethodPost, "/v1.0/applications", nil, nil,
		map[string]any{"displayName": "Bench daemon", "appPermissions": []string{"User.Read.All"}}, &app); err != nil {
		fail(err)
	}
	cred, err := e.c.AddApplicationPassword(ctx, app.ID, "bench", nil)
	if err != nil {
		fail(err)
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {app.AppID}, "client_secret": {*cred.SecretText},
		"scope": {"https://graph.microsoft.com/.default"}}.Encode()
	tokenURL := e.srv.URL + "/" + e.tenant.TenantID + "/oauth2/v2.0/token"
	count := throughput(d, func() error {
		resp, err := http.Post(tokenURL, "application/x-www-form-urlencoded", strings.NewReader(form))
		if err != nil {
			return err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("token endpoint answered %d", resp.StatusCode)
		}
		return nil
	})
	perSec := float64(count) / d.Seconds()
	fmt.Printf("\nClient-credentials tokens: %.1f per second on %d CPUs = %.1f per second per core (RS256-2048, over loopback HTTP; %d in %s)\n",
		perSec, runtime.NumCPU(), perSec/float64(runtime.NumCPU()), count, d)
}

// signInRate measures password sign-ins (argon2id at the default cost,
// smart lockout bookkeeping and the sign-in log) with one worker per CPU
// for d, on SQLite.
func signInRate(d time.Duration) {
	e, done := setup("sqlite", "", 1000)
	defer done()
	p := password.DefaultParams
	count := throughput(d, func() error {
		_, err := e.app.Directory.SignIn(context.Background(), e.tenant.TenantID, e.tenant.AdminUPN, "Bench-Pass-1", "127.0.0.1", "bench")
		return err
	})
	perSec := float64(count) / d.Seconds()
	fmt.Printf("\nPassword sign-ins: %.1f per second on %d CPUs = %.1f per second per core (argon2id m=%d KiB, t=%d, p=%d; %d in %s)\n",
		perSec, runtime.NumCPU(), perSec/float64(runtime.NumCPU()), p.Memory, p.Time, p.Threads, count, d)
}

// workers is the number of concurrent workers of throughput.
func workers() int { return runtime.NumCPU() }

// throughput runs op with one worker per CPU for d and counts the calls;
// any error ends the program.
func throughput(d time.Duration, op func() error) int {
	var mu sync.Mutex
	count := 0
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for w := 0; w < workers(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				if err := op(); err != nil {
					fail(err)
				}
				mu.Lock()
				count++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return count
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

// env is one server with one seeded tenant.
type env struct {
	app    *server.App
	srv    *httptest.Server
	c      *client.Client
	tenant directory.CreatedTenant
}

func setup(backend, pgURL string, n int) (*env, func()) {
	ctx := context.Background()
	store := sqlstore.Config{}
	cleanup := func() {}
	if backend == "postgres" {
		url, drop, err := testdb.NewSchema(pgURL)
		if err != nil {
			fail(err)
		}
		store.DatabaseURL, cleanup = url, drop
	} else {
		dir, err := os.MkdirTemp("", "atrium-bench")
		if err != nil {
			fail(err)
		}
		store.DataDir = filepath.Join(dir, "data")
		cleanup = func() { os.RemoveAll(dir) }
	}
	var handler http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	app, err := server.Open(ctx, server.Config{Listen: "127.0.0.1:0", PublicURL: srv.URL, Store: store,
		PlatformDomain: "atrium.test", StrictAdvancedQueries: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		fail(err)
	}
	handler = app.Handler()
	ct, err := app.Directory.CreateTenant(authz.WithPrincipal(ctx, authz.Operator), directory.NewTenant{Name: "Bench",
		DomainPrefix: "bench", AdminUsername: "admin", AdminPassword: "Bench-Pass-1"})
	if err != nil {
		fail(err)
	}
	seed(app.Store, ct, n)
	if err := app.Store.Analyze(ctx); err != nil { // as autovacuum would, soon after a bulk load
		fail(err)
	}
	tok, err := app.Tokens.Mint(ctx, ct.TenantID, ct.AdminID, 2*time.Hour, "bench")
	if err != nil {
		fail(err)
	}
	return &env{app: app, srv: srv, c: client.New(srv.URL, tok), tenant: ct}, func() {
		srv.Close()
		app.Close()
		cleanup()
	}
}

// seed inserts n users straight through the store, 1,000 per transaction,
// sharing one precomputed password hash (hashing 100,000 passwords with
// argon2id would take most of an hour and measure nothing of the store).
func seed(s directory.Store, ct directory.CreatedTenant, n int) {
	hash, err := password.Hasher{Params: password.DefaultParams}.Hash("Seed-Pass-1")
	if err != nil {
		fail(err)
	}
	depts := []string{"Sales", "IT", "Operations", "Marketing", "Research"}
	start := time.Now()
	for i := 0; i < n; {
		err := s.Update(context.Background(), ct.TenantID, func(tx directory.Tx) error {
			for j := 0; j < 1000 && i+j < n; j++ {
				k := i + j
				u := &directory.User{ID: uuid.NewString(), AccountEnabled: true, DisplayName: fmt.Sprintf("Person %06d", k),
					UserPrincipalName: fmt.Sprintf("p%06d@%s", k, ct.InitialDomain), MailNickname: fmt.Sprintf("p%06d", k), UsageLocation: "NL",
					Department: depts[k%len(depts)], UserType: "Member", BusinessPhones: []string{}, OtherMails: []string{},
					PasswordHash: hash, CreatedAt: time.Now().UTC().Truncate(time.Microsecond)}
				if err := tx.CreateUser(u); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			fail(err)
		}
		i += 1000
	}
	fmt.Fprintf(os.Stderr, "seeded %d users in %s\n", n, time.Since(start).Round(time.Millisecond))
}

// measure runs op reps times and returns p50 and p95 in milliseconds.
func measure(reps int, op func(i int) error) [2]float64 {
	ds := make([]time.Duration, 0, reps)
	for i := 0; i < reps; i++ {
		t := time.Now()
		if err := op(i); err != nil {
			fail(err)
		}
		ds = append(ds, time.Since(t))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return [2]float64{ms(ds[len(ds)/2]), ms(ds[len(ds)*95/100])}
}

func run(backend, pgURL string, n, reps int) {
	e, done := setup(backend, pgURL, n)
	defer done()
	ctx := context.Background()
	row := func(op string, p [2]float64) {
		fmt.Printf("| %s | %d | %s | %.2f | %.2f |\n", backend, n, op, p[0], p[1])
	}
	upn := func(i int) string { return fmt.Sprintf("p%06d@%s", (i*7919)%n, e.tenant.InitialDomain) }
	ids := make([]string, 0, reps)
	for i := 0; i < reps; i++ {
		u, err := e.c.GetUser(ctx, upn(i), "id")
		if err != nil {
			fail(err)
		}
		ids = append(ids, u.ID)
	}
	creates := min(reps, 50)
	p := measure(creates, func(i int) error {
		_, err := e.c.CreateUser(ctx, map[string]any{"accountEnabled": true, "displayName": "New " + strconv.Itoa(i),
			"mailNickname": "new" + strconv.Itoa(i), "userPrincipalName": fmt.Sprintf("new%d@%s", i, e.tenant.InitialDomain),
			"passwordProfile": map[string]any{"password": "Strong-Pass-1"}})
		return err
	})
	row(fmt.Sprintf("create user (POST /users, argon2id 46 MiB; %d requests)", creates), p)
	row("get user by id", measure(reps, func(i int) error { _, err := e.c.GetUser(ctx, ids[i]); return err }))
	row("get user by userPrincipalName", measure(reps, func(i int) error { _, err := e.c.GetUser(ctx, upn(i)); return err }))
	row("list users, first page ($top=100)", measure(reps, func(int) error {
		_, err := e.c.ListUsers(ctx, client.ListOptions{Top: 100})
		return err
	}))
	deep := deepLink(ctx, e, n)
	row("list users, a page in the middle (keyset $skiptoken; orderby displayName, $select=id)", measure(reps, func(int) error {
		_, err := client.Next[client.User](ctx, e.c, deep, false)
		return err
	}))
	row("filter startswith(displayName,'Person 00424') (10 of n)", measure(reps, func(i int) error {
		_, err := e.c.ListUsers(ctx, client.ListOptions{Filter: fmt.Sprintf("startswith(displayName,'Person %05d')", (i*31)%(n/10))})
		return err
	}))
	row("filter userPrincipalName eq (1 of n)", measure(reps, func(i int) error {
		_, err := e.c.ListUsers(ctx, client.ListOptions{Filter: "userPrincipalName eq '" + upn(i) + "'"})
		return err
	}))
	row("filter department eq 'IT', first page ($top=100)", measure(reps, func(int) error {
		_, err := e.c.ListUsers(ctx, client.ListOptions{Filter: "department eq 'IT'", Top: 100})
		return err
	}))
	scans := max(reps/10, 10)
	row(fmt.Sprintf("$count=true with that filter (counts every match; %d requests)", scans), measure(scans, func(int) error {
		_, err := e.c.ListUsers(ctx, client.ListOptions{Filter: "department eq 'IT'", Top: 1, Count: true, Eventual: true})
		return err
	}))
	row("$search displayName:\"person 004242\" (a common and a rare word; token index)", measure(reps, func(int) error {
		_, err := e.c.ListUsers(ctx, client.ListOptions{Search: `"displayName:person 004242"`, Eventual: true})
		return err
	}))
	row("$search displayName:\"00424\" (a rare word prefix: 10 users at 100,000), ordered by displayName", measure(reps, func(int) error {
		_, err := e.c.ListUsers(ctx, client.ListOptions{Search: `"displayName:00424"`, OrderBy: "displayName", Eventual: true})
		return err
	}))
	row("$search displayName:\"person\" (every user matches), first page ordered by displayName", measure(reps, func(int) error {
		_, err := e.c.ListUsers(ctx, client.ListOptions{Search: `"displayName:person"`, OrderBy: "displayName", Top: 100, Eventual: true})
		return err
	}))
}

// deepLink follows nextLinks with the largest pages until the middle of the
// tenant and returns the link to the next page there.
func deepLink(ctx context.Context, e *env, n int) string {
	page, err := e.c.ListUsers(ctx, client.ListOptions{Top: 999, OrderBy: "displayName", Select: []string{"id"}})
	if err != nil {
		fail(err)
	}
	seen := len(page.Value)
	for seen < n/2 && page.NextLink != "" {
		if page, err = client.Next[client.User](ctx, e.c, page.NextLink, false); err != nil {
			fail(err)
		}
		seen += len(page.Value)
	}
	link := page.NextLink
	return strings.Replace(link, "%24top=999", "%24top=100", 1)
}
