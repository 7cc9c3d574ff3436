package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/api"
	"github.com/atriumhq/atrium/internal/authn"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/jobs"
	"github.com/atriumhq/atrium/internal/mail"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/sqlstore"
	"github.com/atriumhq/atrium/ui"
)

// App is Atrium's components wired together over one store.
type App struct {
	Config    Config
	Store     *sqlstore.Store
	Directory *directory.Service
	Tokens    *authn.Tokens
	API       *api.API
}

// Open validates cfg, opens the store (applying migrations) and wires the
// components. Local operator commands use it without serving HTTP.
func Open(ctx context.Context, cfg Config) (*App, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	store, err := sqlstore.Open(ctx, cfg.Store)
	if err != nil {
		return nil, err
	}
	dir := directory.NewService(directory.Config{Store: store, Resolver: newResolver(cfg.DNSResolver),
		Hasher: password.Hasher{Params: cfg.Password}, PlatformDomain: cfg.PlatformDomain, NewSigningKey: authn.NewSigningKey, Catalog: cfg.Catalog, Now: cfg.Now,
		DisableDAP: cfg.DisableDAP, AzureAccessRequires: cfg.PartnerAzureAccess, AutopilotPolicy: cfg.AutopilotPolicy})
	tokens := authn.NewTokens(dir, cfg.PublicURL, nil)
	a := api.New(api.Config{Directory: dir, Tokens: tokens, Sessions: authn.NewSessions(dir, cfg.PublicURL), Provider: authn.NewProvider(dir, tokens), PublicURL: cfg.PublicURL, AllowSignup: cfg.AllowSignup,
		StrictAdvancedQueries: cfg.StrictAdvancedQueries, Logger: cfg.Logger})
	return &App{Config: cfg, Store: store, Directory: dir, Tokens: tokens, API: a}, nil
}

// Close releases the store.
func (a *App) Close() error { return a.Store.Close() }

// Handler is the whole HTTP surface: the API, the per-tenant endpoints
// (OpenID Connect, signing keys), a health check, and the admin center for
// every other path.
func (a *App) Handler() http.Handler {
	apiHandler := a.API.Handler()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := a.Store.Ping(r.Context()); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, "ok\n")
	})
	mux.Handle("/", ui.Handler())
	rest := a.API.TenantHandler(mux)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/v1.0/") || strings.HasPrefix(r.URL.Path, "/api/") {
			apiHandler.ServeHTTP(w, r)
			return
		}
		rest.ServeHTTP(w, r)
	})
}

// Run serves until ctx ends, then shuts down gracefully. It prints the
// address (and, with --demo, the demo sign-in) to out.
func Run(ctx context.Context, cfg Config, out io.Writer) error {
	app, err := Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer app.Close()
	cfg = app.Config
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Listen, err)
	}
	fmt.Fprintf(out, "Atrium listening on %s (public URL %s, database %s)\n", ln.Addr(), cfg.PublicURL, app.Store.Dialect())
	if !app.Store.Sealed() {
		cfg.Logger.Warn("signing keys and authenticator secrets are stored unsealed; give every replica the same --secret-key-file")
	}
	if cfg.Demo {
		if err := app.seedDemo(ctx, out); err != nil {
			ln.Close()
			return fmt.Errorf("demo organization: %w", err)
		}
	}
	srv := &http.Server{Handler: app.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 120 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10}
	jobCtx, stopJobs := context.WithCancel(ctx)
	defer stopJobs()
	go jobs.RunPurge(jobCtx, app.Directory, cfg.PurgeInterval, cfg.Logger)
	go jobs.RunProvisioning(jobCtx, app.Directory, cfg.Provisioning, 5*time.Second, cfg.Logger)
	go jobs.RunImports(jobCtx, app.Directory, directory.NewID(), time.Second, cfg.Logger)
	go jobs.RunSubscriptions(jobCtx, app.Directory, time.Minute, cfg.Logger)
	go jobs.RunGDAP(jobCtx, app.Directory, time.Minute, cfg.Logger)
	if cfg.SMTPURL != "" {
		sender, err := mail.NewSMTP(cfg.SMTPURL, cfg.MailFrom)
		if err != nil {
			ln.Close()
			return err
		}
		go jobs.RunMailer(jobCtx, app.Directory, sender, 5*time.Second, cfg.Logger)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
