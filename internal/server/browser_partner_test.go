package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// browserPartner is a partner tenant of the browser test with an admin
// agent who signs in with a password (no admin role of its own, so no
// authenticator to register).
type browserPartner struct {
	agentUPN, agentPassword string
}

// makePartner creates the partner tenant on the database (before serve
// starts) and returns its AdminAgents group id.
func makePartner(t *testing.T, bin string, common []string, name, prefix, pwFile string) string {
	t.Helper()
	for _, args := range [][]string{
		{"tenant", "create", "--name", name, "--domain-prefix", prefix, "--admin-password-file", pwFile},
		{"tenant", "set-partner", prefix + ".atrium.test"},
	} {
		out, err := exec.Command(bin, append(args, common...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if m := regexp.MustCompile(`AdminAgents:\s+(\S+)`).FindSubmatch(out); m != nil {
			return string(m[1])
		}
	}
	t.Fatal("set-partner printed no AdminAgents group")
	return ""
}

// addAgent creates the partner's agent through the running server with a
// token the operator mints, and puts them in AdminAgents.
func addAgent(t *testing.T, bin string, common []string, public, prefix, adminAgents string) browserPartner {
	t.Helper()
	out, err := exec.Command(bin, append([]string{"token", "create", "--tenant", prefix + ".atrium.test", "--user", "admin@" + prefix + ".atrium.test"}, common...)...).Output()
	if err != nil {
		t.Fatalf("token create: %v", err)
	}
	tok := strings.TrimSpace(string(out))
	call := func(method, path string, body any) map[string]any {
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest(method, public+path, bytes.NewReader(b))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var m map[string]any
		_ = json.NewDecoder(res.Body).Decode(&m)
		if res.StatusCode >= 300 {
			t.Fatalf("%s %s: %d %v", method, path, res.StatusCode, m)
		}
		return m
	}
	p := browserPartner{agentUPN: "pat@" + prefix + ".atrium.test", agentPassword: "Partner-Agent-7391"}
	u := call("POST", "/v1.0/users", map[string]any{"accountEnabled": true, "displayName": "Pat Agent", "mailNickname": "pat",
		"userPrincipalName": p.agentUPN, "passwordProfile": map[string]any{"password": p.agentPassword, "forceChangePasswordNextSignIn": false}})
	call("POST", "/v1.0/groups/"+adminAgents+"/members/$ref", map[string]any{"@odata.id": fmt.Sprintf("%s/v1.0/directoryObjects/%s", public, u["id"])})
	return p
}
