package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/atriumhq/atrium/client"
)

// importBench writes the admin center's template with rows users, uploads
// it over HTTP (the server checks every row), starts it with set-password
// links, and runs the import job until it completes; it reports the time
// of each phase and the peak resident memory of the process (server,
// client and job together).
func importBench(backend, pgURL string, rows int) {
	e, done := setup(backend, pgURL, 100)
	defer done()
	// Measure the import's peak alone: give back the memory of the setup
	// (the admin's argon2id hash took 46 MiB), then "5" resets VmHWM.
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	ctx := context.Background()
	path, err := writeImportFile(rows, e.tenant.InitialDomain)
	if err != nil {
		fail(err)
	}
	defer os.Remove(path)
	jobCtx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		for jobCtx.Err() == nil {
			if n, err := e.app.Directory.RunImports(jobCtx, "bench"); err != nil && jobCtx.Err() == nil {
				fail(err)
			} else if n == 0 {
				time.Sleep(50 * time.Millisecond)
			}
		}
	}()
	f, err := os.Open(path)
	if err != nil {
		fail(err)
	}
	defer f.Close()
	start := time.Now()
	imp, err := e.c.UploadImport(ctx, f, "bench.csv")
	if err != nil || imp.Total != rows || imp.Invalid != 0 {
		fail(fmt.Errorf("upload: %+v %v", imp, err))
	}
	checked := time.Since(start)
	if _, err := e.c.StartImport(ctx, imp.ID, client.ImportOptions{AccountEnabled: true}); err != nil {
		fail(err)
	}
	for imp.Status != "completed" {
		time.Sleep(200 * time.Millisecond)
		if imp, err = e.c.GetImport(ctx, imp.ID); err != nil || imp.Status == "failed" {
			fail(fmt.Errorf("import: %+v %v", imp, err))
		}
	}
	total := time.Since(start)
	created := total - checked
	if imp.Created != rows {
		fail(fmt.Errorf("created %d of %d", imp.Created, rows))
	}
	fmt.Printf("| %s | %d | import: upload and check %s (%.0f rows/s), create %s (%.0f users/s), total %s; peak RSS %d MB | | |\n",
		backend, rows, checked.Round(time.Millisecond), float64(rows)/checked.Seconds(), created.Round(time.Millisecond),
		float64(rows)/created.Seconds(), total.Round(time.Millisecond), peakRSS()>>20)
}

// writeImportFile writes a template file with n distinct users.
func writeImportFile(n int, domain string) (string, error) {
	f, err := os.CreateTemp("", "atrium-bench-*.csv")
	if err != nil {
		return "", err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or Postal Code,Country or Region")
	for i := 0; i < n; i++ {
		fmt.Fprintf(w, "import%d@%s,Given%d,Sur%d,Imported User %d,Planner,Sales,%d,020 555 %04d,,,,Dam %d,Amsterdam,NH,1012 JS,Netherlands\n",
			i, domain, i, i, i, i%500, i%10000, i%300)
	}
	if err := w.Flush(); err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

// peakRSS reads the process's peak resident set size from /proc (0 where
// there is none).
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
