package api_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

const templateHeader = "User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or Postal Code,Country or Region"

// upload posts a file to /api/imports with form fields.
func (h *harness) upload(token string, file []byte, fields ...string) response {
	h.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for i := 0; i+1 < len(fields); i += 2 {
		_ = mw.WriteField(fields[i], fields[i+1])
	}
	fw, _ := mw.CreateFormFile("file", "users.csv")
	_, _ = fw.Write(file)
	_ = mw.Close()
	return h.do(token, "POST", "/api/imports", b.Bytes(), "Content-Type", mw.FormDataContentType())
}

// runImports runs the import job until no import has work left.
func (h *harness) runImports() {
	h.t.Helper()
	for {
		n, err := h.app.Directory.RunImports(bg, "test-replica")
		if err != nil {
			h.t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
}

// csvRows parses a CSV download into maps by header.
func csvRows(t *testing.T, raw []byte) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("CSV %q: %v", raw, err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// TestImportVerdicts uploads the template with good and bad rows: every
// problem is named by line and column, nothing is created until the
// admin starts, and starting without skipping the bad rows is refused.
func TestImportVerdicts(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	d := a.domain
	h.newUser(a, "taken", nil)
	file := "\uFEFF" + templateHeader + "\n" +
		"anna@" + d + ",Anna,de Vries,Anna de Vries,\"Planner\nand more\",Sales,,020 555 0101,+31 6 1234 5678,,anna@example.net,Dam 1,Amsterdam,NH,1012 JS,Netherlands\n" + // line 2-3: a line break in a title
		"anne@" + d + ",Anne,de Vriés,Anne de Vriés 🌷,Planner,Sales,,020 555 0101,+31 6 1234 5678,,anne@example.net,\"Dam 1, 2nd floor\",Amsterdam,NH,1012 JS,Netherlands\n" + // 4: quotes around a comma
		"zoë@" + d + ",Zoë,Ünal,Zoë Ünal 🚀,,,,,,,,,,,,NL\n" + // 5: a non-ASCII alias
		"joep@" + d + ",Joep,,,,,,,,,,,,,,\n" + // 6: no display name
		"kees@elsewhere.example,Kees,,Kees,,,,,,,,,,,,\n" + // 7: unknown domain
		"anna@" + d + ",Anna,Twee,Anna Twee,,,,,,,,,,,,\n" + // 8: duplicate of line 2
		"taken@" + d + ",T,,Taken,,,,,,,,,,,,\n" + // 9: exists
		"long@" + d + ",L,,Long," + strings.Repeat("x", 129) + ",,,abc,,,,,,,,Atlantis\n" + // 10: long title, bad phone, bad country
		"short@" + d + ",S,,Short\n" + // 11: too few cells
		",,,,,,,,,,,,,,,\n" + // blank: skipped
		"bram@" + d + ",Bram,Jansen,\"Bram \"\"BJ\"\" Jansen\",,,,,,,,,,,,België\n" // 13
	h.want(h.upload("", []byte(file)), 401, "InvalidAuthenticationToken")
	h.want(h.upload(a.memberTok, []byte(file)), 403, "Authorization_RequestDenied")
	r := h.upload(a.adminTok, []byte(file))
	h.want(r, 202, "")
	id := r.body["id"].(string)
	if r.body["status"] != "awaitingConfirmation" || r.body["total"] != float64(10) || r.body["invalid"] != float64(8) || r.body["valid"] != float64(2) {
		t.Fatalf("upload: %s", r.raw)
	}
	got := map[string]bool{}
	for _, p := range r.body["problems"].([]any) {
		p := p.(map[string]any)
		got[fmt.Sprintf("%v %v", p["row"], p["column"])] = true
	}
	for _, want := range []string{"2 Job Title", "5 User Name", "6 Display Name", "7 User Name", "8 User Name", "9 User Name", "10 Job Title",
		"10 Office Phone", "10 Country or Region", "11 "} {
		if !got[want] {
			t.Errorf("no problem %q in %s", want, r.raw)
		}
	}
	h.want(h.do(b.adminTok, "GET", "/api/imports/"+id, nil), 404, "Request_ResourceNotFound")
	probs := h.do(a.adminTok, "GET", "/api/imports/"+id+"/problems", nil)
	if probs.status != 200 || len(csvRows(t, probs.raw)) < 9 {
		t.Fatalf("problems CSV: %s", probs.raw)
	}
	// Nothing exists yet; a start that doesn't skip the bad rows is refused.
	h.want(h.do(a.adminTok, "GET", "/v1.0/users/anne@"+d, nil), 404, "Request_ResourceNotFound")
	r = h.do(a.adminTok, "POST", "/api/imports/"+id+"/start", map[string]any{"credentials": "password"})
	if r.status != 400 || !strings.Contains(r.errMessage(), "8 of 10 rows have problems") {
		t.Fatalf("start without skip: %d %s", r.status, r.raw)
	}
	h.want(h.do(a.adminTok, "POST", "/api/imports/"+id+"/start", map[string]any{"credentials": "fax"}), 400, "Request_BadRequest")
	r = h.do(a.adminTok, "POST", "/api/imports/"+id+"/start", map[string]any{"credentials": "password", "skipInvalidRows": true})
	h.want(r, 202, "")
	h.want(h.do(a.adminTok, "POST", "/api/imports/"+id+"/start", map[string]any{"skipInvalidRows": true}), 400, "Request_BadRequest")
	h.runImports()
	r = h.do(a.adminTok, "GET", "/api/imports/"+id, nil)
	if r.body["status"] != "completed" || r.body["created"] != float64(2) || r.body["failed"] != float64(0) || r.body["done"] != float64(2) {
		t.Fatalf("after the job: %s", r.raw)
	}
	h.wantAuditBy(a, "Start bulk user import", id)
	h.wantAuditBy(a, "Finish bulk user import", id)
	res := h.do(a.adminTok, "GET", "/api/imports/"+id+"/results", nil)
	rows := csvRows(t, res.raw)
	if len(rows) != 10 {
		t.Fatalf("results: %s", res.raw)
	}
	byName := map[string]map[string]string{}
	for _, row := range rows {
		if byName[row["User Name"]] == nil {
			byName[row["User Name"]] = row
		}
	}
	anne := byName["anne@"+d]
	if anne["Result"] != "Created" || len(anne["Temporary password"]) != 16 || anne["Display Name"] != "Anne de Vriés 🌷" {
		t.Fatalf("Anne's result: %v", anne)
	}
	if anna := byName["anna@"+d]; anna["Result"] != "Skipped" || !strings.Contains(anna["Reason"], "Job Title") {
		t.Fatalf("Anna's result: %v", anna)
	}
	if r := newBrowser(h).signIn("anne@"+d, anne["Temporary password"]); r.status != 200 {
		t.Fatalf("sign-in with the temporary password: %d %s", r.status, r.raw)
	}
	if bram := byName["bram@"+d]; bram["Result"] != "Created" || bram["Display Name"] != `Bram "BJ" Jansen` {
		t.Fatalf("Bram: %v", bram)
	}
	if z := byName["zoë@"+d]; z["Result"] != "Skipped" || !strings.Contains(z["Reason"], "mail alias") {
		t.Fatalf("Zoë: %v", z)
	}
	u := h.do(a.adminTok, "GET", "/v1.0/users/anne@"+d+"?$select=streetAddress,country,businessPhones,otherMails,accountEnabled", nil)
	if u.body["streetAddress"] != "Dam 1, 2nd floor" || u.body["country"] != "Netherlands" || u.body["accountEnabled"] != true {
		t.Fatalf("Anne: %s", u.raw)
	}
	sheet := h.do(a.adminTok, "GET", "/api/imports/"+id+"/sheet", nil)
	if sheet.status != 200 || !strings.Contains(html.UnescapeString(string(sheet.raw)), anne["Temporary password"]) || !strings.Contains(sheet.header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Fatalf("sheet: %d %s", sheet.status, sheet.raw)
	}
	list := h.do(a.adminTok, "GET", "/api/imports", nil)
	if list.status != 200 || len(list.body["value"].([]any)) != 1 {
		t.Fatalf("list: %s", list.raw)
	}
}

// TestImportFiles: files that aren't the template are refused whole, with
// what is wrong; semicolons, a Dutch header, UTF-16 and the Entra
// template are read.
func TestImportFiles(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	d := a.domain
	for name, c := range map[string]struct {
		file, want string
	}{
		"empty":        {"", "The file is empty."},
		"header only":  {templateHeader + "\n", "no users"},
		"png":          {"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "UTF-8"},
		"order":        {strings.Replace(templateHeader, "First Name,Last Name", "Last Name,First Name", 1) + "\nx@" + d + ",,,X\n", "Column 2 is 'Last Name'"},
		"missing":      {"User Name,First Name,Last Name\nx@" + d + ",,\n", "the columns from 'Display Name' on are missing"},
		"not template": {"name,email\nx,y\n", "isn't a column of the template"},
		"entra no pw":  {"version:v1.0\nName [displayName] Required,User name [userPrincipalName] Required\nX,x@" + d + "\n", "[passwordProfile]"},
	} {
		r := h.upload(a.adminTok, []byte(c.file))
		if r.status != 400 || !strings.Contains(r.errMessage(), c.want) {
			t.Errorf("%s: %d %s", name, r.status, r.raw)
		}
	}
	h.want(h.do(a.adminTok, "POST", "/api/imports", "x", "Content-Type", "text/csv"), 400, "Request_BadRequest")
	h.want(h.upload(a.adminTok, []byte(templateHeader+"\nx@"+d+",,,X,,,,,,,,,,,,\n"), "accountEnabled", "maybe"), 400, "Request_BadRequest")
	h.want(h.upload(a.adminTok, []byte(templateHeader+"\nx@"+d+",,,X,,,,,,,,,,,,\n"), "skuIds", skuBasic), 400, "Request_BadRequest") // no location

	nl := "Gebruikersnaam;Voornaam;Achternaam;Weergavenaam;Functie;Afdeling;Kantoornummer;Telefoon op kantoor;Mobiele telefoon;Fax;Alternatief e-mailadres;Adres;Plaats;Provincie;Postcode;Land of regio\n" +
		"eva@" + d + ";Eva;Smit;Eva Smit;;;;;;;;;;;;Nederland\n" + "bad\xffname@" + d + ";;;Bad;;;;;;;;;;;;\n"
	r := h.upload(a.adminTok, []byte(nl))
	if r.status != 202 || r.body["total"] != float64(2) || r.body["invalid"] != float64(1) || !strings.Contains(string(r.raw), "UTF-8") {
		t.Fatalf("semicolons and a Dutch header: %d %s", r.status, r.raw)
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, c := range templateHeader + "\r\nfleur@" + d + ",Fleur,,Fleur,,,,,,,,,,,,\r\n" {
		utf16 = append(utf16, byte(c), byte(c>>8))
	}
	r = h.upload(a.adminTok, utf16, "autoStart", "true")
	if r.status != 202 || r.body["status"] != "running" || r.body["total"] != float64(1) {
		t.Fatalf("UTF-16 with autoStart: %d %s", r.status, r.raw)
	}
	entra := "version:v1.0\nName [displayName] Required,User name [userPrincipalName] Required,Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required,First name [givenName],Last name [surname],Usage location [usageLocation]\n" +
		"Example: Chris Green,chris@contoso.com,myPassword1234,No,Chris,Green,US\n" +
		"Gijs,gijs@" + d + ",Lantern-Orchard-4821,No,Gijs,Bakker,NL\n" +
		"Ria,ria@" + d + ",password,Yes,Ria,,XX\n"
	r = h.upload(a.adminTok, []byte(entra))
	if r.status != 202 || r.body["format"] != "entra" || r.body["total"] != float64(2) || r.body["invalid"] != float64(1) {
		t.Fatalf("Entra template: %d %s", r.status, r.raw)
	}
	entraID := r.body["id"].(string)
	h.want(h.do(a.adminTok, "POST", "/api/imports/"+entraID+"/start", map[string]any{"skipInvalidRows": true}), 202, "")
	h.runImports()
	if r := newBrowser(h).signIn("gijs@"+d, "Lantern-Orchard-4821"); r.status != 200 {
		t.Fatalf("Gijs signs in with the file's password: %d %s", r.status, r.raw)
	}
	if r := h.do(a.adminTok, "GET", "/v1.0/users/fleur@"+d, nil); r.status != 200 {
		t.Fatalf("Fleur from the UTF-16 file: %s", r.raw)
	}
	// An import acts with its admin's rights of the moment: one who lost
	// them stops it.
	uaID, uaTok := h.roleUser(a, "useradmin", authz.UserAdmin)
	r = h.upload(uaTok, []byte(templateHeader+"\nlate@"+d+",,,Late,,,,,,,,,,,,\n"))
	h.want(r, 202, "")
	h.want(h.do(uaTok, "POST", "/api/imports/"+r.body["id"].(string)+"/start", map[string]any{}), 202, "")
	h.want(h.do(a.adminTok, "DELETE", "/v1.0/directoryRoles(roleTemplateId='"+authz.UserAdmin.TemplateID+"')/members/"+uaID+"/$ref", nil), 204, "")
	h.runImports()
	r = h.do(a.adminTok, "GET", "/api/imports/"+r.body["id"].(string), nil)
	if r.body["status"] != "failed" || !strings.Contains(fmt.Sprint(r.body["error"]), "may no longer create users") || r.body["created"] != float64(0) {
		t.Fatalf("an import of an admin without the right: %s", r.raw)
	}
}

// TestImportLicensesAndLinks: rows past the free seats fail with the
// reason while the others are created with their license, and the
// default credentials are one-time links that work.
func TestImportLicensesAndLinks(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	if _, err := a.admin.BuyLicenses(bg, skuBasic, 3, ""); err != nil {
		t.Fatal(err)
	}
	var file strings.Builder
	file.WriteString(templateHeader + "\n")
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&file, "u%d@%s,U,%d,User %d,,,,,,,,,,,,\n", i, a.domain, i, i)
	}
	_, pwTok := h.roleUser(a, "helpdesk", authz.PasswordAdmin)
	h.want(h.upload(pwTok, []byte(file.String())), 403, "Authorization_RequestDenied")
	h.want(h.upload(a.adminTok, []byte(file.String()), "usageLocation", "NL", "skuIds", skuBasic, "accountEnabled", "false"), 400, "Request_BadRequest")
	r := h.upload(a.adminTok, []byte(file.String()), "usageLocation", "NL", "skuIds", skuBasic)
	if r.status != 202 {
		t.Fatalf("upload: %d %s\n%s", r.status, r.raw, h.logs)
	}
	id := r.body["id"].(string)
	h.want(h.do(a.adminTok, "POST", "/api/imports/"+id+"/start", map[string]any{"usageLocation": "NL", "skuIds": []string{skuBasic}}), 202, "")
	h.runImports()
	r = h.do(a.adminTok, "GET", "/api/imports/"+id, nil)
	if r.body["created"] != float64(3) || r.body["failed"] != float64(2) || r.body["status"] != "completed" {
		t.Fatalf("seats for three of five: %s", r.raw)
	}
	if s := h.skus(a)[skuBasic]; s.ConsumedUnits != 3 {
		t.Fatalf("consumed: %+v", s)
	}
	rows := csvRows(t, h.do(a.adminTok, "GET", "/api/imports/"+id+"/results", nil).raw)
	var link string
	for _, row := range rows {
		switch row["Result"] {
		case "Created":
			link = row["Set-password link"]
			if row["Temporary password"] != "" || !strings.Contains(link, "/set-password#") {
				t.Fatalf("a created row: %v", row)
			}
		case "Failed":
			if !strings.Contains(row["Reason"], "available licenses") {
				t.Fatalf("a failed row: %v", row)
			}
		}
	}
	token := link[strings.Index(link, "#")+1:]
	h.want(h.do("", "POST", "/api/passwordLinks/redeem", map[string]any{"token": token, "newPassword": "Copper-Meadow-5190"}), 204, "")
	u := h.do(a.adminTok, "GET", "/v1.0/users/u0@"+a.domain+"?$select=accountEnabled,usageLocation,assignedLicenses", nil)
	if u.body["accountEnabled"] != true || u.body["usageLocation"] != "NL" || len(u.body["assignedLicenses"].([]any)) != 1 {
		t.Fatalf("an imported user: %s", u.raw)
	}
}

// endlessCSV is the template followed by rows without end.
type endlessCSV struct{ sent int }

func (e *endlessCSV) Read(p []byte) (int, error) {
	row := "a@b.example,A,B,A B,,,,,,,,,,,,\n"
	n := 0
	if e.sent == 0 {
		n = copy(p, templateHeader+"\n")
	}
	for n+len(row) <= len(p) {
		n += copy(p[n:], row)
	}
	e.sent += n
	return n, nil
}

// TestImportTooLarge streams a file larger than the limit: the server
// answers 413 once the limit is passed, without holding the file in memory.
func TestImportTooLarge(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		fw, _ := mw.CreateFormFile("file", "huge.csv")
		_, err := io.Copy(fw, io.LimitReader(&endlessCSV{}, 2<<30)) // 2 GB, stopped by the server
		pw.CloseWithError(err)
	}()
	req, _ := http.NewRequest("POST", h.url+"/api/imports", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+a.adminTok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 413 || !strings.Contains(string(body), "larger than 100 MB") {
		t.Fatalf("a 2 GB upload: %d %s", resp.StatusCode, body)
	}
	pr.Close()
}
