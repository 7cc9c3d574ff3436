package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/spf13/cobra"
)

func tenantCmd() *cobra.Command {
	c := parent("tenant", "Create tenants (operator; works on the database directly)")
	var db dbFlags
	var name, prefix, admin, pwFile string
	create := &cobra.Command{
		Use:   "create",
		Short: "Create a tenant with its initial domain and first Global admin",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			pw, err := readSecretFile(pwFile)
			if err != nil {
				return err
			}
			app, err := db.openLocal(c.Context())
			if err != nil {
				return err
			}
			defer app.Close()
			ctx := authz.WithPrincipal(c.Context(), authz.Operator)
			ct, err := app.Directory.CreateTenant(ctx, directory.NewTenant{Name: name, DomainPrefix: prefix,
				AdminUsername: admin, AdminPassword: pw})
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "tenant id:       %s\ninitial domain:  %s\nadmin sign-in:   %s\n", ct.TenantID, ct.InitialDomain, ct.AdminUPN)
			return nil
		},
	}
	db.register(create)
	create.Flags().StringVar(&name, "name", "", "organization name")
	create.Flags().StringVar(&prefix, "domain-prefix", "", "prefix of the initial domain <prefix>.<platform domain>")
	create.Flags().StringVar(&admin, "admin-username", "admin", "user name (before @) of the first Global admin")
	create.Flags().StringVar(&pwFile, "admin-password-file", "", "file holding the admin's password ('-' for standard input)")
	for _, f := range []string{"name", "domain-prefix", "admin-password-file"} {
		_ = create.MarkFlagRequired(f)
	}
	c.AddCommand(create, setPartnerCmd())
	return c
}

// readSecretFile reads a secret from a file (or standard input for "-"),
// so that it never appears in the process list or shell history.
func readSecretFile(path string) (string, error) {
	var b []byte
	var err error
	if path == "-" {
		b, err = io.ReadAll(io.LimitReader(os.Stdin, 4096))
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return "", fmt.Errorf("read password file: %w", err)
	}
	s := strings.TrimRight(string(b), "\r\n")
	if s == "" {
		return "", usageError{errors.New("the password file is empty")}
	}
	return s, nil
}
