package cli

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/atriumhq/atrium/internal/server"
	"github.com/atriumhq/atrium/internal/sqlstore"
	"github.com/spf13/cobra"
)

// dbFlags are the flags of every command that opens the database itself.
type dbFlags struct {
	data, url, platform, publicURL, secretKeyFile string
}

func (f *dbFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.data, "data", env("ATRIUM_DATA", "./atrium-data"), "directory of the embedded SQLite database (ATRIUM_DATA)")
	c.Flags().StringVar(&f.url, "database-url", env("ATRIUM_DATABASE_URL", ""), "PostgreSQL URL, postgres://...; overrides --data (ATRIUM_DATABASE_URL)")
	c.Flags().StringVar(&f.platform, "platform-domain", env("ATRIUM_PLATFORM_DOMAIN", "atrium.localhost"), "parent of every tenant's initial domain (ATRIUM_PLATFORM_DOMAIN)")
	c.Flags().StringVar(&f.publicURL, "public-url", env("ATRIUM_PUBLIC_URL", ""), "URL clients use to reach the server; token issuer and audience (ATRIUM_PUBLIC_URL)")
	c.Flags().StringVar(&f.secretKeyFile, "secret-key-file", env("ATRIUM_SECRET_KEY_FILE", ""),
		"file with the 32-byte key (base64) that seals signing keys and authenticator secrets in the database; SQLite makes <data>/secret.key by itself (ATRIUM_SECRET_KEY_FILE)")
}

func (f *dbFlags) config() (server.Config, error) {
	cfg := server.Config{Listen: env("ATRIUM_LISTEN", ":8080"), PublicURL: f.publicURL,
		Store:          sqlstore.Config{DataDir: f.data, DatabaseURL: f.url},
		PlatformDomain: f.platform, StrictAdvancedQueries: true, Logger: slog.Default()}
	if f.secretKeyFile != "" {
		key, err := sqlstore.ReadSecretKey(f.secretKeyFile)
		if err != nil {
			return cfg, usageError{err}
		}
		cfg.Store.SecretKey = key
	}
	return cfg, nil
}

// openLocal opens the database for an operator command.
func (f *dbFlags) openLocal(ctx context.Context) (*server.App, error) {
	cfg, err := f.config()
	if err != nil {
		return nil, err
	}
	return server.Open(ctx, cfg)
}

// openTenant opens the database for an operator command on one tenant,
// named by id or verified domain; the caller closes the app.
func (f *dbFlags) openTenant(ctx context.Context, tenant string) (*server.App, string, error) {
	app, err := f.openLocal(ctx)
	if err != nil {
		return nil, "", err
	}
	tid, err := app.Directory.ResolveTenant(ctx, tenant)
	if err != nil {
		app.Close()
		return nil, "", fmt.Errorf("tenant %q: %w", tenant, err)
	}
	return app, tid, nil
}
