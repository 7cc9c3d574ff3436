package cli

import (
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/atriumhq/atrium/internal/server"
	"github.com/spf13/cobra"
)

func serveCmd() *cobra.Command {
	var db dbFlags
	var listen, dnsResolver string
	var signup, demo, strict, noDAP bool
	var purge time.Duration
	var smtpURL, mailFrom, catalog, webhook, webhookSecret string
	var azureAccess, autopilotPolicy string
	c := &cobra.Command{
		Use:   "serve",
		Short: "Run the Atrium server",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			cfg, err := db.config()
			if err != nil {
				return err
			}
			cfg.Listen, cfg.DNSResolver, cfg.AllowSignup, cfg.Demo = listen, dnsResolver, signup, demo
			cfg.StrictAdvancedQueries, cfg.PurgeInterval = strict, purge
			cfg.SMTPURL, cfg.MailFrom, cfg.CatalogFile = smtpURL, mailFrom, catalog
			cfg.ProvisioningWebhook, cfg.ProvisioningSecretFile = webhook, webhookSecret
			cfg.DisableDAP = noDAP
			cfg.PartnerAzureAccess, cfg.AutopilotPolicy = azureAccess, autopilotPolicy
			cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
			return server.Run(c.Context(), cfg, c.OutOrStdout())
		},
	}
	db.register(c)
	c.Flags().StringVar(&listen, "listen", env("ATRIUM_LISTEN", ":8080"), "address to listen on (ATRIUM_LISTEN)")
	c.Flags().StringVar(&dnsResolver, "dns-resolver", env("ATRIUM_DNS_RESOLVER", ""), "host:port of the DNS server used to verify domains; default the system's (ATRIUM_DNS_RESOLVER)")
	c.Flags().BoolVar(&signup, "allow-signup", envBool("ATRIUM_ALLOW_SIGNUP", false), "let anyone create a tenant with POST /api/signup (ATRIUM_ALLOW_SIGNUP)")
	c.Flags().BoolVar(&demo, "demo", envBool("ATRIUM_DEMO", false), "create a demo organization on first start and print its admin sign-in (ATRIUM_DEMO)")
	c.Flags().BoolVar(&strict, "strict-advanced-queries", envBool("ATRIUM_STRICT_ADVANCED_QUERIES", true), "require ConsistencyLevel: eventual for advanced queries, as Graph does (ATRIUM_STRICT_ADVANCED_QUERIES)")
	c.Flags().DurationVar(&purge, "purge-interval", time.Hour, "how often deleted users older than 30 days are purged")
	c.Flags().StringVar(&smtpURL, "smtp-url", env("ATRIUM_SMTP_URL", ""), "SMTP server for mail, smtp://user:pass@host:port (STARTTLS) or smtps:// (TLS); without it mail stays in the outbox (ATRIUM_SMTP_URL)")
	c.Flags().StringVar(&mailFrom, "mail-from", env("ATRIUM_MAIL_FROM", ""), "From address of Atrium's mail (ATRIUM_MAIL_FROM)")
	c.Flags().StringVar(&catalog, "catalog", env("ATRIUM_CATALOG", ""), "JSON file of the products tenants can buy; default the demo catalog (ATRIUM_CATALOG)")
	c.Flags().StringVar(&webhook, "provisioning-webhook", env("ATRIUM_PROVISIONING_WEBHOOK", ""), "URL that users' service plans are provisioned to by signed POSTs, or Workload=URL pairs separated by commas; default none, plans count as provisioned (ATRIUM_PROVISIONING_WEBHOOK)")
	c.Flags().StringVar(&webhookSecret, "provisioning-secret-file", env("ATRIUM_PROVISIONING_SECRET_FILE", ""), "file with the secret (16+ characters) the provisioning webhook's calls are signed with (ATRIUM_PROVISIONING_SECRET_FILE)")
	c.Flags().BoolVar(&noDAP, "disable-dap", envBool("ATRIUM_DISABLE_DAP", false), "refuse delegated admin privileges (DAP) in new partner relationships; partners use GDAP (ATRIUM_DISABLE_DAP)")
	c.Flags().StringVar(&azureAccess, "partner-azure-access", env("ATRIUM_PARTNER_AZURE_ACCESS", "resellerRelationship"), "what a partner's AdminAgents need besides a role assignment to use a customer's resource subscriptions: resellerRelationship (seed 002: access survives removing delegated admin) or delegatedAdmin (also DAP or GDAP) (ATRIUM_PARTNER_AZURE_ACCESS)")
	c.Flags().StringVar(&autopilotPolicy, "autopilot-policy", env("ATRIUM_AUTOPILOT_POLICY", "current"), "partners' Windows Autopilot rules: current (seed 002's rules, no delegated admin needed for profiles) or announced (delegated admin needed for profiles and others' devices) (ATRIUM_AUTOPILOT_POLICY)")
	return c
}

func envBool(name string, def bool) bool {
	if b, err := strconv.ParseBool(env(name, "")); err == nil {
		return b
	}
	return def
}
