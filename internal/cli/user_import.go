package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/spf13/cobra"
)

// userImportCmd uploads a CSV file of users, shows the rows with problems,
// starts the import and follows it to the end with a progress bar on a
// terminal (plain lines otherwise), then saves the results.
func userImportCmd(r *remote) *cobra.Command {
	var o client.ImportOptions
	var blocked, noStart bool
	var skus []string
	var results string
	c := &cobra.Command{Use: "import FILE", Short: "Add users from a CSV file (the admin center's template or Entra's bulk-create template)",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			ctx := c.Context()
			cl, err := r.client(ctx)
			if err != nil {
				return err
			}
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			out := c.OutOrStdout()
			p := newProgress(out)
			st, _ := f.Stat()
			imp, err := cl.UploadImport(ctx, &countingReader{r: f, total: st.Size(), p: p}, filepath.Base(args[0]))
			p.done()
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "%s: %d rows checked, %d with problems (import %s)\n", args[0], imp.Total, imp.Invalid, imp.ID)
			for _, pr := range imp.Problems[:min(len(imp.Problems), 20)] {
				fmt.Fprintf(out, "  line %d %s: %s\n", pr.Row, pr.Column, pr.Message)
			}
			if imp.Invalid > 0 && !o.SkipInvalidRows {
				return fmt.Errorf("%d rows have problems: fix the file, or add --skip-invalid to create the other %d", imp.Invalid, imp.Valid)
			}
			if noStart {
				return nil
			}
			for _, s := range skus {
				id, err := resolveSku(ctx, cl, s)
				if err != nil {
					return err
				}
				o.SkuIDs = append(o.SkuIDs, id)
			}
			o.AccountEnabled = !blocked
			if _, err := cl.StartImport(ctx, imp.ID, o); err != nil {
				return err
			}
			if imp, err = follow(ctx, cl, imp.ID, p); err != nil {
				return err
			}
			if results == "" {
				results = strings.TrimSuffix(args[0], filepath.Ext(args[0])) + "-results.csv"
			}
			if err := saveResults(ctx, cl, imp.ID, results); err != nil {
				return err
			}
			fmt.Fprintf(out, "%d users created, %d failed; results (with the sign-in details) in %s\n", imp.Created, imp.Failed, results)
			return nil
		}}
	c.Flags().StringVar(&o.UsageLocation, "usage-location", "", "usage location of every user, e.g. NL (needed with --license)")
	c.Flags().StringSliceVar(&skus, "license", nil, "product (skuId or skuPartNumber) to give every user (repeatable)")
	c.Flags().BoolVar(&blocked, "blocked", false, "create the users blocked from signing in")
	c.Flags().StringVar(&o.Credentials, "credentials", "link", "link: a one-time link to set a password; password: a temporary password")
	c.Flags().BoolVar(&o.SkipInvalidRows, "skip-invalid", false, "create the valid rows even when others have problems")
	c.Flags().BoolVar(&noStart, "check-only", false, "only check the file")
	c.Flags().StringVar(&results, "results", "", "where to save the results CSV (default FILE-results.csv)")
	return c
}

// follow polls an import until it ends, showing its progress.
func follow(ctx context.Context, cl *client.Client, id string, p *progress) (client.Import, error) {
	defer p.done()
	for {
		imp, err := cl.GetImport(ctx, id)
		if err != nil {
			return imp, err
		}
		p.show(int64(imp.Done), int64(imp.Total-imp.Invalid), fmt.Sprintf("created %d, failed %d, %.0f/s", imp.Created, imp.Failed, imp.RatePerSecond))
		switch imp.Status {
		case "completed":
			return imp, nil
		case "failed":
			msg := "the import failed"
			if imp.Error != nil {
				msg += ": " + *imp.Error
			}
			return imp, fmt.Errorf("%s", msg)
		}
		select {
		case <-ctx.Done():
			return imp, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// saveResults writes an import's results, which hold passwords or links,
// readable by the owner only.
func saveResults(ctx context.Context, cl *client.Client, id, path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := cl.ImportDownload(ctx, id, "results", f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// countingReader reports how much of a file was read.
type countingReader struct {
	r     io.Reader
	n     int64
	total int64
	p     *progress
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	c.p.show(c.n, c.total, "uploading")
	return n, err
}
