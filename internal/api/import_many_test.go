package api_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// TestImportThousands imports 3,000 rows in the template, a fifth of them
// bad in one of five ways, and checks the verdict of every row by line
// and column, then that exactly the good rows are created.
func TestImportThousands(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	const rows = 3000
	want := map[int]string{} // line → the column of its problem
	var file strings.Builder
	file.WriteString(templateHeader + "\n")
	for i := 0; i < rows; i++ {
		line := i + 2
		upn, display, title, phone := fmt.Sprintf("p%d@%s", i, a.domain), fmt.Sprintf("Person %d", i), "Planner", "020 555 0100"
		switch i % 10 {
		case 1:
			display, want[line] = "", "Display Name"
		case 3:
			upn, want[line] = fmt.Sprintf("p%d@nowhere.example", i), "User Name"
		case 5:
			upn, want[line] = fmt.Sprintf("p%d@%s", i-1, a.domain), "User Name" // the line before's
		case 7:
			title, want[line] = strings.Repeat("t", 129), "Job Title"
		case 9:
			phone, want[line] = "call me", "Office Phone"
		}
		fmt.Fprintf(&file, "%s,Given,Sur,%s,%s,,,%s,,,,,,,,\n", upn, display, title, phone)
	}
	r := h.upload(a.adminTok, []byte(file.String()))
	h.want(r, 202, "")
	id := r.body["id"].(string)
	if r.body["total"] != float64(rows) || r.body["invalid"] != float64(len(want)) {
		t.Fatalf("upload: total %v invalid %v, want %d and %d", r.body["total"], r.body["invalid"], rows, len(want))
	}
	got := map[int]string{}
	for _, p := range csvRows(t, h.do(a.adminTok, "GET", "/api/imports/"+id+"/problems", nil).raw) {
		line, _ := strconv.Atoi(p["Row"])
		if got[line] != "" {
			t.Errorf("line %d has two problems: %s and %s", line, got[line], p["Column"])
		}
		got[line] = p["Column"]
	}
	for line, col := range want {
		if got[line] != col {
			t.Errorf("line %d: problem in %q, want %q", line, got[line], col)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d lines with problems, want %d", len(got), len(want))
	}
	h.want(h.do(a.adminTok, "POST", "/api/imports/"+id+"/start", map[string]any{"skipInvalidRows": true}), 202, "")
	h.runImports()
	results := csvRows(t, h.do(a.adminTok, "GET", "/api/imports/"+id+"/results", nil).raw)
	created := 0
	for _, row := range results {
		line, _ := strconv.Atoi(row["Row"])
		wantResult := "Created"
		if want[line] != "" {
			wantResult = "Skipped"
		}
		if row["Result"] != wantResult {
			t.Fatalf("line %d: %s, want %s (%v)", line, row["Result"], wantResult, row)
		}
		if row["Result"] == "Created" {
			created++
		}
	}
	if created != rows-len(want) {
		t.Fatalf("%d created, want %d", created, rows-len(want))
	}
}
