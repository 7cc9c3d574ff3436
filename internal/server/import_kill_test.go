package server_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/client"
)

// TestImportSurvivesKill kills a real atrium process with SIGKILL while an
// import creates users, starts it again on the same data, and checks that
// the import finishes with every row created exactly once: one user and one
// "Add user" audit record per row, each row's result once.
func TestImportSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the atrium binary; skipped with -short")
	}
	const rows = 4000
	proc := newProcess(t)
	c := proc.c
	var file bytes.Buffer
	file.WriteString("User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or Postal Code,Country or Region\n")
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&file, "r%d@org.atrium.test,R,%d,Row %d,,,,,,,,,,,,\n", i, i, i)
	}
	srv := proc.serve()
	imp, err := c.UploadImport(bg, &file, "kill.csv")
	if err != nil || imp.Total != rows || imp.Invalid != 0 {
		t.Fatalf("upload: %+v %v", imp, err)
	}
	if _, err := c.StartImport(bg, imp.ID, client.ImportOptions{AccountEnabled: true}); err != nil {
		t.Fatal(err)
	}
	for imp.Done == 0 {
		time.Sleep(10 * time.Millisecond)
		if imp, err = c.GetImport(bg, imp.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := srv.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = srv.Wait()
	if imp.Done >= rows {
		t.Fatalf("the import finished before the kill (%d rows); the test proves nothing", imp.Done)
	}
	killedAt := imp.Done
	proc.serve()
	deadline := time.Now().Add(3 * time.Minute)
	for imp.Status != "completed" {
		if time.Now().After(deadline) {
			t.Fatalf("the import did not finish after the restart: %+v", imp)
		}
		time.Sleep(100 * time.Millisecond)
		if imp, err = c.GetImport(bg, imp.ID); err != nil {
			t.Fatal(err)
		}
	}
	if imp.Created != rows || imp.Failed != 0 || imp.Done != rows {
		t.Fatalf("after the restart: %+v", imp)
	}
	var results bytes.Buffer
	if err := c.ImportDownload(bg, imp.ID, "results", &results); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(results.String(), ",Created,"); n != rows {
		t.Fatalf("%d rows created in the results, want %d", n, rows)
	}
	users, err := c.ListUsers(bg, client.ListOptions{Filter: "startswith(userPrincipalName,'r')", Count: true, Eventual: true, Top: 1})
	if err != nil || users.Count == nil || *users.Count != rows {
		t.Fatalf("users: %+v %v", users.Count, err)
	}
	audits, err := c.ListAudit(bg, client.ListOptions{Filter: "activityDisplayName eq 'Add user'", Top: 999})
	if err != nil {
		t.Fatal(err)
	}
	n := len(audits.Value)
	for next := audits.NextLink; next != ""; {
		page, err := client.Next[client.DirectoryAudit](bg, c, next, false)
		if err != nil {
			t.Fatal(err)
		}
		n += len(page.Value)
		next = page.NextLink
	}
	if n != rows+1 { // and the admin's
		t.Fatalf("%d Add user audit records, want %d", n, rows+1)
	}
	t.Logf("killed after %d of %d rows; after the restart all %d were created once", killedAt, rows, rows)
}
