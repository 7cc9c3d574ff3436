package cli_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/cli"
)

var hiddenField = regexp.MustCompile(`<input type="hidden" name="([a-z_]+)" value="([^"]*)">`)

// postForm submits the sign-in page's form with its hidden fields.
func postForm(t *testing.T, c *http.Client, page *http.Response, body, step string, fields map[string]string) (*http.Response, string) {
	t.Helper()
	form := url.Values{"step": {step}}
	for _, m := range hiddenField.FindAllStringSubmatch(body, -1) {
		if m[1] != "step" {
			form.Set(m[1], html.UnescapeString(m[2]))
		}
	}
	for k, v := range fields {
		form.Set(k, v)
	}
	resp, err := c.PostForm(page.Request.URL.String(), form)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

// TestLoginWithDeviceCode: atrium login shows a code, a person signs in
// with it in a browser, and the remote commands then run on the stored
// refresh token, refreshing the access token when it runs out.
func TestLoginWithDeviceCode(t *testing.T) {
	t.Setenv("ATRIUM_TOKEN", "")
	ts := startServer(t)
	srv, dir, tok := ts.srv, ts.dir, ts.token
	memberPw := filepath.Join(dir, "member-pw")
	if err := os.WriteFile(memberPw, []byte("Joep-Pass-123\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "user", "add", "joep@contoso.atrium.test", "--display-name", "Joep", "--password-file", memberPw, "--force-change=false",
		"--server", srv.URL, "--token", tok)

	creds := filepath.Join(dir, "creds.json")
	remote := []string{"--server", srv.URL, "--credentials", creds}
	if code, _, errs := run(t, append([]string{"user", "list"}, remote...)...); code != 2 || !strings.Contains(errs, "atrium login") {
		t.Fatalf("before login: %d %s", code, errs)
	}

	pr, pw := io.Pipe()
	done := make(chan int, 1)
	var errb bytes.Buffer
	go func() {
		code := cli.Main(context.Background(), append([]string{"login", "--tenant", "contoso.atrium.test"}, remote...), pw, &errb)
		pw.Close()
		done <- code
	}()
	lines := bufio.NewScanner(pr)
	if !lines.Scan() {
		t.Fatalf("no output from login: %s", errb.String())
	}
	m := regexp.MustCompile(`open (\S+) in a browser and enter the code (\S+) `).FindStringSubmatch(lines.Text())
	if m == nil {
		t.Fatalf("login said: %s", lines.Text())
	}
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar}
	resp, err := browser.Get(m[1] + "?user_code=" + m[2])
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp, body := postForm(t, browser, resp, string(b), "password", map[string]string{"username": "joep@contoso.atrium.test", "password": "Joep-Pass-123"})
	if !strings.Contains(body, "Atrium CLI") {
		t.Fatalf("confirmation page: %s", body)
	}
	_, body = postForm(t, browser, resp, body, "device", map[string]string{"decision": "approve"})
	if !strings.Contains(body, "You have signed in") {
		t.Fatalf("after approving: %s", body)
	}
	var rest strings.Builder
	for lines.Scan() {
		rest.WriteString(lines.Text() + "\n")
	}
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(rest.String(), "Signed in as joep@contoso.atrium.test") {
			t.Fatalf("login: exit %d\n%s%s", code, rest.String(), errb.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("login did not finish")
	}
	if fi, err := os.Stat(creds); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("credentials file: %v %v", fi, err)
	}

	// Remote commands run as the signed-in user.
	if out := mustRun(t, append([]string{"user", "list"}, remote...)...); !strings.Contains(out, "joep@contoso.atrium.test") {
		t.Fatalf("user list after login:\n%s", out)
	}
	// An expired access token is refreshed, and the rotated refresh token stored.
	var stored map[string]map[string]any
	raw, _ := os.ReadFile(creds)
	_ = json.Unmarshal(raw, &stored)
	oldRefresh := stored[srv.URL]["refreshToken"]
	stored[srv.URL]["expiry"] = time.Now().Add(-time.Hour).Format(time.RFC3339)
	raw, _ = json.Marshal(stored)
	if err := os.WriteFile(creds, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, append([]string{"user", "list"}, remote...)...)
	raw, _ = os.ReadFile(creds)
	_ = json.Unmarshal(raw, &stored)
	if stored[srv.URL]["refreshToken"] == oldRefresh || stored[srv.URL]["refreshToken"] == "" {
		t.Fatal("the refresh token was not rotated and stored")
	}

	lastRefresh, _ := stored[srv.URL]["refreshToken"].(string)
	if out := mustRun(t, append([]string{"logout"}, remote...)...); !strings.Contains(out, "Signed out") {
		t.Fatalf("logout: %s", out)
	}
	// Logging out revoked the refresh token on the server too.
	resp, err = http.PostForm(srv.URL+"/contoso.atrium.test/oauth2/v2.0/token", url.Values{"grant_type": {"refresh_token"},
		"client_id": {"atrium-cli"}, "refresh_token": {lastRefresh}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("the refresh token after logout: %d", resp.StatusCode)
	}
	if code, _, _ := run(t, append([]string{"user", "list"}, remote...)...); code != 2 {
		t.Fatalf("after logout: exit %d", code)
	}
}
