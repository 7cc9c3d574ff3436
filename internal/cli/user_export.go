package cli

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// userExportCmd saves the CSV export of the users, counting them as they
// arrive.
func userExportCmd(r *remote) *cobra.Command {
	var view, file string
	c := &cobra.Command{Use: "export", Short: "Save all users, or a saved view's, as CSV (the import template's columns with roles and licenses)",
		Args: cobra.NoArgs, RunE: func(c *cobra.Command, _ []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			f, err := os.OpenFile(file, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
			if err != nil {
				return err
			}
			out := c.OutOrStdout()
			lc := &lineCounter{f: f, p: newProgress(out)}
			err = cl.ExportUsers(c.Context(), view, lc)
			lc.p.done()
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				os.Remove(file)
				return err
			}
			n, err := countRecords(file)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "%d users saved in %s\n", n, file)
			return nil
		}}
	c.Flags().StringVar(&view, "view", "", "id of a saved user view to export instead of all users")
	c.Flags().StringVar(&file, "file", "users.csv", "where to save the CSV")
	return c
}

// lineCounter writes to a file and shows how many lines it wrote.
type lineCounter struct {
	f     *os.File
	lines int64
	p     *progress
}

func (l *lineCounter) Write(b []byte) (int, error) {
	l.lines += int64(bytes.Count(b, []byte("\n")))
	l.p.count(max(l.lines-1, 0), "users")
	return l.f.Write(b)
}

// countRecords counts the data rows of a CSV file (cells may hold line
// breaks, so lines aren't rows).
func countRecords(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	n := -1 // the header
	for {
		if _, err := r.Read(); errors.Is(err, io.EOF) {
			return max(n, 0), nil
		} else if err != nil {
			return 0, err
		}
		n++
	}
}
