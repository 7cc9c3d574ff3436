package server

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/jobs"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/sqlstore"
)

// Config is everything `atrium serve` can be told.
type Config struct {
	Listen                string // address to listen on, e.g. ":8080"
	PublicURL             string // how clients reach the server; derived from Listen when empty
	Store                 sqlstore.Config
	PlatformDomain        string // initial domains are <prefix>.<PlatformDomain>
	DNSResolver           string // host:port of the DNS server for domain verification; empty = the system's
	AllowSignup           bool
	Demo                  bool
	StrictAdvancedQueries bool
	PurgeInterval         time.Duration
	SMTPURL               string // smtp://user:pass@host:port; empty keeps mail in the outbox
	MailFrom              string
	CatalogFile           string             // JSON catalog of products; empty = the demo catalog
	Catalog               *directory.Catalog // loaded from CatalogFile by Validate
	// ProvisioningWebhook is where users' service plans are provisioned:
	// one URL for every workload, or "Workload=URL" pairs separated by
	// commas; empty provisions every plan without a call.
	ProvisioningWebhook    string
	ProvisioningSecretFile string // file holding the webhook signing secret
	Provisioning           jobs.Connectors
	// DisableDAP turns delegated admin privileges (DAP) off for new
	// partner relationships (partners.md §3); GDAP stays.
	DisableDAP bool
	// PartnerAzureAccess is partner.azureAccessRequires (partners.md §7):
	// resellerRelationship (default) or delegatedAdmin.
	PartnerAzureAccess string
	// AutopilotPolicy is partner.autopilotRules (partners.md §8.2):
	// current (default) or announced.
	AutopilotPolicy string
	Password        password.Params
	Logger          *slog.Logger
	Now             func() time.Time // the directory's clock; time.Now when nil (tests move it)
}

// Validate checks the configuration and fills derived defaults.
func (c *Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		errs = append(errs, fmt.Errorf("listen address %q: %w", c.Listen, err))
	}
	if c.PublicURL == "" && c.Store.DatabaseURL != "" {
		errs = append(errs, errors.New("with a shared database (--database-url), set --public-url to the one address clients use, so that every replica issues and accepts the same tokens and links"))
	}
	if c.PublicURL == "" {
		host, port, _ := net.SplitHostPort(c.Listen)
		if host == "" || host == "0.0.0.0" || host == "::" {
			host = "localhost"
		}
		c.PublicURL = "http://" + net.JoinHostPort(host, port)
	}
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("public URL %q must be an http(s) URL", c.PublicURL))
	}
	c.PublicURL = strings.TrimSuffix(c.PublicURL, "/")
	if err := c.Store.Validate(); err != nil {
		errs = append(errs, err)
	}
	if c.PlatformDomain == "" || strings.Count(c.PlatformDomain, ".") < 1 {
		errs = append(errs, fmt.Errorf("platform domain %q must be a DNS name such as atrium.localhost", c.PlatformDomain))
	}
	if c.DNSResolver != "" {
		if _, _, err := net.SplitHostPort(c.DNSResolver); err != nil {
			errs = append(errs, fmt.Errorf("DNS resolver %q must be host:port: %w", c.DNSResolver, err))
		}
	}
	if c.CatalogFile != "" {
		cat, err := directory.LoadCatalog(c.CatalogFile)
		if err != nil {
			errs = append(errs, err)
		}
		c.Catalog = cat
	}
	if err := c.loadConnectors(); err != nil {
		errs = append(errs, err)
	}
	if c.PartnerAzureAccess == "" {
		c.PartnerAzureAccess = authz.AzureAccessReseller
	}
	if !slices.Contains(authz.AzureAccessModes, c.PartnerAzureAccess) {
		errs = append(errs, fmt.Errorf("partner Azure access %q (--partner-azure-access) must be one of %s", c.PartnerAzureAccess, strings.Join(authz.AzureAccessModes, ", ")))
	}
	if c.AutopilotPolicy == "" {
		c.AutopilotPolicy = authz.AutopilotCurrent
	}
	if !slices.Contains(authz.AutopilotPolicies, c.AutopilotPolicy) {
		errs = append(errs, fmt.Errorf("autopilot policy %q (--autopilot-policy) must be one of %s", c.AutopilotPolicy, strings.Join(authz.AutopilotPolicies, ", ")))
	}
	if c.MailFrom == "" {
		c.MailFrom = "Atrium Online Services <no-reply@" + c.PlatformDomain + ">"
	}
	if c.PurgeInterval <= 0 {
		c.PurgeInterval = time.Hour
	}
	if c.Password == (password.Params{}) {
		c.Password = password.DefaultParams
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return errors.Join(errs...)
}
