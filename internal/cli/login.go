package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/spf13/cobra"
	"golang.org/x/oauth2"
)

// cliClientID is the built-in public client the CLI signs in as, present
// in every tenant (authn.CLIClientID; the CLI speaks only the public API).
const cliClientID = "atrium-cli"

// credentials are the tokens `atrium login` stored, per server.
type credentials struct {
	Server       string    `json:"server"`
	Tenant       string    `json:"tenant"`
	User         string    `json:"user"`
	RefreshToken string    `json:"refreshToken"`
	AccessToken  string    `json:"accessToken"`
	Expiry       time.Time `json:"expiry"`
}

func credentialsPath(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no place for credentials (set --credentials or ATRIUM_CREDENTIALS): %w", err)
	}
	return filepath.Join(dir, "atrium", "credentials.json"), nil
}

func loadCredentials(path string) (map[string]credentials, error) {
	all := map[string]credentials{}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return all, nil
	} else if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, fmt.Errorf("%s is damaged; run atrium logout or delete it: %w", path, err)
	}
	return all, nil
}

// openCredentials finds and reads the credentials file.
func openCredentials(flag string) (string, map[string]credentials, error) {
	path, err := credentialsPath(flag)
	if err != nil {
		return "", nil, err
	}
	all, err := loadCredentials(path)
	return path, all, err
}

// saveCredentials writes the file readable by its owner only.
func saveCredentials(path string, all map[string]credentials) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	b, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func oauthConfig(server, tenant string) oauth2.Config {
	base := strings.TrimSuffix(server, "/") + "/" + url.PathEscape(tenant) + "/oauth2/v2.0"
	return oauth2.Config{ClientID: cliClientID, Scopes: []string{"openid", "profile", "offline_access"},
		Endpoint: oauth2.Endpoint{DeviceAuthURL: base + "/devicecode", TokenURL: base + "/token", AuthStyle: oauth2.AuthStyleInParams}}
}

// storedToken returns an access token for server from the stored
// credentials, refreshing it (and storing the rotated refresh token) when
// it is about to expire.
func storedToken(ctx context.Context, path, server string) (string, error) {
	all, err := loadCredentials(path)
	if err != nil {
		return "", err
	}
	c, ok := all[server]
	if !ok {
		return "", usageError{errors.New("no access token: run 'atrium login --tenant <your domain>', or set ATRIUM_TOKEN or --token")}
	}
	if c.AccessToken != "" && time.Until(c.Expiry) > time.Minute {
		return c.AccessToken, nil
	}
	cfg := oauthConfig(server, c.Tenant)
	tok, err := cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: c.RefreshToken}).Token()
	if err != nil {
		return "", fmt.Errorf("your sign-in has ended (%v); run 'atrium login --tenant %s' again", err, c.Tenant)
	}
	c.AccessToken, c.Expiry = tok.AccessToken, tok.Expiry
	if tok.RefreshToken != "" {
		c.RefreshToken = tok.RefreshToken
	}
	all[server] = c
	return c.AccessToken, saveCredentials(path, all)
}

func loginCmd(r *remote) *cobra.Command {
	var tenant string
	c := &cobra.Command{
		Use:   "login",
		Short: "Sign in with your own account (device code: open the page shown, enter the code)",
		Long: "Sign in with your own account. Atrium shows a code; open the page it names in any browser, enter the\n" +
			"code and sign in there. The CLI then keeps a refresh token in your config directory (readable by you\n" +
			"only) and uses it for every remote command.",
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ctx := c.Context()
			cfg := oauthConfig(r.server, tenant)
			da, err := cfg.DeviceAuth(ctx)
			if err != nil {
				return fmt.Errorf("start sign-in at %s: %w", r.server, err)
			}
			fmt.Fprintf(c.OutOrStdout(), "To sign in, open %s in a browser and enter the code %s (valid for %s).\n",
				da.VerificationURI, da.UserCode, time.Until(da.Expiry).Round(time.Minute))
			tok, err := cfg.DeviceAccessToken(ctx, da)
			if err != nil {
				return fmt.Errorf("sign-in did not complete: %w", err)
			}
			me, err := client.New(r.server, tok.AccessToken).Me(ctx)
			if err != nil {
				return err
			}
			path, all, err := openCredentials(r.credentials)
			if err != nil {
				return err
			}
			upn := ""
			if me.UserPrincipalName != nil {
				upn = *me.UserPrincipalName
			}
			all[r.server] = credentials{Server: r.server, Tenant: tenant, User: upn, RefreshToken: tok.RefreshToken,
				AccessToken: tok.AccessToken, Expiry: tok.Expiry}
			if err := saveCredentials(path, all); err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "Signed in as %s.\n", upn)
			return nil
		},
	}
	c.Flags().StringVar(&tenant, "tenant", env("ATRIUM_TENANT", ""), "your organization: tenant id or one of its verified domains (ATRIUM_TENANT)")
	_ = c.MarkFlagRequired("tenant")
	return c
}

func logoutCmd(r *remote) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Forget the stored sign-in for the server and revoke its refresh token",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			path, all, err := openCredentials(r.credentials)
			if err != nil {
				return err
			}
			cred, ok := all[r.server]
			if !ok {
				fmt.Fprintln(c.OutOrStdout(), "Not signed in to", r.server)
				return nil
			}
			revoke := strings.TrimSuffix(oauthConfig(r.server, cred.Tenant).Endpoint.TokenURL, "/token") + "/revoke"
			if resp, err := http.PostForm(revoke, url.Values{"token": {cred.RefreshToken}, "token_type_hint": {"refresh_token"},
				"client_id": {cliClientID}}); err == nil {
				resp.Body.Close()
			}
			delete(all, r.server)
			if err := saveCredentials(path, all); err != nil {
				return err
			}
			fmt.Fprintln(c.OutOrStdout(), "Signed out of", r.server)
			return nil
		},
	}
}
