package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress shows how far a long command is: a bar redrawn in place on a
// terminal, a plain line every few seconds otherwise.
type progress struct {
	w        io.Writer
	terminal bool
	last     time.Time
	drawn    bool
}

func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	term := false
	if ok {
		if st, err := f.Stat(); err == nil {
			term = st.Mode()&os.ModeCharDevice != 0
		}
	}
	return &progress{w: w, terminal: term}
}

// show reports n of total with a note.
func (p *progress) show(n, total int64, note string) {
	every := 5 * time.Second
	if p.terminal {
		every = 100 * time.Millisecond
	}
	if time.Since(p.last) < every && n < total {
		return
	}
	p.last = time.Now()
	pct := 100
	if total > 0 {
		pct = int(n * 100 / total)
	}
	if !p.terminal {
		fmt.Fprintf(p.w, "%d%% (%d of %d) %s\n", pct, n, total, note)
		return
	}
	bar := strings.Repeat("#", pct/4) + strings.Repeat(".", 25-pct/4)
	fmt.Fprintf(p.w, "\r[%s] %3d%% %s\033[K", bar, pct, note)
	p.drawn = true
}

// done ends a bar on a terminal.
func (p *progress) done() {
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}

// count reports n of an unknown total.
func (p *progress) count(n int64, note string) {
	every := 5 * time.Second
	if p.terminal {
		every = 100 * time.Millisecond
	}
	if time.Since(p.last) < every {
		return
	}
	p.last = time.Now()
	if !p.terminal {
		fmt.Fprintf(p.w, "%d %s\n", n, note)
		return
	}
	fmt.Fprintf(p.w, "\r%d %s\033[K", n, note)
	p.drawn = true
}
