package api

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"net/http"

	"github.com/atriumhq/atrium/internal/directory"
)

// sheetStyle lays the credentials sheet out for paper: two cards a row,
// none split over pages.
const sheetStyle = `body{font-family:system-ui,sans-serif;margin:2em;color:#000}h1{font-size:1.4em}
.cards{display:grid;grid-template-columns:1fr 1fr;gap:1em}.card{border:1px solid #888;border-radius:6px;padding:1em;break-inside:avoid}
.card h2{font-size:1.1em;margin:0 0 .5em}dt{font-weight:600}dd{margin:0 0 .5em;font-family:ui-monospace,monospace;word-break:break-all}
@media print{body{margin:0}}`

// sheetCSP allows nothing but the sheet's own style.
var sheetCSP = func() string {
	sum := sha256.Sum256([]byte(sheetStyle))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; frame-ancestors 'none'; base-uri 'none'"
}()

var sheetTemplate = template.Must(template.New("sheet").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign-in details: {{.File}}</title><style>{{.Style}}</style></head>
<body><h1>Sign-in details of the users from {{.File}}</h1>
<p>Hand each person their card. Sign in at {{.SignIn}}.</p>
<div class="cards">{{range .Cards}}<section class="card"><h2>{{.Name}}</h2><dl>
<dt>User name</dt><dd>{{.UserName}}</dd>
{{if .Password}}<dt>Temporary password</dt><dd>{{.Password}}</dd><dd>You will choose your own password when you first sign in.</dd>{{end}}
{{if .Link}}<dt>Set your password at</dt><dd>{{.Link}}</dd>{{end}}
</dl></section>{{end}}</div></body></html>`))

type sheetCard struct{ Name, UserName, Password, Link string }

// importSheet is a printable page with the sign-in details of every user
// an import created.
func (a *API) importSheet(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	imp, err := a.dir.GetImport(ctx, tenantOf(ctx), r.PathValue("id"))
	if err != nil {
		return err
	}
	var cards []sheetCard
	err = a.dir.ImportRows(ctx, tenantOf(ctx), imp.ID, func(_ directory.Import, row directory.ImportRow) error {
		if row.Status == directory.RowCreated {
			pw, link := a.importCredentials(row)
			cards = append(cards, sheetCard{Name: row.DisplayName(), UserName: row.UserName(), Password: pw, Link: link})
		}
		return nil
	})
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", sheetCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	return sheetTemplate.Execute(w, map[string]any{"File": imp.FileName, "Style": template.CSS(sheetStyle), "SignIn": a.publicURL + "/signin", "Cards": cards})
}
