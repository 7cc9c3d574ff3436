package odata

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// TestFormatRandomTrees checks Format against the parsers on random trees,
// reaching shapes and literals the fuzzer rarely builds from text.
func TestFormatRandomTrees(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 5000 {
		e := randFilter(r, 6)
		if got, err := ParseFilter(Format(e)); err != nil || !reflect.DeepEqual(got, e) {
			t.Fatalf("tree %d: Format = %q\n parsed %#v, %v\n want   %#v", i, Format(e), got, err, e)
		}
		s := randSearch(r, 6)
		if got, err := ParseSearch(Format(s)); err != nil || !reflect.DeepEqual(got, s) {
			t.Fatalf("search tree %d: Format = %q\n parsed %#v, %v\n want   %#v", i, Format(s), got, err, s)
		}
	}
}

var randProps = []string{"displayName", "mail", "a/b", "initiatedBy/user/id", "_x9", "startswith", "any"}

func randFilter(r *rand.Rand, depth int) directory.Expr {
	n := 10
	if depth == 0 {
		n = 5
	}
	prop := randProps[r.IntN(len(randProps))]
	switch r.IntN(n) {
	case 0:
		ops := []directory.CmpOp{directory.OpEq, directory.OpNe, directory.OpGt, directory.OpGe, directory.OpLt, directory.OpLe}
		return directory.Compare{Prop: prop, Op: ops[r.IntN(len(ops))], Value: randValue(r)}
	case 1:
		in := directory.In{Prop: prop}
		for range 1 + r.IntN(3) {
			in.Values = append(in.Values, randValue(r))
		}
		return in
	case 2:
		return directory.StartsWith{Prop: prop, Prefix: randText(r)}
	case 3:
		return directory.EndsWith{Prop: prop, Suffix: randText(r)}
	case 4:
		return directory.Compare{Prop: prop + "/$count", Op: directory.OpGe, Value: num(r.Int64N(10))}
	case 5, 6:
		return directory.And{Left: randFilter(r, depth-1), Right: randFilter(r, depth-1)}
	case 7:
		return directory.Or{Left: randFilter(r, depth-1), Right: randFilter(r, depth-1)}
	case 8:
		return directory.Not{X: randFilter(r, depth-1)}
	}
	return directory.Any{Prop: prop, Var: "x", Cond: randFilter(r, depth-1)}
}

func randValue(r *rand.Rand) directory.Value {
	switch r.IntN(6) {
	case 0:
		return null
	case 1:
		return str(randText(r))
	case 2:
		return boolean(r.IntN(2) == 0)
	case 3:
		return num(r.Int64() - r.Int64())
	case 4:
		return guid(fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", r.Uint32(), r.Uint32N(1<<16),
			r.Uint32N(1<<16), r.Uint32N(1<<16), r.Uint64N(1<<48)))
	}
	sec := r.Int64N(253402300800) - 62135596800 // years 0000 to 9999
	return directory.Value{Kind: directory.KindTime, Time: time.Unix(sec, r.Int64N(1e9)).UTC()}
}

func randText(r *rand.Rand) string {
	const chars = `ab '"\:()/,AND or é` + "\x00\t"
	b := make([]byte, r.IntN(8))
	for i := range b {
		b[i] = chars[r.IntN(len(chars))]
	}
	return string(b)
}

func randSearch(r *rand.Rand, depth int) directory.Expr {
	switch n := r.IntN(4); {
	case depth > 0 && n == 0:
		return directory.And{Left: randSearch(r, depth-1), Right: randSearch(r, depth-1)}
	case depth > 0 && n == 1:
		return directory.Or{Left: randSearch(r, depth-1), Right: randSearch(r, depth-1)}
	}
	term := "t" + randText(r) + "t" // the parser trims surrounding spaces
	return directory.Search{Prop: "displayName", Term: term}
}
