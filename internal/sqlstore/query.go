package sqlstore

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

// colKind tells how a property is stored and compared.
type colKind int

const (
	cFold      colKind = iota // folded text column; compared and ordered bytewise
	cExact                    // text compared exactly, bytewise (immutable ids)
	cText                     // ASCII text Atrium itself writes, compared with lower()
	cBool                     // boolean
	cNullBool                 // boolean where NULL means "never set"
	cTime                     // microseconds since the epoch; NULL or 0 means unset
	cID                       // lower-case GUID text
	cList                     // JSON array of strings
	cTokens                   // " tok1 tok2 ": search tokens, matched by token prefix
	cTokenRows                // a table of (tenant_id, token, user_id) rows, matched by token prefix through its index
	cNumber                   // integer
)

type column struct {
	sql  string
	kind colKind
}

// resource describes how a collection's properties map to SQL.
type resource struct {
	name   string            // Graph type name, for errors
	cols   map[string]column // filterable properties
	order  map[string]column // orderable properties
	search map[string]column // $search properties; cFold columns of tokens match by token prefix
	any    map[string]func(b *builder, v string, c directory.Expr) (string, error)
	id     string // the id column, the keyset tie-breaker
}

// builder accumulates SQL arguments; $1 is always the tenant id.
type builder struct {
	args []any
	// tokenCounts holds, for the tokens of a $search on token rows, how
	// many rows each matches (counted up to tokenCountCap), so that the
	// rarest token drives the query; nil when not counted.
	tokenCounts map[string]int
}

func (b *builder) arg(v any) string {
	b.args = append(b.args, v)
	return "$" + strconv.Itoa(len(b.args)+1)
}

func unsupported(r *resource, prop string) error {
	return directory.UnsupportedQuery("Unsupported or invalid query filter clause specified for property '%s' of resource '%s'.", prop, r.name)
}

// where translates a filter expression into a SQL condition.
func (b *builder) where(r *resource, e directory.Expr) (string, error) {
	switch e := e.(type) {
	case directory.And:
		return b.binary(r, e.Left, e.Right, "AND")
	case directory.Or:
		return b.binary(r, e.Left, e.Right, "OR")
	case directory.Not:
		x, err := b.where(r, e.X)
		return "NOT (" + x + ")", err
	case directory.Compare:
		return b.compare(r, e)
	case directory.In:
		var parts []string
		for _, v := range e.Values {
			p, err := b.compare(r, directory.Compare{Prop: e.Prop, Op: directory.OpEq, Value: v})
			if err != nil {
				return "", err
			}
			parts = append(parts, p)
		}
		return "(" + strings.Join(parts, " OR ") + ")", nil
	case directory.StartsWith:
		return b.startsWith(r, e.Prop, e.Prefix)
	case directory.EndsWith:
		return b.endsWith(r, e.Prop, e.Suffix)
	case directory.Any:
		if f, ok := r.any[e.Prop]; ok {
			return f(b, e.Var, e.Cond)
		}
		return "", unsupported(r, e.Prop)
	case directory.Search:
		return b.search(r, e)
	}
	return "", directory.UnsupportedQuery("Unsupported query expression.")
}

func (b *builder) binary(r *resource, l, rt directory.Expr, op string) (string, error) {
	ls, err := b.where(r, l)
	if err != nil {
		return "", err
	}
	rs, err := b.where(r, rt)
	if err != nil {
		return "", err
	}
	return "(" + ls + " " + op + " " + rs + ")", nil
}

var sqlOps = map[directory.CmpOp]string{directory.OpEq: "=", directory.OpNe: "<>", directory.OpGt: ">",
	directory.OpGe: ">=", directory.OpLt: "<", directory.OpLe: "<="}

func (b *builder) compare(r *resource, e directory.Compare) (string, error) {
	if name, ok := strings.CutSuffix(e.Prop, "/$count"); ok {
		c, ok := r.cols[name]
		if !ok || c.kind != cList || e.Value.Kind != directory.KindNumber || e.Value.Num != 0 || (e.Op != directory.OpEq && e.Op != directory.OpNe) {
			return "", unsupported(r, e.Prop)
		}
		return c.sql + " " + sqlOps[e.Op] + " '[]'", nil
	}
	c, ok := r.cols[e.Prop]
	if !ok {
		return "", unsupported(r, e.Prop)
	}
	op := sqlOps[e.Op]
	v := e.Value
	bad := func() (string, error) {
		return "", directory.UnsupportedQuery("The value of the filter on '%s' has the wrong type.", e.Prop)
	}
	if v.Kind == directory.KindNull {
		if e.Op != directory.OpEq && e.Op != directory.OpNe {
			return bad()
		}
		isNull := map[colKind]string{cFold: c.sql + " = ''", cExact: c.sql + " = ''", cText: c.sql + " = ''", cNullBool: c.sql + " IS NULL",
			cTime: "(" + c.sql + " IS NULL OR " + c.sql + " = 0)", cID: c.sql + " = ''"}[c.kind]
		if isNull == "" {
			return bad()
		}
		if e.Op == directory.OpNe {
			return "NOT (" + isNull + ")", nil
		}
		return isNull, nil
	}
	switch c.kind {
	case cFold, cExact:
		if v.Kind != directory.KindString {
			return bad()
		}
		val := v.Str
		if c.kind == cFold {
			val = directory.Fold(val)
		}
		return c.sql + " " + op + " " + b.arg(val), nil
	case cText:
		if v.Kind != directory.KindString {
			return bad()
		}
		return "lower(" + c.sql + ") " + op + " lower(" + b.arg(v.Str) + ")", nil
	case cBool, cNullBool:
		if v.Kind != directory.KindBool || (e.Op != directory.OpEq && e.Op != directory.OpNe) {
			return bad()
		}
		if e.Op == directory.OpNe && c.kind == cNullBool {
			return "(" + c.sql + " IS NULL OR " + c.sql + " <> " + b.arg(v.Bool) + ")", nil
		}
		return c.sql + " " + op + " " + b.arg(v.Bool), nil
	case cNumber:
		if v.Kind != directory.KindNumber {
			return bad()
		}
		return c.sql + " " + op + " " + b.arg(v.Num), nil
	case cTime:
		if v.Kind != directory.KindTime {
			return bad()
		}
		return c.sql + " " + op + " " + b.arg(micros(v.Time)), nil
	case cID:
		if (v.Kind != directory.KindGUID && v.Kind != directory.KindString) || (e.Op != directory.OpEq && e.Op != directory.OpNe) {
			return bad()
		}
		return c.sql + " " + op + " " + b.arg(strings.ToLower(v.Str)), nil
	}
	return "", unsupported(r, e.Prop)
}

// startsWith matches a prefix: on text columns as a bytewise range, so that
// the index serves it on both databases (SQLite's LIKE can't use a binary
// index and folds only ASCII).
func (b *builder) startsWith(r *resource, prop, prefix string) (string, error) {
	c, ok := r.cols[prop]
	if !ok {
		return "", unsupported(r, prop)
	}
	switch c.kind {
	case cFold, cExact:
		if c.kind == cFold {
			prefix = directory.Fold(prefix)
		}
		return "(" + c.sql + " >= " + b.arg(prefix) + " AND " + c.sql + " < " + b.arg(prefix+"\U0010FFFF") + ")", nil
	case cText:
		return "lower(" + c.sql + ") LIKE " + b.arg(likeEscape(strings.ToLower(prefix))+"%") + ` ESCAPE '\'`, nil
	}
	return "", unsupported(r, prop)
}

// endsWith matches a suffix; it reads every row the other conditions leave.
func (b *builder) endsWith(r *resource, prop, suffix string) (string, error) {
	c, ok := r.cols[prop]
	if !ok || (c.kind != cFold && c.kind != cExact) {
		return "", unsupported(r, prop)
	}
	if c.kind == cFold {
		suffix = directory.Fold(suffix)
	}
	// substr compares bytewise on both databases, unlike LIKE.
	p := b.arg(suffix)
	return "substr(" + c.sql + ", length(" + c.sql + ") - length(CAST(" + p + " AS TEXT)) + 1) = " + p, nil
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// search matches a $search clause: token prefixes for tokenized columns,
// a prefix match otherwise.
func (b *builder) search(r *resource, e directory.Search) (string, error) {
	c, ok := r.search[e.Prop]
	if !ok {
		return "", directory.UnsupportedQuery("$search is not supported on property '%s' of resource '%s'.", e.Prop, r.name)
	}
	if c.kind != cTokens && c.kind != cTokenRows { // a plain column: prefix match
		return b.startsWith(&resource{name: r.name, cols: map[string]column{e.Prop: c}}, e.Prop, e.Term)
	}
	toks := directory.SearchTokens(e.Term)
	if len(toks) == 0 {
		return "1 = 0", nil
	}
	if c.kind == cTokenRows {
		return b.tokenRows(r, c, toks), nil
	}
	var parts []string
	for _, t := range toks {
		parts = append(parts, c.sql+" LIKE "+b.arg("% "+likeEscape(t)+"%")+` ESCAPE '\'`)
	}
	return "(" + strings.Join(parts, " AND ") + ")", nil
}

// tokenCountCap bounds the counting of a search token's matches: beyond
// it a token is simply common.
var tokenCountCap = 1000 // a variable so that tests can make every token common

// tokenRows matches users whose display name has a token starting with
// each of toks, through the token table's index (a range on the token;
// U+10FFFF sorts after every character bytewise, in BINARY and COLLATE
// "C"). The rarest token, when it is not common, drives the query as an
// IN list; the others are checked per candidate row. When every token is
// common, all are checked per row, so that the first page comes from the
// order's index without reading every match.
func (b *builder) tokenRows(r *resource, c column, toks []string) string {
	sort.SliceStable(toks, func(i, j int) bool { return b.tokenCounts[toks[i]] < b.tokenCounts[toks[j]] })
	drive := b.tokenCounts == nil || b.tokenCounts[toks[0]] < tokenCountCap
	var parts []string
	for i, t := range toks {
		lo, hi := b.arg(t), b.arg(t+"\U0010FFFF")
		if i == 0 && drive {
			parts = append(parts, r.id+" IN (SELECT user_id FROM "+c.sql+" WHERE tenant_id = $1 AND token >= "+lo+" AND token < "+hi+")")
			continue
		}
		parts = append(parts, "EXISTS (SELECT 1 FROM "+c.sql+" nt WHERE nt.tenant_id = $1 AND nt.user_id = "+r.id+
			" AND nt.token >= "+lo+" AND nt.token < "+hi+")")
	}
	return "(" + strings.Join(parts, " AND ") + ")"
}

// jsonListAny translates col/any(x: x eq 'v') and startswith(x,'v') on a
// JSON array column.
func jsonListAny(col string) func(b *builder, v string, c directory.Expr) (string, error) {
	return func(b *builder, v string, c directory.Expr) (string, error) {
		quoted := func(s string) string {
			j, _ := json.Marshal(directory.Fold(s))
			return likeEscape(string(j[:len(j)-1])) // keep the opening quote, drop the closing one
		}
		switch c := c.(type) {
		case directory.Compare:
			if c.Prop == v && c.Op == directory.OpEq && c.Value.Kind == directory.KindString {
				return "lower(" + col + ") LIKE " + b.arg("%"+quoted(c.Value.Str)+`"%`) + ` ESCAPE '\'`, nil
			}
		case directory.StartsWith:
			if c.Prop == v {
				return "lower(" + col + ") LIKE " + b.arg("%"+quoted(c.Prefix)+"%") + ` ESCAPE '\'`, nil
			}
		}
		return "", directory.UnsupportedQuery("Only 'eq' and startswith are supported inside any() on this property.")
	}
}

// cursor is the keyset position after the last row of a page.
type cursor struct {
	K json.RawMessage `json:"k,omitempty"` // sort key of the last row
	I string          `json:"i"`           // id of the last row
}

func encodeCursor(key any, id string) string {
	var raw json.RawMessage
	if key != nil {
		raw, _ = json.Marshal(key)
	}
	b, _ := json.Marshal(cursor{K: raw, I: id})
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (cursor, error) {
	var c cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || c.I == "" {
		return c, directory.Invalid("$skiptoken", "The $skiptoken is invalid; follow @odata.nextLink as given.")
	}
	return c, nil
}

// listSQL builds the SELECT of one page: the filter, the search, the
// keyset condition and the order, fetching one row more than the page to
// know whether another page follows.
func listSQL(r *resource, cols, table, base string, q directory.ListQuery) (string, []any, *column, error) {
	return listSQLWith(&builder{}, r, cols, table, base, q)
}

// listSQLWith is listSQL with a builder that may carry token counts.
func listSQLWith(b *builder, r *resource, cols, table, base string, q directory.ListQuery) (string, []any, *column, error) {
	conds := []string{"tenant_id = $1", base}
	for _, e := range []directory.Expr{q.Filter, q.Search} {
		if e != nil {
			w, err := b.where(r, e)
			if err != nil {
				return "", nil, nil, err
			}
			conds = append(conds, w)
		}
	}
	var sortCol *column
	desc := false
	if len(q.OrderBy) > 1 {
		return "", nil, nil, directory.UnsupportedQuery("Ordering by more than one property is not supported.")
	}
	if len(q.OrderBy) == 1 {
		c, ok := r.order[q.OrderBy[0].Prop]
		if !ok {
			return "", nil, nil, directory.UnsupportedQuery("Ordering by property '%s' of resource '%s' is not supported.", q.OrderBy[0].Prop, r.name)
		}
		sortCol, desc = &c, q.OrderBy[0].Desc
	}
	cmp, dir := ">", "ASC"
	if desc {
		cmp, dir = "<", "DESC"
	}
	if q.After != "" {
		c, err := decodeCursor(q.After)
		if err != nil {
			return "", nil, nil, err
		}
		id := b.arg(c.I)
		if sortCol == nil {
			conds = append(conds, r.id+" "+cmp+" "+id)
		} else {
			key, err := cursorKey(c.K, sortCol.kind)
			if err != nil {
				return "", nil, nil, err
			}
			k := b.arg(key)
			// The bound on the sort column alone lets both planners seek the
			// index; the OR then breaks ties by id.
			conds = append(conds, fmt.Sprintf("%s %s= %s AND (%s %s %s OR %s %s %s)", sortCol.sql, cmp, k, sortCol.sql, cmp, k, r.id, cmp, id))
		}
	}
	order := r.id + " " + dir
	if sortCol != nil {
		order = sortCol.sql + " " + dir + ", " + order
	}
	top := q.Top
	if top <= 0 {
		top = 100
	}
	sqlText := "SELECT " + cols + " FROM " + table + " WHERE " + strings.Join(conds, " AND ") +
		" ORDER BY " + order + " LIMIT " + strconv.Itoa(top+1)
	return sqlText, b.args, sortCol, nil
}

func cursorKey(raw json.RawMessage, kind colKind) (any, error) {
	var err error
	if kind == cTime {
		var n int64
		if err = json.Unmarshal(raw, &n); err == nil {
			return n, nil
		}
	} else {
		var s string
		if err = json.Unmarshal(raw, &s); err == nil {
			return s, nil
		}
	}
	return nil, directory.Invalid("$skiptoken", "The $skiptoken is invalid; follow @odata.nextLink as given.")
}

// countSQL builds the SELECT count(*) of a query, ignoring paging.
func countSQL(r *resource, table, base string, q directory.ListQuery) (string, []any, error) {
	return countSQLWith(&builder{}, r, table, base, q)
}

// countSQLWith is countSQL with a builder that may carry token counts.
func countSQLWith(b *builder, r *resource, table, base string, q directory.ListQuery) (string, []any, error) {
	conds := []string{"tenant_id = $1", base}
	for _, e := range []directory.Expr{q.Filter, q.Search} {
		if e != nil {
			w, err := b.where(r, e)
			if err != nil {
				return "", nil, err
			}
			conds = append(conds, w)
		}
	}
	return "SELECT count(*) FROM " + table + " WHERE " + strings.Join(conds, " AND "), b.args, nil
}
