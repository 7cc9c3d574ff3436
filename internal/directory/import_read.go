package directory

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// readImport streams a CSV file: it detects the encoding (UTF-8 with or
// without BOM, UTF-16 with BOM) and the separator (comma, or semicolon as
// spreadsheets in Dutch locales write), reads the header, and hands each
// data row to emit with its cells in field order. Structural problems of a
// row (cell count, encoding, broken quoting) come with the row; a file
// that isn't the template at all is refused.
func readImport(r io.Reader, emit func(format string, row ImportRow) error) (*importLayout, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4)
	var src io.Reader = br
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		src = bufio.NewReaderSize(transform.NewReader(br, unicode.BOMOverride(unicode.UTF8.NewDecoder())), 64<<10)
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
	}
	lines := src.(*bufio.Reader)
	first, err := lines.Peek(32 << 10) // the first lines, to tell the format and separator
	if err != nil && len(first) == 0 {
		if errors.Is(err, io.EOF) {
			return nil, Invalid("file", "The file is empty.")
		}
		return nil, err
	}
	entra := bytes.HasPrefix(bytes.ToLower(bytes.TrimSpace(first)), []byte("version:"))
	cr := csv.NewReader(lines)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.Comma = separatorOf(first, entra)
	if entra {
		if _, err := cr.Read(); err != nil {
			return nil, Invalid("file", "The file is empty.")
		}
	}
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, Invalid("file", "The file is empty.")
	}
	if err != nil || !allUTF8(header) {
		return nil, Invalid("file", "The first line isn't a CSV header in UTF-8: save the file as 'CSV UTF-8' from the template.")
	}
	layout, err := layoutOf(header, entra)
	if err != nil {
		return nil, err
	}
	rows, lastOffset := 0, int64(-1)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		var pe *csv.ParseError
		if errors.As(err, &pe) && !errors.Is(err, csv.ErrFieldCount) {
			if cr.InputOffset() == lastOffset {
				return nil, Invalid("file", "The CSV quoting is broken at line %d.", pe.StartLine)
			}
			lastOffset = cr.InputOffset()
			rec, line = nil, pe.StartLine
		} else if err != nil && !errors.Is(err, csv.ErrFieldCount) {
			return nil, err
		}
		row, skip := layout.row(rec, line, err != nil)
		if skip {
			continue
		}
		if rows++; rows > ImportMaxRows {
			return nil, Invalid("file", "The file has more than %d rows; split it into several files.", ImportMaxRows)
		}
		if err := emit(layout.format, row); err != nil {
			return nil, err
		}
	}
	if rows == 0 {
		return nil, Invalid("file", "The file has a header but no users: add one row per user under the header.")
	}
	return layout, nil
}

// row turns a record into an import row; skip is set for blank rows and
// the Entra template's example row.
func (l *importLayout) row(rec []string, line int, broken bool) (ImportRow, bool) {
	row := ImportRow{Line: line, Cells: make([]string, fieldCount), Status: RowPending}
	if broken && rec == nil {
		row.Problems = append(row.Problems, ImportProblem{Column: "", Message: "The CSV quoting is broken on this line: a quote inside a field must be doubled, and a quoted field must end with a quote."})
		return row, false
	}
	blank := true
	for _, c := range rec {
		blank = blank && strings.TrimSpace(c) == ""
	}
	if blank || (l.format == "entra" && strings.HasPrefix(strings.TrimSpace(rec[0]), "Example:")) {
		return row, true
	}
	if len(rec) != len(l.column) {
		row.Problems = append(row.Problems, ImportProblem{Message: "The row has " + itoa(len(rec)) + " cells; the header has " + itoa(len(l.column)) + "."})
	}
	for i, c := range rec {
		if i >= len(l.column) || l.column[i] == fieldCount {
			continue
		}
		f := l.column[i]
		if !utf8.ValidString(c) {
			row.Problems = append(row.Problems, ImportProblem{Column: l.label[f], Message: "The cell isn't valid UTF-8: save the file as 'CSV UTF-8'."})
			continue
		}
		row.Cells[f] = strings.TrimSpace(c)
	}
	row.UPNFold = strings.ToLower(row.Cells[fUPN])
	return row, false
}

// separatorOf picks the separator of the header line: the one of comma
// and semicolon it has more of outside quotes.
func separatorOf(first []byte, entra bool) rune {
	lines := bytes.SplitN(first, []byte("\n"), 3)
	h := lines[0]
	if entra && len(lines) > 1 {
		h = lines[1]
	}
	commas, semis, quoted := 0, 0, false
	for _, b := range h {
		switch {
		case b == '"':
			quoted = !quoted
		case b == ',' && !quoted:
			commas++
		case b == ';' && !quoted:
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

func allUTF8(ss []string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}
