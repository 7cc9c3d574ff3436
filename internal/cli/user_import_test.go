package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestUserImport imports a CSV file with the CLI: a row with a problem
// stops it unless skipped; then it follows the job to the end and saves
// the results readable by the owner only.
func TestUserImport(t *testing.T) {
	ts := startServer(t)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	go func() { // the job a served atrium runs
		for ctx.Err() == nil {
			_, _ = ts.app.Directory.RunImports(ctx, "cli-test")
			time.Sleep(20 * time.Millisecond)
		}
	}()
	file := filepath.Join(t.TempDir(), "staff.csv")
	csv := "User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or Postal Code,Country or Region\n" +
		"ann@contoso.atrium.test,Ann,,Ann,,,,,,,,,,,,\nbob@contoso.atrium.test,Bob,,Bob,,,,,,,,,,,,\n" +
		"cas@contoso.atrium.test,Cas,,Cas,,,,,,,,,,,,\nnobody@elsewhere.example,No,,No,,,,,,,,,,,,\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	remote := []string{"--server", ts.srv.URL, "--token", ts.token}
	code, out, errs := run(t, append([]string{"user", "import", file}, remote...)...)
	if code != 1 || !strings.Contains(out, "line 5 User Name: The domain 'elsewhere.example'") || !strings.Contains(errs, "--skip-invalid") {
		t.Fatalf("a file with a bad row: exit %d\n%s%s", code, out, errs)
	}
	results := filepath.Join(t.TempDir(), "results.csv")
	out = mustRun(t, append([]string{"user", "import", file, "--skip-invalid", "--credentials", "password", "--results", results}, remote...)...)
	if !strings.Contains(out, "3 users created, 0 failed") || !strings.Contains(out, "100% (3 of 3)") {
		t.Fatalf("import:\n%s", out)
	}
	st, err := os.Stat(results)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("results file: %v %v", st, err)
	}
	b, _ := os.ReadFile(results)
	if strings.Count(string(b), ",Created,") != 3 || !strings.Contains(string(b), ",Skipped,") {
		t.Fatalf("results:\n%s", b)
	}
	export := filepath.Join(t.TempDir(), "users.csv")
	out = mustRun(t, append([]string{"user", "export", "--file", export}, remote...)...)
	b, _ = os.ReadFile(export)
	if !strings.Contains(out, "4 users saved") || !strings.Contains(string(b), "User Name,First Name") || !strings.Contains(string(b), "cas@contoso.atrium.test") {
		t.Fatalf("export: %s\n%s", out, b)
	}
}
