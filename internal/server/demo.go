package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/password"
)

// demoPrefix is the domain prefix of the demo organization.
const demoPrefix = "demo"

// demoPeople are the users of the demo organization.
var demoPeople = [][3]string{
	{"Adele Vance", "adele", "Sales"}, {"Joep de Vries", "joep", "Planning"}, {"Megan Bowen", "megan", "Marketing"},
	{"Nestor Wilke", "nestor", "Operations"}, {"Zoë Ünal", "zoe", "Research"},
}

// seedDemo creates the demo organization on first start and prints how to
// sign in. The admin password is kept in the data directory (mode 0600) so
// that later starts can print it again.
func (a *App) seedDemo(ctx context.Context, out io.Writer) error {
	domain := demoPrefix + "." + a.Config.PlatformDomain
	pwFile := filepath.Join(a.Config.Store.DataDir, "demo-admin-password")
	tenantID, err := a.Directory.ResolveTenant(ctx, domain)
	switch {
	case directory.KindOf(err) == directory.KindNotFound:
		tenantID, err = a.createDemo(ctx, pwFile)
		if err != nil {
			return err
		}
	case err != nil:
		return err
	}
	pw, err := os.ReadFile(pwFile)
	if err != nil {
		pw = []byte("(not in " + pwFile + "; the demo organization was created elsewhere)")
	}
	ctx = authz.WithPrincipal(ctx, authz.Operator)
	admin, err := a.Directory.FindUserForToken(ctx, tenantID, "admin@"+domain)
	if err != nil {
		return err
	}
	tok, err := a.Tokens.Mint(ctx, tenantID, admin.ID, 8*time.Hour, "atrium-demo")
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\nDemo organization %q (tenant %s)\n  admin sign-in: %s\n  password:      %s\n\n"+
		"  Scripts and the atrium CLI can call the API with this 8-hour token (browsers sign in at POST /api/signin):\n  export ATRIUM_SERVER=%s ATRIUM_TOKEN=%s\n\n",
		"Contoso Demo", tenantID, admin.UserPrincipalName, strings.TrimSpace(string(pw)), a.Config.PublicURL, tok)
	return nil
}

func (a *App) createDemo(ctx context.Context, pwFile string) (string, error) {
	pw := password.Generate()
	ctx = authz.WithPrincipal(ctx, authz.Operator)
	ct, err := a.Directory.CreateTenant(ctx, directory.NewTenant{Name: "Contoso Demo", DomainPrefix: demoPrefix,
		AdminUsername: "admin", AdminPassword: pw})
	if err != nil {
		return "", err
	}
	var errs []error
	var ids []string
	for _, p := range demoPeople {
		u, err := a.Directory.CreateUser(ctx, ct.TenantID, directory.Changes{"accountEnabled": true, "displayName": p[0],
			"mailNickname": p[1], "userPrincipalName": p[1] + "@" + ct.InitialDomain, "department": p[2], "usageLocation": "NL"},
			&directory.PasswordProfile{Password: password.Generate(), ForceChangePasswordNextSignIn: true})
		errs = append(errs, err)
		ids = append(ids, u.ID)
	}
	t, f := true, false
	name, nick := "All staff", "allstaff"
	_, err = a.Directory.CreateGroup(ctx, ct.TenantID, directory.GroupInput{DisplayName: &name, MailNickname: &nick,
		MailEnabled: &f, SecurityEnabled: &t, Members: ids})
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(pwFile), 0o700); err != nil {
		return "", err
	}
	return ct.TenantID, os.WriteFile(pwFile, []byte(pw+"\n"), 0o600)
}
